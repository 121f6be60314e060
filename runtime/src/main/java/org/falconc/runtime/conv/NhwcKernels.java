package org.falconc.runtime.conv;

import org.falconc.runtime.gemm.MicroKernels;

/**
 * Picks the {@link NhwcKernel} once per process: the Vector API kernel when the
 * jdk.incubator.vector module is in the boot layer (and system property {@code falconc.scalar} is
 * not set), the scalar kernel otherwise. The vector class is loaded reflectively only in the first
 * case, so nothing here links against the incubator module when it is absent.
 */
final class NhwcKernels {

    private static final NhwcKernel BEST = select();

    private NhwcKernels() {
    }

    /** The kernel {@link ConvNhwc#run} uses. */
    static NhwcKernel best() {
        return BEST;
    }

    /** The scalar kernel (always available; tests force it through the package-private run). */
    static NhwcKernel scalar() {
        return new ScalarNhwcKernel();
    }

    private static NhwcKernel select() {
        if (!MicroKernels.vectorAvailable() || Boolean.getBoolean("falconc.scalar")) {
            return new ScalarNhwcKernel();
        }
        try {
            Class<?> vector = Class.forName("org.falconc.runtime.conv.VectorNhwcKernel");
            return (NhwcKernel) vector.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | IllegalStateException e) {
            return new ScalarNhwcKernel();
        }
    }
}
