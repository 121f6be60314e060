package org.falconc.ir.ops.tensor;

import java.util.function.Consumer;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schema of Gather(data, indices) along {@code axis} (default 0): the output shape is
 * data[:axis] + indices.shape + data[axis+1:]. Negative indices count from the end; constant
 * indices are range-checked here so the error comes at compile time.
 */
public final class Gather {
    private Gather() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Gather", 2, 2, 1, 1, node -> {
            TensorType data = Infer.inputType(node, 0);
            TensorType indices = OpChecks.inputOf(node, 1, OpChecks.INTEGERS);
            int axis = axis(node, data.rank());
            Tensor constIndices = Infer.constant(node, 1);
            if (constIndices != null) {
                for (int i = 0; i < constIndices.numElements(); i++) {
                    index(node, constIndices.getLong(i), data.shape().dim(axis));
                }
            }
            int[] dims = new int[data.rank() - 1 + indices.rank()];
            int j = 0;
            for (int i = 0; i < axis; i++) {
                dims[j++] = data.shape().dim(i);
            }
            for (int i = 0; i < indices.rank(); i++) {
                dims[j++] = indices.shape().dim(i);
            }
            for (int i = axis + 1; i < data.rank(); i++) {
                dims[j++] = data.shape().dim(i);
            }
            return Infer.one(new TensorType(data.dtype(), Shape.of(dims)));
        }));
    }

    public static int axis(Node node, int rank) {
        if (rank == 0) {
            throw Infer.fail(node, "cannot gather from a scalar");
        }
        return OpChecks.axis(node, node.attrs().getInt("axis", 0), rank);
    }

    /** Normalises one index into an axis of size {@code dim}; throws naming the node when out of range. */
    public static int index(Node node, long index, int dim) {
        long i = index < 0 ? index + dim : index;
        if (i < 0 || i >= dim) {
            throw Infer.fail(node, "index " + index + " is out of range for an axis of size " + dim
                    + " (expected " + -dim + ".." + (dim - 1) + ")");
        }
        return (int) i;
    }
}
