package org.falconc.ir.ops.fused;

import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;

/** ActivationBits: X f32[N, H, W, C] (channels-last) -> its bitmap i64[N, H, W, ceil(C / 64)] ({@link SparseAttrs#bitsType}). */
public final class ActivationBitsInference {
    public static final String OP = "ActivationBits";

    private ActivationBitsInference() {
    }

    public static List<TensorType> infer(Node node) {
        TensorType x = Infer.inputType(node, 0);
        if (x.dtype() != DType.F32 || x.rank() != 4) {
            throw Infer.fail(node, "input X must be a channels-last f32 [N, H, W, C] tensor, got " + x);
        }
        return Infer.one(SparseAttrs.bitsType(x.shape()));
    }
}
