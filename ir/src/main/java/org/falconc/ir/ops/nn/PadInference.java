package org.falconc.ir.ops.nn;

import java.util.List;
import org.falconc.ir.Node;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;

/** Pad (inputs data, pads, constant_value, axes): the output shape follows from the constant pads and axes. */
public final class PadInference {
    private PadInference() {
    }

    public static List<TensorType> infer(Node node) {
        TensorType x = Infer.inputType(node, 0);
        if (node.hasInput(2)) {
            TensorType v = Infer.inputType(node, 2);
            if (v.dtype() != x.dtype() || v.shape().numElements() != 1) {
                throw Infer.fail(node, "input 'constant_value' must be a single " + x.dtype() + " element, got " + v);
            }
        }
        PadPlan plan = PadPlan.of(node, x.shape(), Infer.requireConstant(node, 1, "pads"),
                node.hasInput(3) ? Infer.requireConstant(node, 3, "axes") : null);
        return Infer.one(new TensorType(x.dtype(), plan.outputShape()));
    }
}
