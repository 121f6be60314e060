package org.falconc.ir.ops.fused;

import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;

/** ActivationMask: X f32 [N, C, spatial...] (rank >= 3), attribute block -> bool[N, C, ceil(Q / block)]. */
public final class ActivationMaskInference {
    public static final String OP = "ActivationMask";

    private ActivationMaskInference() {
    }

    public static List<TensorType> infer(Node node) {
        TensorType x = Infer.inputType(node, 0);
        if (x.dtype() != DType.F32 || x.rank() < 3) {
            throw Infer.fail(node, "input X must be f32 of rank >= 3 ([N, C, spatial...]), got " + x);
        }
        int block = SparseAttrs.requiredPositiveInt(node, SparseAttrs.BLOCK);
        return Infer.one(SparseAttrs.maskType(x.shape(), block));
    }
}
