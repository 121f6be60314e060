package org.falconc.runtime.sparse;

/**
 * Builds the non-zero bits of channels-last pixels ({@link ActivationBits}) one 64-channel word at a
 * time. Two implementations: {@link ScalarBitsBuilder} (always available) and
 * {@code VectorBitsBuilder} (Vector API, loaded reflectively by {@link SparseKernels} only when
 * jdk.incubator.vector is present).
 */
abstract class BitsBuilder {

    abstract String name();

    /** Bit i set iff {@code x[at + i] != 0} (NaN too, not -0.0), for {@code i < count <= 64}. */
    abstract long word(float[] x, int at, int count);

    /**
     * Writes the bits of pixels {@code [pixelStart, pixelEnd)} of x (pixel p's channels at
     * {@code x[xOff + p * pixelStride ..]}) to their words of {@code bits[bitsOff ..]} and returns the
     * number of zero elements among them.
     */
    final long build(float[] x, int xOff, int pixelStart, int pixelEnd, int c, int pixelStride,
                     long[] bits, int bitsOff) {
        int wpp = ActivationBits.wordsPerPixel(c);
        long live = 0;
        for (int p = pixelStart; p < pixelEnd; p++) {
            int xp = xOff + p * pixelStride;
            int bp = bitsOff + p * wpp;
            for (int word = 0; word < wpp; word++) {
                int ch = word << 6;
                long m = word(x, xp + ch, Math.min(64, c - ch));
                bits[bp + word] = m;
                live += Long.bitCount(m);
            }
        }
        return (long) (pixelEnd - pixelStart) * c - live;
    }

    /** {@link #word} one comparison at a time. */
    static long wordScalar(float[] x, int at, int count) {
        long m = 0;
        for (int i = 0; i < count; i++) {
            if (x[at + i] != 0f) { // NaN != 0 too; -0.0 == 0
                m |= 1L << i;
            }
        }
        return m;
    }
}
