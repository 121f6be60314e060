package org.falconc.ir.ops;

import java.util.function.Consumer;

/** Schemas of elementwise, reduction and shape-manipulation ops. */
final class TensorOps {
    private TensorOps() {
    }

    static void registerAll(Consumer<OpSchema> r) {
        // filled by the op-family work
    }
}
