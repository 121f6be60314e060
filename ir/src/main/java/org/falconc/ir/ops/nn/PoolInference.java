package org.falconc.ir.ops.nn;

import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;

/**
 * MaxPool, AveragePool and LpPool: X [N, C, D1..Dn] -> Y [N, C, O1..On]; MaxPool's optional second
 * output holds i64 indices of the same shape.
 */
public final class PoolInference {
    private PoolInference() {
    }

    /** The geometry of a pooling node on input shape {@code x}, after validating the op's attributes. */
    public static WindowGeometry geometry(Node node, Shape x) {
        int n = x.rank() - 2;
        if (!node.attrs().has("kernel_shape")) {
            throw Infer.fail(node, "required attribute 'kernel_shape' is missing");
        }
        int[] kernel = NnAttrs.ints(node, "kernel_shape", n, 0, 1);
        switch (node.op()) {
            case "MaxPool" -> NnAttrs.flag(node, "storage_order", false);
            case "AveragePool" -> NnAttrs.flag(node, "count_include_pad", false);
            case "LpPool" -> NnAttrs.intAtLeast(node, "p", 2, 1);
            default -> throw Infer.fail(node, "is not a pooling op");
        }
        return WindowGeometry.forPool(node, NnChecks.spatial(x), kernel);
    }

    public static List<TensorType> infer(Node node) {
        Shape x = NnChecks.floatInput(node, 0, "X", 3);
        WindowGeometry g = geometry(node, x);
        Shape y = NnChecks.batchChannelSpatial(x.dim(0), x.dim(1), g.outSizes());
        if (node.numOutputs() > 1) {
            return List.of(new TensorType(DType.F32, y), new TensorType(DType.I64, y));
        }
        return Infer.one(new TensorType(DType.F32, y));
    }
}
