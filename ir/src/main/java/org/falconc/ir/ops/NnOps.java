package org.falconc.ir.ops;

import java.util.function.Consumer;

/** Schemas of the neural-network ops: convolutions, pooling, normalisations, Gemm/MatMul, Resize, Pad. */
final class NnOps {
    private NnOps() {
    }

    static void registerAll(Consumer<OpSchema> r) {
        // filled by the op-family work
    }
}
