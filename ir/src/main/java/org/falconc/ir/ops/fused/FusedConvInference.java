package org.falconc.ir.ops.fused;

import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.nn.ConvInference;

/**
 * FusedConv: X, W, optional B, optional residual Z -> Y = act(Conv(X, W, B) + Z) [, mask of Y].
 * Conv's own inference checks X, W, B and the attributes; Z must have exactly Y's type.
 */
public final class FusedConvInference {
    public static final String OP = "FusedConv";
    /** Input index of the residual Z. */
    public static final int RESIDUAL = 3;

    private FusedConvInference() {
    }

    public static List<TensorType> infer(Node node) {
        return Infer.one(inferY(node));
    }

    /** The type of Y. */
    static TensorType inferY(Node node) {
        List<TensorType> y = ConvInference.infer(node);
        if (node.hasInput(RESIDUAL)) {
            TensorType z = Infer.inputType(node, RESIDUAL);
            if (z.dtype() != DType.F32 || !z.equals(y.get(0))) {
                throw Infer.fail(node, "residual Z must have the output's type " + y.get(0) + ", got " + z);
            }
        }
        Activation.of(node).params(node);
        return y.get(0);
    }
}
