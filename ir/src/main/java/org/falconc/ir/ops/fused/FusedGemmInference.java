package org.falconc.ir.ops.fused;

import java.util.List;
import org.falconc.ir.Node;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.nn.GemmInference;

/** FusedGemm: A, B, optional C -> Y = act(Gemm(A, B, C)); Gemm's own inference checks the operands. */
public final class FusedGemmInference {
    public static final String OP = "FusedGemm";

    private FusedGemmInference() {
    }

    public static List<TensorType> infer(Node node) {
        List<TensorType> y = GemmInference.infer(node);
        Activation.of(node).params(node);
        return y;
    }
}
