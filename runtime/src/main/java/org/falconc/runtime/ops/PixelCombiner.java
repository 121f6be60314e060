package org.falconc.runtime.ops;

/**
 * Channel-vector loops of the channels-last pooling kernels: combine whole pixels (c contiguous
 * channels each) by Math.max or by their mean. Two implementations give the same bits: {@link ScalarPixelCombiner}
 * and, when jdk.incubator.vector is present, {@code VectorPixelCombiner} (see
 * {@link PixelCombiners}); C2 on JDK 17 vectorises neither Math.max on floats, nor float-to-double
 * sums, nor loops whose two arrays sit at different offsets, so the plain loops stay scalar.
 */
interface PixelCombiner {

    /**
     * y[dst + ch] = the Math.max fold of x[pixels[i] + ch] over i in [0, count) (count &ge; 1), for
     * ch in [0, c). Returns whether some result is NaN (then some tap was NaN).
     */
    boolean maxOfPixels(float[] x, int[] pixels, int count, float[] y, int dst, int c);

    /**
     * y[dst + ch] = (float) (sum / divisor), sum being 0.0 plus x[pixels[i] + ch] for i = 0, 1, ...,
     * count - 1 in that order, in double (count &ge; 0), for ch in [0, c). {@code sums} is scratch of
     * at least c doubles.
     */
    void averageOfPixels(float[] x, int[] pixels, int count, double divisor, float[] y, int dst, int c,
                         double[] sums);

    String name();
}
