package org.falconc.runtime.ops;

/**
 * Channel-vector loops of the channels-last pooling kernels: combine whole pixels (c contiguous
 * channels each) with Math.max. Two implementations give the same bits: {@link ScalarPixelCombiner}
 * and, when jdk.incubator.vector is present, {@code VectorPixelCombiner} (see
 * {@link PixelCombiners}); C2 on JDK 17 vectorises neither Math.max on floats nor loops whose two
 * arrays sit at different offsets, so the plain loops stay scalar.
 */
interface PixelCombiner {

    /**
     * y[dst + ch] = the Math.max fold of x[pixels[i] + ch] over i in [0, count) (count &ge; 1), for
     * ch in [0, c). Returns whether some result is NaN (then some tap was NaN).
     */
    boolean maxOfPixels(float[] x, int[] pixels, int count, float[] y, int dst, int c);

    /** acc[accOff + ch] = Math.max(acc[accOff + ch], x[xOff + ch]) for ch in [0, c). */
    void maxInto(float[] acc, int accOff, float[] x, int xOff, int c);

    String name();
}
