package org.falconc.ir.ops.tensor;

import java.util.function.Consumer;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schema of Concat: joins one or more inputs of one element type and rank along the required
 * attribute {@code axis}; all other dimensions must agree.
 */
public final class Concat {
    private Concat() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Concat", 1, OpSchema.UNBOUNDED, 1, 1, node -> {
            TensorType first = Infer.inputType(node, 0);
            int axis = axis(node, first.rank());
            long total = 0;
            for (int i = 0; i < node.numInputs(); i++) {
                TensorType t = Infer.inputType(node, i);
                OpChecks.requireSameDType(node, 0, i);
                if (t.rank() != first.rank()) {
                    throw Infer.fail(node, "input " + i + " " + t + " has rank " + t.rank()
                            + " but input 0 " + first + " has rank " + first.rank());
                }
                for (int d = 0; d < t.rank(); d++) {
                    if (d != axis && t.shape().dim(d) != first.shape().dim(d)) {
                        throw Infer.fail(node, "input " + i + " " + t + " differs from input 0 " + first
                                + " in dimension " + d + " (only the concat axis " + axis + " may differ)");
                    }
                }
                total += t.shape().dim(axis);
            }
            if (total > Integer.MAX_VALUE) {
                throw Infer.fail(node, "concatenated dimension " + total + " is too large");
            }
            return Infer.one(new TensorType(first.dtype(), first.shape().withDim(axis, (int) total)));
        }));
    }

    public static int axis(Node node, int rank) {
        if (rank == 0) {
            throw Infer.fail(node, "cannot concatenate scalars");
        }
        return OpChecks.axis(node, node.attrs().getInt("axis"), rank);
    }
}
