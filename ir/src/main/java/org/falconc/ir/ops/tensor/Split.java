package org.falconc.ir.ops.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schema of Split(input, split?) with attributes axis (default 0) and num_outputs. The chunk sizes
 * come from the split input when present; otherwise the axis is cut into as many chunks as the node
 * has outputs, each ceil(dim / n) long except a smaller last one (opset 18). An opset-13 model
 * without num_outputs gets the same equal split, which is what it meant.
 */
public final class Split {
    private Split() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Split", 1, 2, 1, OpSchema.UNBOUNDED, node -> {
            TensorType x = Infer.inputType(node, 0);
            Tensor split = node.input(1) == null ? null : Infer.requireConstant(node, 1, "split");
            int axis = axis(node, x.rank());
            List<TensorType> outs = new ArrayList<>();
            for (int size : sizes(node, x.shape(), split)) {
                outs.add(new TensorType(x.dtype(), x.shape().withDim(axis, size)));
            }
            return outs;
        }).withShapeOperands(1));
    }

    public static int axis(Node node, int rank) {
        if (rank == 0) {
            throw Infer.fail(node, "cannot split a scalar");
        }
        return OpChecks.axis(node, node.attrs().getInt("axis", 0), rank);
    }

    /** The size of each output along the split axis. */
    public static int[] sizes(Node node, Shape in, Tensor splitArg) {
        int dim = in.dim(axis(node, in.rank()));
        int n = node.numOutputs();
        boolean hasNumOutputs = node.attrs().has("num_outputs");
        if (splitArg != null) {
            if (hasNumOutputs) {
                throw Infer.fail(node, "takes either the 'split' input or the 'num_outputs' attribute, not both");
            }
            long[] split = OpChecks.integerVector(node, splitArg, "split");
            if (split.length != n) {
                throw Infer.fail(node, "split " + Arrays.toString(split) + " has " + split.length
                        + " entries but the node has " + n + " outputs");
            }
            long sum = 0;
            int[] sizes = new int[n];
            for (int i = 0; i < n; i++) {
                if (split[i] < 0) {
                    throw Infer.fail(node, "split " + Arrays.toString(split) + " has a negative size");
                }
                sum += split[i];
                sizes[i] = (int) Math.min(split[i], Integer.MAX_VALUE);
            }
            if (sum != dim) {
                throw Infer.fail(node, "split " + Arrays.toString(split) + " sums to " + sum
                        + " but the split axis of " + in + " has size " + dim);
            }
            return sizes;
        }
        if (hasNumOutputs) {
            long numOutputs = node.attrs().getInt("num_outputs");
            if (numOutputs != n) {
                throw Infer.fail(node, "num_outputs=" + numOutputs + " but the node has " + n + " outputs");
            }
        }
        int chunk = (dim + n - 1) / n;
        int last = dim - chunk * (n - 1);
        if (last < 0) {
            throw Infer.fail(node, "cannot split size " + dim + " into " + n + " chunks of " + chunk
                    + " (the last chunk would be empty or negative)");
        }
        int[] sizes = new int[n];
        Arrays.fill(sizes, chunk);
        sizes[n - 1] = last;
        return sizes;
    }
}
