package org.falconc.runtime.ops;

import java.util.Arrays;
import org.falconc.runtime.parallel.ExecutionContext;

/**
 * 2-D pooling on channels-last (NHWC) tensors with resolved geometry: the results are those of
 * {@link Pool2d} on the same data in NCHW, bit for bit. Each output pixel combines its window's
 * input pixels a channel vector at a time through {@link PixelCombiners#best()} (the Vector API
 * when present); the window's valid taps are found once per output pixel. Pixels are
 * {@code inPixelStride}/{@code outPixelStride} floats apart (&ge; c), so a kernel can read a channel
 * slice of a wider tensor or write into a channel slice of a Concat output; floats between a pixel's
 * c channels and the next pixel are never written. Rows of output pixels run in parallel on
 * {@code ctx} (null runs on the calling thread).
 *
 * <p>Output (oh, ow) with tap (kh, kw) reads input row oh·strideH + kh·dilH - padTop and column
 * ow·strideW + kw·dilW - padLeft; taps outside the input are skipped.
 */
public final class PoolNhwc {
    /** Channels per task of the global pools: several tasks per image even at batch 1. */
    private static final int GLOBAL_CHANNEL_BLOCK = 256;

    private PoolNhwc() {
    }

    /**
     * MaxPool, as {@link Pool2d#maxPool}: the first tap inside the input starts the maximum, later
     * taps replace it when greater (so NaN wins only as the first tap); a window with no tap inside
     * the input gives -Float.MAX_VALUE; of equal zeros +0 wins over -0.
     */
    public static void maxPool(ExecutionContext ctx, float[] x, int xOff, float[] y, int yOff, int n, int c, int h,
                               int w, int oh, int ow, int kh, int kw, int strideH, int strideW, int padTop, int padLeft,
                               int dilH, int dilW, int inPixelStride, int outPixelStride) {
        NhwcPoolGeometry g = new NhwcPoolGeometry(n, c, h, w, oh, ow, kh, kw, strideH, strideW, padTop, padLeft,
                NhwcPoolGeometry.impliedEndPad(h, oh, kh, strideH, padTop, dilH),
                NhwcPoolGeometry.impliedEndPad(w, ow, kw, strideW, padLeft, dilW), dilH, dilW, inPixelStride,
                outPixelStride);
        PixelCombiner combiner = PixelCombiners.best();
        TaskRanges.run(ctx, n * oh, g.rowWork(), (start, end, lane) -> {
            int[] pixels = new int[kh * kw]; // one per range, not per pixel
            for (int r = start; r < end; r++) {
                maxRow(g, combiner, x, xOff, y, yOff, r, pixels);
            }
        });
    }

    /**
     * AveragePool with the bottom and right pads implied by the output size: every window tap
     * outside the input is padding, so with {@code countIncludePad} the divisor is the number of
     * taps inside the padded extent that reaches the last window's end. This equals ONNX (and
     * {@link Pool2d#averagePool} with the explicit pads) whenever no ceil_mode window reaches past
     * the explicit bottom/right pads; when one may (ceil_mode=1 and count_include_pad=1) use the
     * overload taking {@code padBottom}/{@code padRight}, which leaves that overhang uncounted.
     */
    public static void averagePool(ExecutionContext ctx, float[] x, int xOff, float[] y, int yOff, int n, int c, int h,
                                   int w, int oh, int ow, int kh, int kw, int strideH, int strideW, int padTop,
                                   int padLeft, int dilH, int dilW, boolean countIncludePad, int inPixelStride,
                                   int outPixelStride) {
        averagePool(ctx, x, xOff, y, yOff, n, c, h, w, oh, ow, kh, kw, strideH, strideW, padTop, padLeft,
                NhwcPoolGeometry.impliedEndPad(h, oh, kh, strideH, padTop, dilH),
                NhwcPoolGeometry.impliedEndPad(w, ow, kw, strideW, padLeft, dilW), dilH, dilW, countIncludePad,
                inPixelStride, outPixelStride);
    }

    /**
     * AveragePool, as {@link Pool2d#averagePool}: the sum (in double, in tap order) of the taps inside
     * the input, divided by their number, or with {@code countIncludePad} by the number of taps inside
     * the input extended by the explicit pads (padBottom, padRight included; a ceil_mode overhang
     * beyond them never counts), as ONNX Runtime does.
     */
    public static void averagePool(ExecutionContext ctx, float[] x, int xOff, float[] y, int yOff, int n, int c, int h,
                                   int w, int oh, int ow, int kh, int kw, int strideH, int strideW, int padTop,
                                   int padLeft, int padBottom, int padRight, int dilH, int dilW,
                                   boolean countIncludePad, int inPixelStride, int outPixelStride) {
        NhwcPoolGeometry g = new NhwcPoolGeometry(n, c, h, w, oh, ow, kh, kw, strideH, strideW, padTop, padLeft,
                padBottom, padRight, dilH, dilW, inPixelStride, outPixelStride);
        PixelCombiner combiner = PixelCombiners.best();
        TaskRanges.run(ctx, n * oh, g.rowWork(), (start, end, lane) -> {
            int[] pixels = new int[kh * kw]; // one per range, not per pixel
            double[] sums = new double[c];
            for (int r = start; r < end; r++) {
                averageRow(g, combiner, x, xOff, y, yOff, r, countIncludePad, pixels, sums);
            }
        });
    }

