package org.falconc.ir.ops.tensor;

import java.util.function.Consumer;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schemas of ArgMax and ArgMin: i64 indices of the extreme element along {@code axis} (default 0),
 * with keepdims (default 1) and select_last_index (default 0, the first of equal extremes).
 */
public final class ArgReduction {
    private ArgReduction() {
    }

    public static void register(Consumer<OpSchema> r) {
        for (String op : new String[] {"ArgMax", "ArgMin"}) {
            r.accept(new OpSchema(op, 1, 1, 1, 1, node -> {
                TensorType x = OpChecks.inputOf(node, 0, OpChecks.NUMERIC);
                OpChecks.flag(node, "select_last_index", false);
                return Infer.one(new TensorType(DType.I64, outputShape(node, x.shape())));
            }));
        }
    }

    /** The normalised reduction axis. */
    public static int axis(Node node, int rank) {
        if (rank == 0) {
            throw Infer.fail(node, "input must have rank >= 1, got a scalar");
        }
        return OpChecks.axis(node, node.attrs().getInt("axis", 0), rank);
    }

    private static Shape outputShape(Node node, Shape in) {
        int axis = axis(node, in.rank());
        if (in.dim(axis) == 0) {
            throw Infer.fail(node, "cannot take the index of an extreme along axis " + axis + " of size 0");
        }
        if (OpChecks.flag(node, "keepdims", true)) {
            return in.withDim(axis, 1);
        }
        int[] dims = new int[in.rank() - 1];
        for (int i = 0, j = 0; i < in.rank(); i++) {
            if (i != axis) {
                dims[j++] = in.dim(i);
            }
        }
        return Shape.of(dims);
    }
}
