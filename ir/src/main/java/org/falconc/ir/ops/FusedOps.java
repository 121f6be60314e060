package org.falconc.ir.ops;

import java.util.function.Consumer;
import org.falconc.ir.ops.fused.FusedConvInference;
import org.falconc.ir.ops.fused.FusedGemmInference;

/**
 * Schemas of the ops that exist only in falconc's IR (domain falconc): fused convolutions and
 * products whose epilogue applies an activation and a residual add (see docs/codegen.md).
 */
final class FusedOps {
    private FusedOps() {
    }

    static void registerAll(Consumer<OpSchema> r) {
        r.accept(new OpSchema(FusedConvInference.OP, 2, 4, 1, 1, FusedConvInference::infer));
        r.accept(new OpSchema(FusedGemmInference.OP, 2, 3, 1, 1, FusedGemmInference::infer));
    }
}
