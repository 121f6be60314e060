package org.falconc.runtime.gemm;

/**
 * Picks the micro-kernel once per process: the Vector API kernel when the jdk.incubator.vector
 * module is in the boot layer (run with {@code --add-modules jdk.incubator.vector}), the scalar
 * kernel otherwise. The vector class is loaded reflectively only in the first case, so nothing
 * here links against the incubator module when it is absent.
 */
public final class MicroKernels {

    private static final MicroKernel BEST = select();

    private MicroKernels() {
    }

    /** The kernel the GEMM uses by default. */
    public static MicroKernel best() {
        return BEST;
    }

    /** The scalar kernel (always available; tests call it directly). */
    public static MicroKernel scalar() {
        return new ScalarMicroKernel();
    }

    /** Whether the Vector API kernel is usable in this process. */
    public static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static MicroKernel select() {
        if (!vectorAvailable() || Boolean.getBoolean("falconc.scalar")) {
            return new ScalarMicroKernel();
        }
        try {
            Class<?> vector = Class.forName("org.falconc.runtime.gemm.VectorMicroKernel");
            return (MicroKernel) vector.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ScalarMicroKernel();
        }
    }
}
