package org.falconc.ir.ops.tensor;

import java.util.function.Consumer;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schema of Unsqueeze(data, axes): inserts size-1 dimensions at the listed positions, which refer
 * to the output's axes (so they are normalised against rank(data) + len(axes)).
 */
public final class Unsqueeze {
    private Unsqueeze() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Unsqueeze", 2, 2, 1, 1, node -> {
            TensorType x = Infer.inputType(node, 0);
            Tensor axes = Infer.requireConstant(node, 1, "axes");
            return Infer.one(new TensorType(x.dtype(), outputShape(node, x.shape(), axes)));
        }).withShapeOperands(1));
    }

    public static Shape outputShape(Node node, Shape in, Tensor axesArg) {
        long[] axes = OpChecks.integerVector(node, axesArg, "axes");
        int rank = in.rank() + axes.length;
        boolean[] inserted = new boolean[rank];
        for (int a : OpChecks.axes(node, axes, rank, "axes")) {
            inserted[a] = true;
        }
        int[] dims = new int[rank];
        for (int i = 0, j = 0; i < rank; i++) {
            dims[i] = inserted[i] ? 1 : in.dim(j++);
        }
        return Shape.of(dims);
    }
}
