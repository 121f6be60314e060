package org.falconc.interp.nn;

import java.util.function.BiConsumer;
import org.falconc.interp.ReferenceKernel;

/** Reference kernels of the neural-network ops: convolutions, pooling, normalisations, Gemm/MatMul, Resize, Pad. */
public final class NnKernels {
    private NnKernels() {
    }

    public static void registerAll(BiConsumer<String, ReferenceKernel> r) {
        // filled by the op-family work
    }
}
