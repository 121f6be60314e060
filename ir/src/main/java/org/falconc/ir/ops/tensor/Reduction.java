package org.falconc.ir.ops.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schemas of the Reduce* ops in their opset-18 form: {@code Reduce(data, axes?)} with attributes
 * keepdims (default 1) and noop_with_empty_axes (default 0). Absent or empty axes reduce over all
 * axes, or leave the input unchanged when noop_with_empty_axes is 1.
 */
public final class Reduction {
    private Reduction() {
    }

    private record Op(String name, Set<DType> dtypes) {
    }

    private static final List<Op> OPS = List.of(
            new Op("ReduceSum", OpChecks.NUMERIC),
            new Op("ReduceMean", OpChecks.F32_ONLY),
            new Op("ReduceMax", OpChecks.NUMERIC),
            new Op("ReduceMin", OpChecks.NUMERIC),
            new Op("ReduceProd", OpChecks.NUMERIC),
            new Op("ReduceL1", OpChecks.F32_ONLY),
            new Op("ReduceL2", OpChecks.F32_ONLY),
            new Op("ReduceSumSquare", OpChecks.F32_ONLY),
            new Op("ReduceLogSumExp", OpChecks.F32_ONLY),
            new Op("ReduceLogSum", OpChecks.F32_ONLY));

    public static void register(Consumer<OpSchema> r) {
        for (Op op : OPS) {
            r.accept(new OpSchema(op.name(), 1, 2, 1, 1, node -> {
                TensorType x = OpChecks.inputOf(node, 0, op.dtypes());
                Tensor axes = node.input(1) == null ? null : Infer.requireConstant(node, 1, "axes");
                boolean[] reduced = reducedAxes(node, x.shape(), axes);
                return Infer.one(new TensorType(x.dtype(), outputShape(node, x.shape(), reduced)));
            }).withShapeOperands(1));
        }
    }

    /**
     * Which axes of {@code input} the node reduces, given its axes argument (null when absent);
     * null when the node is a no-op (empty axes with noop_with_empty_axes=1).
     */
    public static boolean[] reducedAxes(Node node, Shape input, Tensor axesArg) {
        boolean noop = OpChecks.flag(node, "noop_with_empty_axes", false);
        OpChecks.flag(node, "keepdims", true);
        long[] axes = axesArg == null ? new long[0] : OpChecks.integerVector(node, axesArg, "axes");
        boolean[] reduced = new boolean[input.rank()];
        if (axes.length == 0) {
            if (noop) {
                return null;
            }
            java.util.Arrays.fill(reduced, true);
            return reduced;
        }
        for (int a : OpChecks.axes(node, axes, input.rank(), "axes")) {
            reduced[a] = true;
        }
        return reduced;
    }

    /** The output shape for the given reduced axes (null: no-op, the input shape). */
    public static Shape outputShape(Node node, Shape input, boolean[] reduced) {
        if (reduced == null) {
            return input;
        }
        boolean keepdims = OpChecks.flag(node, "keepdims", true);
        List<Integer> dims = new ArrayList<>();
        for (int i = 0; i < input.rank(); i++) {
            if (!reduced[i]) {
                dims.add(input.dim(i));
            } else if (keepdims) {
                dims.add(1);
            }
        }
        return Shape.of(dims.stream().mapToInt(Integer::intValue).toArray());
    }
}