    /**
     * GlobalAveragePool: y[b, ch] is the mean (summed in double, in pixel order, as
     * {@link Pool2d#globalAveragePool}) of channel ch over the hw pixels of image b. y is dense [n, c].
     */
    public static void globalAveragePool(ExecutionContext ctx, float[] x, int xOff, float[] y, int yOff, int n, int c,
                                         int hw, int inPixelStride) {
        checkGlobal(c, hw, inPixelStride);
        PixelCombiner combiner = PixelCombiners.best();
        int blocks = (c + GLOBAL_CHANNEL_BLOCK - 1) / GLOBAL_CHANNEL_BLOCK;
        TaskRanges.run(ctx, n * blocks, (long) hw * Math.min(c, GLOBAL_CHANNEL_BLOCK), (start, end, lane) -> {
            int[] pixels = new int[hw];
            double[] sums = new double[Math.min(c, GLOBAL_CHANNEL_BLOCK)];
            for (int t = start; t < end; t++) {
                int b = t / blocks;
                int c0 = t % blocks * GLOBAL_CHANNEL_BLOCK;
                imagePixels(pixels, xOff + b * hw * inPixelStride + c0, hw, inPixelStride);
                combiner.averageOfPixels(x, pixels, hw, hw, y, yOff + b * c + c0,
                        Math.min(GLOBAL_CHANNEL_BLOCK, c - c0), sums);
            }
        });
    }

    /**
     * GlobalMaxPool: y[b, ch] is the maximum of channel ch over the hw pixels of image b; NaN
     * propagates (a Math.max fold, as {@link Pool2d#globalMaxPool}). y is dense [n, c].
     */
    public static void globalMaxPool(ExecutionContext ctx, float[] x, int xOff, float[] y, int yOff, int n, int c,
                                     int hw, int inPixelStride) {
        checkGlobal(c, hw, inPixelStride);
        PixelCombiner combiner = PixelCombiners.best();
        int blocks = (c + GLOBAL_CHANNEL_BLOCK - 1) / GLOBAL_CHANNEL_BLOCK;
        TaskRanges.run(ctx, n * blocks, (long) hw * Math.min(c, GLOBAL_CHANNEL_BLOCK), (start, end, lane) -> {
            int[] pixels = new int[hw];
            for (int t = start; t < end; t++) {
                int b = t / blocks;
                int c0 = t % blocks * GLOBAL_CHANNEL_BLOCK;
                imagePixels(pixels, xOff + b * hw * inPixelStride + c0, hw, inPixelStride);
                // Math.max(-inf, v) is v, so the fold from the first pixel is Pool2d's fold from -inf.
                combiner.maxOfPixels(x, pixels, hw, y, yOff + b * c + c0, Math.min(GLOBAL_CHANNEL_BLOCK, c - c0));
            }
        });
    }

    /** pixels[p] = first + p·stride for p in [0, hw). */
    private static void imagePixels(int[] pixels, int first, int hw, int stride) {
        for (int p = 0; p < hw; p++) {
            pixels[p] = first + p * stride;
        }
    }

    private static void checkGlobal(int c, int hw, int inPixelStride) {
        if (c < 0 || hw < 1 || inPixelStride < c) {
            throw new IllegalArgumentException("bad global pooling: c=" + c + " hw=" + hw
                    + " inPixelStride=" + inPixelStride);
        }
    }

