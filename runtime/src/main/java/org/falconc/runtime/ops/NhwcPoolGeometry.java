package org.falconc.runtime.ops;

/**
 * Resolved geometry of a 2-D pooling over channels-last tensors: output (oh, ow) with tap (kh, kw)
 * reads input row oh·strideH + kh·dilH - padTop and column ow·strideW + kw·dilW - padLeft.
 * {@code padBottom}/{@code padRight} only bound the extent that count_include_pad counts.
 * Pixels are {@code inPixelStride}/{@code outPixelStride} floats apart (a pixel's c channels first).
 */
record NhwcPoolGeometry(int n, int c, int h, int w, int oh, int ow, int kh, int kw, int strideH, int strideW,
                        int padTop, int padLeft, int padBottom, int padRight, int dilH, int dilW,
                        int inPixelStride, int outPixelStride) {

    NhwcPoolGeometry {
        if (n < 0 || c < 0 || h < 1 || w < 1 || oh < 0 || ow < 0 || kh < 1 || kw < 1 || strideH < 1 || strideW < 1
                || dilH < 1 || dilW < 1 || padTop < 0 || padLeft < 0 || padBottom < 0 || padRight < 0) {
            throw new IllegalArgumentException("bad pooling geometry " + this);
        }
        if (inPixelStride < c || outPixelStride < c) {
            throw new IllegalArgumentException("pixel strides " + inPixelStride + "/" + outPixelStride
                    + " below the channel count " + c);
        }
    }

    /**
     * The bottom (or right) pad implied by the output size: just enough for the last window to end
     * inside the padded extent (0 when it ends inside the input).
     */
    static int impliedEndPad(int in, int out, int kernel, int stride, int padBegin, int dilation) {
        long lastTapEnd = (long) (out - 1) * stride + (long) (kernel - 1) * dilation + 1 - padBegin;
        return (int) Math.max(0, lastTapEnd - in);
    }

    /** Work of one output row in element operations (for the parallel split). */
    long rowWork() {
        return (long) ow * kh * kw * Math.max(1, c);
    }

    /** First input float of image b. */
    int inImage(int b) {
        return b * h * w * inPixelStride;
    }

    /** First output float of output row r (over all images: r = image·oh + row). */
    int outRow(int r) {
        return r * ow * outPixelStride;
    }
}
