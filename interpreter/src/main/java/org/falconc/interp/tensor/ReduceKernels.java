package org.falconc.interp.tensor;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.DoubleBinaryOperator;
import org.falconc.interp.Elements;
import org.falconc.interp.MultiIndex;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.tensor.Reduction;

/**
 * Reference kernels of the Reduce* ops. Every input element is added into the accumulator of its
 * output element (found by zeroing the reduced coordinates); f32 data accumulates in double,
 * integer data in long. A reduction over zero elements yields the op's identity: 0 for sums, 1 for
 * products, -inf/+inf (or the integer type's extremes) for max/min, NaN for the mean.
 */
final class ReduceKernels {
    private ReduceKernels() {
    }

    /** How one op starts, folds in an element, and turns the accumulator into the result (given the count). */
    private record Reducer(double initial, DoubleBinaryOperator step, DoubleBinaryOperator finish) {
    }

    private static final DoubleBinaryOperator AS_IS = (acc, n) -> acc;

    private static final Map<String, Reducer> FLOAT_REDUCERS = Map.of(
            "ReduceSum", new Reducer(0, Double::sum, AS_IS),
            "ReduceMean", new Reducer(0, Double::sum, (acc, n) -> acc / n),
            "ReduceMax", new Reducer(Double.NEGATIVE_INFINITY, Math::max, AS_IS),
            "ReduceMin", new Reducer(Double.POSITIVE_INFINITY, Math::min, AS_IS),
            "ReduceProd", new Reducer(1, (acc, x) -> acc * x, AS_IS),
            "ReduceL1", new Reducer(0, (acc, x) -> acc + Math.abs(x), AS_IS),
            "ReduceL2", new Reducer(0, (acc, x) -> acc + x * x, (acc, n) -> Math.sqrt(acc)),
            "ReduceSumSquare", new Reducer(0, (acc, x) -> acc + x * x, AS_IS),
            "ReduceLogSum", new Reducer(0, Double::sum, (acc, n) -> Math.log(acc)));

    static void register(BiConsumer<String, ReferenceKernel> r) {
        for (String op : FLOAT_REDUCERS.keySet()) {
            r.accept(op, ReduceKernels::compute);
        }
        r.accept("ReduceLogSumExp", ReduceKernels::logSumExp);
    }

    /** For each input element, the flat position of the output element it reduces into. */
    private static int[] destinations(Shape in, boolean[] reduced) {
        int[] keptDims = in.dims();
        for (int a = 0; a < keptDims.length; a++) {
            if (reduced[a]) {
                keptDims[a] = 1;
            }
        }
        Shape kept = Shape.of(keptDims);
        int[] coords = new int[in.rank()];
        int[] dest = new int[in.numElements()];
        for (int i = 0; i < dest.length; i++) {
            MultiIndex.unravel(i, in, coords);
            for (int a = 0; a < coords.length; a++) {
                if (reduced[a]) {
                    coords[a] = 0;
                }
            }
            dest[i] = MultiIndex.ravel(coords, kept);
        }
        return dest;
    }

    private static List<Tensor> compute(Node node, List<Tensor> in) {
        Tensor x = in.get(0);
        boolean[] reduced = Reduction.reducedAxes(node, x.shape(), in.size() > 1 ? in.get(1) : null);
        Tensor y = Outputs.allocate(node, 0, Reduction.outputShape(node, x.shape(), reduced));
        if (reduced == null) { // noop_with_empty_axes: the input unchanged
            for (int i = 0; i < x.numElements(); i++) {
                Elements.copy(x, i, y, i);
            }
            return List.of(y);
        }
        int[] dest = destinations(x.shape(), reduced);
        int count = y.numElements() == 0 ? 0 : x.numElements() / y.numElements();
        if (x.dtype().isInteger()) {
            reduceIntegers(node.op(), x, y, dest);
            return List.of(y);
        }
        Reducer f = FLOAT_REDUCERS.get(node.op());
        double[] acc = new double[y.numElements()];
        java.util.Arrays.fill(acc, f.initial());
        for (int i = 0; i < x.numElements(); i++) {
            acc[dest[i]] = f.step().applyAsDouble(acc[dest[i]], x.floats()[i]);
        }
        for (int o = 0; o < acc.length; o++) {
            y.floats()[o] = (float) f.finish().applyAsDouble(acc[o], count);
        }
        return List.of(y);
    }

    /** Sum, Max, Min and Prod on i64/i32 data, exactly. */
    private static void reduceIntegers(String op, Tensor x, Tensor y, int[] dest) {
        boolean i32 = x.dtype() == DType.I32;
        long initial = switch (op) {
            case "ReduceMax" -> i32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
            case "ReduceMin" -> i32 ? Integer.MAX_VALUE : Long.MAX_VALUE;
            case "ReduceProd" -> 1;
            default -> 0;
        };
        long[] acc = new long[y.numElements()];
        java.util.Arrays.fill(acc, initial);
        for (int i = 0; i < x.numElements(); i++) {
            long v = x.getLong(i);
            int d = dest[i];
            acc[d] = switch (op) {
                case "ReduceMax" -> Math.max(acc[d], v);
                case "ReduceMin" -> Math.min(acc[d], v);
                case "ReduceProd" -> acc[d] * v;
                default -> acc[d] + v;
            };
        }
        for (int o = 0; o < acc.length; o++) {
            Elements.setLong(y, o, acc[o]);
        }
    }

    /** log(sum(exp(x))), computed as m + log(sum(exp(x - m))) with m the maximum, so exp cannot overflow. */
    private static List<Tensor> logSumExp(Node node, List<Tensor> in) {
        Tensor x = in.get(0);
        boolean[] reduced = Reduction.reducedAxes(node, x.shape(), in.size() > 1 ? in.get(1) : null);
        Tensor y = Outputs.allocate(node, 0, Reduction.outputShape(node, x.shape(), reduced));
        if (reduced == null) {
            System.arraycopy(x.floats(), 0, y.floats(), 0, x.numElements());
            return List.of(y);
        }
        int[] dest = destinations(x.shape(), reduced);
        double[] max = new double[y.numElements()];
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < x.numElements(); i++) {
            max[dest[i]] = Math.max(max[dest[i]], x.floats()[i]);
        }
        double[] sum = new double[y.numElements()];
        for (int i = 0; i < x.numElements(); i++) {
            if (max[dest[i]] != Double.NEGATIVE_INFINITY) {
                sum[dest[i]] += Math.exp(x.floats()[i] - max[dest[i]]);
            }
        }
        for (int o = 0; o < sum.length; o++) {
            boolean finiteMax = !Double.isInfinite(max[o]) && !Double.isNaN(max[o]);
            y.floats()[o] = (float) (finiteMax ? max[o] + Math.log(sum[o]) : max[o]);
        }
        return List.of(y);
    }
}
