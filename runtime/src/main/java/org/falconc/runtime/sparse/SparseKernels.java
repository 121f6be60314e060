package org.falconc.runtime.sparse;

import org.falconc.runtime.gemm.MicroKernels;

/**
 * Picks the channels-last sparse kernels once per process: the Vector API implementations when the
 * jdk.incubator.vector module is in the boot layer (and system property {@code falconc.scalar} is
 * not set), the scalar ones otherwise. Vector classes are loaded reflectively only in the first
 * case, so nothing here links against the incubator module when it is absent.
 */
final class SparseKernels {

    private static final boolean VECTOR = MicroKernels.vectorAvailable() && !Boolean.getBoolean("falconc.scalar");
    private static final BitsBuilder BITS = select("VectorBitsBuilder", new ScalarBitsBuilder());
    private static final SparseNhwcKernel CONV = select("VectorSparseNhwcKernel", new ScalarSparseNhwcKernel());

    private SparseKernels() {
    }

    /** The bit builder {@link ActivationBits} uses. */
    static BitsBuilder bits() {
        return BITS;
    }

    /** The kernel {@link SparseConvNhwc#run} uses. */
    static SparseNhwcKernel conv() {
        return CONV;
    }

    @SuppressWarnings("unchecked")
    private static <T> T select(String vectorClass, T scalar) {
        if (!VECTOR) {
            return scalar;
        }
        try {
            Class<?> vector = Class.forName("org.falconc.runtime.sparse." + vectorClass);
            return (T) vector.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | IllegalStateException e) {
            return scalar;
        }
    }
}
