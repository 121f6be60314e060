package org.falconc.runtime.ops;

import org.falconc.runtime.gemm.MicroKernels;

/**
 * Picks the {@link PixelCombiner} once per process, as {@link MicroKernels} picks the GEMM kernel:
 * the Vector API one when jdk.incubator.vector is in the boot layer and {@code falconc.scalar} is
 * not set, else the scalar one. The vector class is loaded reflectively, so nothing links against
 * the incubator module when it is absent.
 */
final class PixelCombiners {

    private static final PixelCombiner BEST = select();

    private PixelCombiners() {
    }

    static PixelCombiner best() {
        return BEST;
    }

    static PixelCombiner scalar() {
        return new ScalarPixelCombiner();
    }

    private static PixelCombiner select() {
        if (!MicroKernels.vectorAvailable() || Boolean.getBoolean("falconc.scalar")) {
            return new ScalarPixelCombiner();
        }
        try {
            Class<?> vector = Class.forName("org.falconc.runtime.ops.VectorPixelCombiner");
            return (PixelCombiner) vector.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ScalarPixelCombiner();
        }
    }
}