    /** Output row r (= image·oh + row) of MaxPool; {@code pixels} holds at least kh·kw ints. */
    private static void maxRow(NhwcPoolGeometry g, PixelCombiner combiner, float[] x, int xOff, float[] y, int yOff,
                               int r, int[] pixels) {
        int c = g.c();
        int w = g.w();
        int ow = g.ow();
        int kernelW = g.kw();
        int strideW = g.strideW();
        int padLeft = g.padLeft();
        int dilW = g.dilW();
        int dilH = g.dilH();
        int inPixel = g.inPixelStride();
        int outPixel = g.outPixelStride();
        int row = r % g.oh();
        int xi = xOff + g.inImage(r / g.oh());
        int yr = yOff + g.outRow(r);
        int h0 = row * g.strideH() - g.padTop();
        int khLo = WindowRange.first(h0, dilH, 0);
        int khHi = WindowRange.end(h0, dilH, g.h(), g.kh(), khLo);
        for (int col = 0; col < ow; col++) {
            int dst = yr + col * outPixel;
            int w0 = col * strideW - padLeft;
            int kwLo = WindowRange.first(w0, dilW, 0);
            int kwHi = WindowRange.end(w0, dilW, w, kernelW, kwLo);
            if (khLo == khHi || kwLo == kwHi) {
                Arrays.fill(y, dst, dst + c, -Float.MAX_VALUE);
                continue;
            }
            int count = windowPixels(pixels, xi, w, inPixel, h0, khLo, khHi, dilH, w0, kwLo, kwHi, dilW);
            // The Math.max fold (Pool2d's fast path too) is branch-free and vectorises; it differs from
            // the tap-order rule only when a tap is NaN, so a NaN result is recomputed by that rule.
            if (combiner.maxOfPixels(x, pixels, count, y, dst, c)) {
                for (int ch = 0; ch < c; ch++) {
                    if (Float.isNaN(y[dst + ch])) {
                        y[dst + ch] = tapOrderMax(x, pixels, count, ch);
                    }
                }
            }
        }
    }

    /**
     * The window's taps inside the input, row-major: pixels[i] is the first float of tap i. Returns
     * the number of taps.
     */
    private static int windowPixels(int[] pixels, int xi, int w, int inPixel, int h0, int khLo, int khHi, int dilH,
                                    int w0, int kwLo, int kwHi, int dilW) {
        int count = 0;
        for (int kh = khLo; kh < khHi; kh++) {
            int rowStart = xi + ((h0 + kh * dilH) * w + w0) * inPixel;
            for (int kw = kwLo; kw < kwHi; kw++) {
                pixels[count++] = rowStart + kw * dilW * inPixel;
            }
        }
        return count;
    }

    /**
     * The reference rule for one channel of one window (taps in row-major order): the first tap
     * starts the maximum, greater taps replace it.
     */
    private static float tapOrderMax(float[] x, int[] pixels, int count, int ch) {
        float m = x[pixels[0] + ch];
        for (int i = 1; i < count; i++) {
            float v = x[pixels[i] + ch];
            if (v > m) {
                m = v;
            }
        }
        return m;
    }

    /**
     * Output row r (= image·oh + row) of AveragePool; {@code pixels} holds at least kh·kw ints,
     * {@code sums} at least c doubles.
     */
    private static void averageRow(NhwcPoolGeometry g, PixelCombiner combiner, float[] x, int xOff, float[] y,
                                   int yOff, int r, boolean countIncludePad, int[] pixels, double[] sums) {
        int c = g.c();
        int w = g.w();
        int ow = g.ow();
        int kernelW = g.kw();
        int strideW = g.strideW();
        int padLeft = g.padLeft();
        int dilW = g.dilW();
        int dilH = g.dilH();
        int inPixel = g.inPixelStride();
        int outPixel = g.outPixelStride();
        int row = r % g.oh();
        int xi = xOff + g.inImage(r / g.oh());
        int yr = yOff + g.outRow(r);
        int h0 = row * g.strideH() - g.padTop();
        int khLo = WindowRange.first(h0, dilH, 0);
        int khHi = WindowRange.end(h0, dilH, g.h(), g.kh(), khLo);
        int rowsCounted = khHi - khLo;
        if (countIncludePad) {
            int lo = WindowRange.first(h0, dilH, -g.padTop());
            rowsCounted = WindowRange.end(h0, dilH, g.h() + g.padBottom(), g.kh(), lo) - lo;
        }
        for (int col = 0; col < ow; col++) {
            int dst = yr + col * outPixel;
            int w0 = col * strideW - padLeft;
            int kwLo = WindowRange.first(w0, dilW, 0);
            int kwHi = WindowRange.end(w0, dilW, w, kernelW, kwLo);
            int colsCounted = kwHi - kwLo;
            if (countIncludePad) {
                int lo = WindowRange.first(w0, dilW, -padLeft);
                colsCounted = WindowRange.end(w0, dilW, w + g.padRight(), kernelW, lo) - lo;
            }
            // Same tap order, double sums and divisor as Pool2d, so the same bits.
            int count = windowPixels(pixels, xi, w, inPixel, h0, khLo, khHi, dilH, w0, kwLo, kwHi, dilW);
            combiner.averageOfPixels(x, pixels, count, rowsCounted * colsCounted, y, dst, c, sums);
        }
    }
}
