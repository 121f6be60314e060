package org.falconc.ir.ops.nn;

import java.util.Arrays;
import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;

/** GlobalAveragePool, GlobalMaxPool, GlobalLpPool: X [N, C, D1..Dn] -> Y [N, C, 1..1]. */
public final class GlobalPoolInference {
    private GlobalPoolInference() {
    }

    public static List<TensorType> infer(Node node) {
        Shape x = NnChecks.floatInput(node, 0, "X", 3);
        if (node.op().equals("GlobalLpPool")) {
            NnAttrs.intAtLeast(node, "p", 2, 1);
        }
        int[] ones = new int[x.rank() - 2];
        Arrays.fill(ones, 1);
        return Infer.one(new TensorType(DType.F32, NnChecks.batchChannelSpatial(x.dim(0), x.dim(1), ones)));
    }
}
