package org.falconc.runtime.sparse;

/** Naive twin of {@link ActivationBits}: one element at a time, straight from the definition. */
final class NaiveActivationBits {

    private NaiveActivationBits() {
    }

    /** Bits of pixels [0, pixels) into a fresh array; {@code zeros[0]} receives the zero count. */
    static long[] build(float[] x, int xOff, int pixels, int c, int pixelStride, long[] zeros) {
        int wpp = (c + 63) / 64;
        long[] bits = new long[pixels * wpp];
        long count = 0;
        for (int p = 0; p < pixels; p++) {
            for (int ci = 0; ci < c; ci++) {
                float v = x[xOff + p * pixelStride + ci];
                if (Float.isNaN(v) || v != 0f) {
                    bits[p * wpp + ci / 64] |= 1L << (ci % 64);
                } else {
                    count++;
                }
            }
        }
        zeros[0] = count;
        return bits;
    }

    static boolean live(long[] bits, int bitsOff, int pixel, int c, int ci) {
        int wpp = (c + 63) / 64;
        return (bits[bitsOff + pixel * wpp + ci / 64] >>> (ci % 64) & 1) != 0;
    }
}
