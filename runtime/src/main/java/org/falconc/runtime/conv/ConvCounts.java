package org.falconc.runtime.conv;

/**
 * Profiling counts of a convolution's input (only computed when a profile is attached): how many
 * multiply-adds of the dense convolution have a zero activation operand. An input element at
 * (iy, ix) is read by {@code rowReads(iy) * colReads(ix)} taps of each of the K / group output
 * channels of its group, where {@code rowReads(iy) = #{(oy, ry): oy * sh - pt + ry * dh == iy}}
 * (likewise for columns); padding taps read no element and are not counted.
 */
public final class ConvCounts {

    private ConvCounts() {
    }

    /** How many (output, tap) pairs read input row {@code i}: {@code reads[i]}, i in [0, size). */
    public static int[] reads(int size, int outSize, int kernel, int stride, int pad, int dil) {
        int[] reads = new int[size];
        for (int o = 0; o < outSize; o++) {
            for (int t = 0; t < kernel; t++) {
                int i = o * stride - pad + t * dil;
                if (i >= 0 && i < size) {
                    reads[i]++;
                }
            }
        }
        return reads;
    }

    /**
     * {sum over zero input elements of rowReads(iy) * colReads(ix), number of zero elements} of x
     * [N, C, H, W] at {@code x[xOff]}. Multiply the first by K / group for zero-operand MACs.
     */
    public static long[] zeroOperands(float[] x, int xOff, int n, int c, int h, int w, int oh, int ow,
                                      int r, int s, int sh, int sw, int pt, int pl, int dh, int dw) {
        int[] rowReads = reads(h, oh, r, sh, pt, dh);
        int[] colReads = reads(w, ow, s, sw, pl, dw);
        long taps = 0;
        long zeros = 0;
        for (int plane = 0, planes = n * c; plane < planes; plane++) {
            int base = xOff + plane * h * w;
            for (int iy = 0; iy < h; iy++) {
                long rowTaps = 0;
                int row = base + iy * w;
                for (int ix = 0; ix < w; ix++) {
                    if (x[row + ix] == 0f) {
                        zeros++;
                        rowTaps += colReads[ix];
                    }
                }
                taps += rowTaps * rowReads[iy];
            }
        }
        return new long[] {taps, zeros};
    }

    /**
     * {@link #zeroOperands} of a channels-last input [N, H, W, C] at {@code x[xOff]} whose pixels lie
     * {@code pixelStride} elements apart.
     */
    public static long[] zeroOperandsNhwc(float[] x, int xOff, int n, int c, int h, int w, int pixelStride, int oh,
                                          int ow, int r, int s, int sh, int sw, int pt, int pl, int dh, int dw) {
        int[] rowReads = reads(h, oh, r, sh, pt, dh);
        int[] colReads = reads(w, ow, s, sw, pl, dw);
        long taps = 0;
        long zeros = 0;
        for (int b = 0; b < n; b++) {
            for (int iy = 0; iy < h; iy++) {
                long rowTaps = 0;
                for (int ix = 0; ix < w; ix++) {
                    int at = xOff + ((b * h + iy) * w + ix) * pixelStride;
                    int z = 0;
                    for (int ch = 0; ch < c; ch++) {
                        z += x[at + ch] == 0f ? 1 : 0;
                    }
                    zeros += z;
                    rowTaps += (long) z * colReads[ix];
                }
                taps += rowTaps * rowReads[iy];
            }
        }
        return new long[] {taps, zeros};
    }
}
