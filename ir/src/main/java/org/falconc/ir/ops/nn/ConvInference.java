package org.falconc.ir.ops.nn;

import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;

/** Conv: X [N, C, D1..Dn], W [M, C/group, k1..kn], optional B [M] -> Y [N, M, O1..On]. */
public final class ConvInference {
    private ConvInference() {
    }

    public static List<TensorType> infer(Node node) {
        Shape x = NnChecks.floatInput(node, 0, "X", 3);
        Shape w = NnChecks.floatInput(node, 1, "W", 3);
        if (w.rank() != x.rank()) {
            throw Infer.fail(node, "weight W " + w + " must have the same rank as input X " + x);
        }
        int group = NnAttrs.intAtLeast(node, "group", 1, 1);
        int channels = x.dim(1);
        int m = w.dim(0);
        if (channels % group != 0 || m % group != 0) {
            throw Infer.fail(node, "group " + group + " must divide both the input channels " + channels
                    + " and the output channels " + m);
        }
        if (w.dim(1) * group != channels) {
            throw Infer.fail(node, "input has " + channels + " channels but W " + w + " with group " + group
                    + " expects " + (w.dim(1) * group));
        }
        if (node.hasInput(2)) {
            NnChecks.floatVector(node, 2, "B", m);
        }
        int[] kernel = NnChecks.spatial(w);
        NnChecks.kernelShapeMatches(node, kernel);
        WindowGeometry g = WindowGeometry.forConv(node, NnChecks.spatial(x), kernel);
        return Infer.one(new TensorType(DType.F32, NnChecks.batchChannelSpatial(x.dim(0), m, g.outSizes())));
    }
}
