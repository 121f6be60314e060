package org.falconc.ir.ops.nn;

import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;

/** InstanceNormalization: X [N, C, D1..Dn], scale [C], B [C] -> Y like X. */
public final class InstanceNormInference {
    private InstanceNormInference() {
    }

    public static List<TensorType> infer(Node node) {
        Shape x = NnChecks.floatInput(node, 0, "input", 3);
        NnChecks.floatVector(node, 1, "scale", x.dim(1));
        NnChecks.floatVector(node, 2, "B", x.dim(1));
        return Infer.one(new TensorType(DType.F32, x));
    }
}
