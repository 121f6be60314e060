package org.falconc.ir.ops.nn;

import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;

/** Resize (inputs X, roi, scales, sizes): the output shape follows from the constant scales or sizes. */
public final class ResizeInference {
    private ResizeInference() {
    }

    public static List<TensorType> infer(Node node) {
        Shape x = NnChecks.floatInput(node, 0, "X", 1);
        boolean cropping = "tf_crop_and_resize".equals(node.attrs().getString("coordinate_transformation_mode", ""));
        Tensor roi = cropping ? optionalConstant(node, 1, "roi") : null;
        Tensor scales = optionalConstant(node, 2, "scales");
        Tensor sizes = optionalConstant(node, 3, "sizes");
        ResizePlan plan = ResizePlan.of(node, x, roi, scales, sizes);
        return Infer.one(new TensorType(DType.F32, plan.outputShape()));
    }

    /** The constant behind input {@code i}, or null when it is absent or an empty placeholder. */
    private static Tensor optionalConstant(Node node, int i, String role) {
        if (!node.hasInput(i) || Infer.inputType(node, i).shape().numElements() == 0) {
            return null;
        }
        return Infer.requireConstant(node, i, role);
    }
}
