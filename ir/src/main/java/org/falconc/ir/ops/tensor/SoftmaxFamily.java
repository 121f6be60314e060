package org.falconc.ir.ops.tensor;

import java.util.List;
import java.util.function.Consumer;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schemas of Softmax, LogSoftmax and Hardmax with opset-13 semantics: they normalise along the
 * single axis {@code axis} (default -1); the output has the input's type.
 */
public final class SoftmaxFamily {
    private SoftmaxFamily() {
    }

    public static final List<String> OPS = List.of("Softmax", "LogSoftmax", "Hardmax");

    public static void register(Consumer<OpSchema> r) {
        for (String op : OPS) {
            r.accept(new OpSchema(op, 1, 1, 1, 1, node -> {
                TensorType x = OpChecks.inputOf(node, 0, OpChecks.F32_ONLY);
                axis(node, x.rank());
                return Infer.one(x);
            }));
        }
    }

    /** The normalised axis of a Softmax-family node. */
    public static int axis(org.falconc.ir.Node node, int rank) {
        if (rank == 0) {
            throw Infer.fail(node, "input must have rank >= 1, got a scalar");
        }
        return OpChecks.axis(node, node.attrs().getInt("axis", -1), rank);
    }
}
