package org.falconc.ir.ops.tensor;

import java.util.Arrays;
import java.util.function.Consumer;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schema of Slice(data, starts, ends, axes?, steps?) as in opset 13: numpy-style slicing per axis.
 * Negative starts/ends count from the end; both are then clamped to [0, dim] for positive steps and
 * to [0, dim-1] / [-1, dim-1] for negative steps, so INT64_MAX ends mean "to the end".
 */
public final class Slice {
    private Slice() {
    }

    /** The elements an axis keeps: {@code start, start+step, ...}, {@code length} of them. */
    public record AxisRange(int start, int step, int length) {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Slice", 3, 5, 1, 1, node -> {
            TensorType x = Infer.inputType(node, 0);
            AxisRange[] ranges = ranges(node, x.shape(),
                    Infer.requireConstant(node, 1, "starts"), Infer.requireConstant(node, 2, "ends"),
                    node.input(3) == null ? null : Infer.requireConstant(node, 3, "axes"),
                    node.input(4) == null ? null : Infer.requireConstant(node, 4, "steps"));
            return Infer.one(new TensorType(x.dtype(), outputShape(ranges)));
        }).withShapeOperands(1, 2, 3, 4));
    }

    public static Shape outputShape(AxisRange[] ranges) {
        int[] dims = new int[ranges.length];
        for (int i = 0; i < ranges.length; i++) {
            dims[i] = ranges[i].length();
        }
        return Shape.of(dims);
    }

    /** The effective range of every axis of {@code in} (axes not sliced keep everything). */
    public static AxisRange[] ranges(Node node, Shape in, Tensor startsArg, Tensor endsArg, Tensor axesArg,
                                     Tensor stepsArg) {
        long[] starts = OpChecks.integerVector(node, startsArg, "starts");
        long[] ends = OpChecks.integerVector(node, endsArg, "ends");
        long[] axes;
        if (axesArg == null) {
            axes = new long[starts.length];
            for (int i = 0; i < axes.length; i++) {
                axes[i] = i;
            }
        } else {
            axes = OpChecks.integerVector(node, axesArg, "axes");
        }
        long[] steps;
        if (stepsArg == null) {
            steps = new long[starts.length];
            Arrays.fill(steps, 1);
        } else {
            steps = OpChecks.integerVector(node, stepsArg, "steps");
        }
        if (ends.length != starts.length || axes.length != starts.length || steps.length != starts.length) {
            throw Infer.fail(node, "starts, ends, axes and steps must have the same length, got "
                    + starts.length + ", " + ends.length + ", " + axes.length + ", " + steps.length);
        }
        AxisRange[] ranges = new AxisRange[in.rank()];
        for (int d = 0; d < in.rank(); d++) {
            ranges[d] = new AxisRange(0, 1, in.dim(d));
        }
        int[] normalized = OpChecks.axes(node, axes, in.rank(), "axes");
        for (int i = 0; i < normalized.length; i++) {
            if (steps[i] == 0) {
                throw Infer.fail(node, "steps must not be 0 (axis " + normalized[i] + ")");
            }
            ranges[normalized[i]] = axisRange(in.dim(normalized[i]), starts[i], ends[i], steps[i]);
        }
        return ranges;
    }

    private static AxisRange axisRange(long dim, long start, long end, long step) {
        int st = (int) Math.max(Math.min(step, Integer.MAX_VALUE), Integer.MIN_VALUE + 1);
        if (dim == 0) {
            return new AxisRange(0, st, 0);
        }
        if (start < 0) {
            start += dim;
        }
        if (end < 0) {
            end += dim;
        }
        long length;
        if (step > 0) {
            start = clamp(start, 0, dim);
            end = clamp(end, 0, dim);
            length = end <= start ? 0 : (end - start - 1) / step + 1;
        } else {
            start = clamp(start, 0, dim - 1);
            end = clamp(end, -1, dim - 1);
            long stride = step == Long.MIN_VALUE ? Long.MAX_VALUE : -step;
            length = end >= start ? 0 : (start - end - 1) / stride + 1;
        }
        // an empty axis has no valid start; 0 keeps the record meaningful
        int s = length == 0 ? 0 : (int) start;
        return new AxisRange(s, st, (int) length);
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
