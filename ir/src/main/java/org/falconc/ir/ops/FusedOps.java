package org.falconc.ir.ops;

import java.util.function.Consumer;
import org.falconc.ir.ops.fused.ActivationBitsInference;
import org.falconc.ir.ops.fused.DecomposedConvInference;
import org.falconc.ir.ops.fused.FusedConvInference;
import org.falconc.ir.ops.fused.FusedGemmInference;

/**
 * Schemas of the ops that exist only in falconc's IR (domain falconc): fused convolutions and
 * products whose epilogue applies an activation and a residual add (see docs/codegen.md), and the
 * sparse-execution ops DecomposedConv and ActivationBits (docs/sparsity.md).
 */
final class FusedOps {
    private FusedOps() {
    }

    static void registerAll(Consumer<OpSchema> r) {
        r.accept(new OpSchema(FusedConvInference.OP, 2, 4, 1, 1, FusedConvInference::infer));
        r.accept(new OpSchema(DecomposedConvInference.OP, 2, 5, 1, 1, DecomposedConvInference::infer));
        r.accept(new OpSchema(ActivationBitsInference.OP, 1, 1, 1, 1, ActivationBitsInference::infer));
        r.accept(new OpSchema(FusedGemmInference.OP, 2, 3, 1, 1, FusedGemmInference::infer));
    }
}
