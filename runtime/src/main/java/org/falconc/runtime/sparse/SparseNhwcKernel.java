package org.falconc.runtime.sparse;

/**
 * The inner loop of {@link SparseConvNhwc}: one output pixel's sums over a list of live products.
 * Two implementations: {@link ScalarSparseNhwcKernel} (always available) and
 * {@code VectorSparseNhwcKernel} (Vector API, loaded reflectively by {@link SparseKernels}).
 *
 * <p>The driver walks the activation bits and writes one entry per live (tap, input channel): the
 * activation value and the offset of its weights in the dense kernel's packed panels. The kernel
 * then runs one counted loop over the entries with the accumulators live only across it (C2 on
 * JDK 17 boxes vectors carried through nested loops).
 */
abstract class SparseNhwcKernel {

    /** Floats per vector (the scalar kernel works on whole 16-channel panels). */
    abstract int lanes();

    abstract String name();

    /**
     * {@code acc[ai + j * lanes() + l] += sum_i xv[i] * w[wo[i] + o_j + l]} for vectors
     * {@code j < nv} ({@code o_0 = 0}), lanes {@code l < lanes()}, entries {@code i < n}.
     */
    abstract void accumulate(int nv, float[] xv, int[] wo, int n, float[] w, int o1, int o2, int o3,
                             float[] acc, int ai);
}
