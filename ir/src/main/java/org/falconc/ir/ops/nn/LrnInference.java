package org.falconc.ir.ops.nn;

import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;

/** LRN (local response normalisation across channels): X [N, C, ...] -> Y like X. */
public final class LrnInference {
    private LrnInference() {
    }

    public static List<TensorType> infer(Node node) {
        Shape x = NnChecks.floatInput(node, 0, "X", 2);
        if (!node.attrs().has("size")) {
            throw Infer.fail(node, "required attribute 'size' is missing");
        }
        NnAttrs.intAtLeast(node, "size", 1, 1);
        return Infer.one(new TensorType(DType.F32, x));
    }
}
