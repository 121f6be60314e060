package org.falconc.ir.ops.nn;

import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;

/** BatchNormalization in inference form: X [N, C, ...], scale, B, mean, var [C] -> Y like X. */
public final class BatchNormInference {
    private BatchNormInference() {
    }

    public static List<TensorType> infer(Node node) {
        if (node.attrs().getInt("training_mode", 0) != 0) {
            throw Infer.fail(node, "training_mode=1 is not supported (falconc compiles inference graphs)");
        }
        if (node.numOutputs() > 1) {
            throw Infer.fail(node, "running_mean/running_var outputs exist only in training mode, which is not supported");
        }
        Shape x = NnChecks.floatInput(node, 0, "X", 2);
        String[] roles = {"X", "scale", "B", "input_mean", "input_var"};
        for (int i = 1; i < 5; i++) {
            NnChecks.floatVector(node, i, roles[i], x.dim(1));
        }
        return Infer.one(new TensorType(DType.F32, x));
    }
}
