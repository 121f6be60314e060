package org.falconc.ir.ops.nn;

import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;

/** ConvTranspose: X [N, C, D1..Dn], W [C, M/group, k1..kn], optional B [M] -> Y [N, M, O1..On]. */
public final class ConvTransposeInference {
    private ConvTransposeInference() {
    }

    public static List<TensorType> infer(Node node) {
        Shape x = NnChecks.floatInput(node, 0, "X", 3);
        Shape w = NnChecks.floatInput(node, 1, "W", 3);
        if (w.rank() != x.rank()) {
            throw Infer.fail(node, "weight W " + w + " must have the same rank as input X " + x);
        }
        int group = NnAttrs.intAtLeast(node, "group", 1, 1);
        int channels = x.dim(1);
        if (channels % group != 0) {
            throw Infer.fail(node, "group " + group + " must divide the input channels " + channels);
        }
        if (w.dim(0) != channels) {
            throw Infer.fail(node, "input has " + channels + " channels but W " + w + " expects " + w.dim(0));
        }
        int m = w.dim(1) * group;
        if (node.hasInput(2)) {
            NnChecks.floatVector(node, 2, "B", m);
        }
        int[] kernel = NnChecks.spatial(w);
        NnChecks.kernelShapeMatches(node, kernel);
        WindowGeometry g = WindowGeometry.forConvTranspose(node, NnChecks.spatial(x), kernel);
        return Infer.one(new TensorType(DType.F32, NnChecks.batchChannelSpatial(x.dim(0), m, g.outSizes())));
    }
}
