package org.falconc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The float Reduce* ops of the runtime ({@link Reduce}, table {@link ReduceOp}) and of the reference
 * interpreter (which keeps its own table: the runtime depends on the JDK only) against a direct
 * definition written here: per output element, the elements of its reduced box gathered and
 * reduced in double by the op's formula (LogSumExp without the max shift, as the data cannot
 * overflow). keepdims, noop_with_empty_axes, negative and shuffled axes through the interpreter.
 */
class ReduceReferenceTest {
    private static final String[] NAMES = {"ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd",
        "ReduceL1", "ReduceL2", "ReduceSumSquare", "ReduceLogSum", "ReduceLogSumExp"};

    private final Random rnd = new Random(29);

    /** The op's formula over the gathered elements, in double. */
    static double reduce(int op, double[] v) {
        double sum = 0;
        double abs = 0;
        double squares = 0;
        double product = 1;
        double exps = 0;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        boolean nan = false;
        for (double x : v) {
            sum += x;
            abs += Math.abs(x);
            squares += x * x;
            product *= x;
            exps += Math.exp(x);
            nan |= Double.isNaN(x);
            max = x > max ? x : max;
            min = x < min ? x : min;
        }
        return switch (op) {
            case ReduceOp.SUM -> sum;
            case ReduceOp.MEAN -> sum / v.length;
            case ReduceOp.MAX -> nan ? Double.NaN : max;
            case ReduceOp.MIN -> nan ? Double.NaN : min;
            case ReduceOp.PROD -> product;
            case ReduceOp.L1 -> abs;
            case ReduceOp.L2 -> Math.sqrt(squares);
            case ReduceOp.SUM_SQUARE -> squares;
            case ReduceOp.LOG_SUM -> Math.log(sum);
            case ReduceOp.LOG_SUM_EXP -> Math.log(exps);
            default -> throw new IllegalArgumentException("op " + op);
        };
    }

    /** Rounding slack of {@link #reduce} against another double evaluation order, then f32. */
    private static double slack(int op, double[] v, double exact) {
        double scale = 0;
        for (double x : v) {
            scale += op == ReduceOp.L2 || op == ReduceOp.SUM_SQUARE ? x * x : Math.abs(x);
        }
        if (op == ReduceOp.MEAN) {
            scale /= v.length;
        }
        return 2 * Math.ulp((float) exact) + 1e-12 * scale;
    }

    /** The reference for every output element, dense over the kept shape. */
    private static double[][] gather(float[] x, int[] in, boolean[] reduced) {
        int[] kept = in.clone();
        for (int a = 0; a < in.length; a++) {
            if (reduced[a]) {
                kept[a] = 1;
            }
        }
        List<List<Double>> groups = new ArrayList<>();
        for (int o = 0; o < TestData.volume(kept); o++) {
            groups.add(new ArrayList<>());
        }
        int[] idx = new int[in.length];
        for (int p = 0; p < x.length; p++) {
            TestData.unravel(p, in, idx);
            for (int a = 0; a < in.length; a++) {
                idx[a] = reduced[a] ? 0 : idx[a];
            }
            groups.get(TestData.ravel(idx, kept)).add((double) x[p]);
        }
        double[][] out = new double[groups.size()][];
        for (int o = 0; o < out.length; o++) {
            out[o] = groups.get(o).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return out;
    }

    @Test
    void randomShapesAxesAndKeepdims() {
        for (int trial = 0; trial < 300; trial++) {
            int op = trial % ReduceOp.COUNT;
            int rank = 1 + rnd.nextInt(4);
            int[] in = TestData.shape(rnd, rank, 5);
            float[] x = TestData.floats(rnd, TestData.volume(in));
            if (op == ReduceOp.LOG_SUM) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = Math.abs(x[i]);
                }
            }
            boolean[] reduced = new boolean[rank];
            List<Long> axesList = new ArrayList<>();
            for (int a = 0; a < rank; a++) {
                if (rnd.nextBoolean()) {
                    reduced[a] = true;
                    axesList.add((long) (rnd.nextBoolean() ? a - rank : a));
                }
            }
            boolean all = axesList.isEmpty(); // empty axes: every axis (noop_with_empty_axes = 0)
            if (all) {
                Arrays.fill(reduced, true);
            }
            java.util.Collections.shuffle(axesList, rnd);
            long[] axes = axesList.stream().mapToLong(Long::longValue).toArray();
            int keepdims = rnd.nextInt(2);
            double[][] groups = gather(x, in, reduced);

            int[] runtimeAxes = new int[0];
            for (int a = 0; a < rank; a++) {
                if (reduced[a]) {
                    runtimeAxes = Arrays.copyOf(runtimeAxes, runtimeAxes.length + 1);
                    runtimeAxes[runtimeAxes.length - 1] = a;
                }
            }
            float[] runtime = new float[groups.length + 1];
            Reduce.floats(op, x, 0, runtime, 1, in, runtimeAxes);
            Tensor y = Oracle.run(NAMES[op], attrs -> attrs.setInt("keepdims", keepdims), 1, Oracle.floats(in, x),
                    Tensor.ofLongs(Shape.of(axes.length), axes)).get(0);

            List<Integer> expectedDims = new ArrayList<>();
            for (int a = 0; a < rank; a++) {
                if (!reduced[a] || keepdims == 1) {
                    expectedDims.add(reduced[a] ? 1 : in[a]);
                }
            }
            String what = NAMES[op] + " " + TestData.describe(in) + " axes " + Arrays.toString(axes) + " keepdims "
                    + keepdims;
            assertArrayEquals(expectedDims.stream().mapToInt(Integer::intValue).toArray(), y.shape().dims(), what);
            for (int o = 0; o < groups.length; o++) {
                double exact = reduce(op, groups[o]);
                double tol = slack(op, groups[o], exact);
                float r = runtime[o + 1];
                float i = y.floats()[o];
                assertTrue(Math.abs(r - exact) <= tol, what + " runtime element " + o + ": " + r + " vs " + exact);
                assertTrue(Math.abs(i - exact) <= tol, what + " interpreter element " + o + ": " + i + " vs " + exact);
            }
        }
    }

    @Test
    void noopWithEmptyAxesLeavesTheInput() {
        float[] x = {1.5f, -2f, 3f, Float.NaN};
        for (String name : NAMES) {
            Tensor y = Oracle.run(name, a -> a.setInt("noop_with_empty_axes", 1), 1, Oracle.floats(new int[] {2, 2}, x),
                    Tensor.ofLongs(Shape.of(0))).get(0);
            assertArrayEquals(new int[] {2, 2}, y.shape().dims(), name);
            TestData.assertBitsEqual(x, y.floats(), name);
        }
    }

    /** Both implementations of op {@code op} over all of {@code x}: {runtime, interpreter}. */
    private static float[] both(int op, float... x) {
        float[] r = new float[1];
        Reduce.floats(op, x, 0, r, 0, new int[] {x.length}, new int[] {0});
        float i = Oracle.run(NAMES[op], a -> a.setInt("keepdims", 0), 1, Oracle.floats(new int[] {x.length}, x)).get(0)
                .floats()[0];
        return new float[] {r[0], i};
    }

    @Test
    void closedFormValues() {
        float ln2 = (float) Math.log(2);
        float[][] cases = {
            // op, expected, then the data
            {ReduceOp.SUM, 10, 1, 2, 3, 4},
            {ReduceOp.MEAN, 2.5f, 1, 2, 3, 4},
            {ReduceOp.MAX, 4, -1, 4, 2},
            {ReduceOp.MIN, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, 1},
            {ReduceOp.MAX, Float.NaN, 1, Float.NaN, 2},
            {ReduceOp.MIN, Float.NaN, 1, Float.NaN, 2},
            {ReduceOp.PROD, -3, 2, -3, 0.5f},
            {ReduceOp.L1, 6, -1, 2, -3},
            {ReduceOp.L2, 5, 3, -4},
            {ReduceOp.SUM_SQUARE, 14, 1, -2, 3},
            {ReduceOp.LOG_SUM, 0, 0.25f, 0.75f},
            {ReduceOp.LOG_SUM_EXP, 1000 + ln2, 1000, 1000}, // exp(1000) overflows: the max shift is needed
            {ReduceOp.LOG_SUM_EXP, -1000 + ln2, -1000, -1000}, // exp(-1000) underflows
            {ReduceOp.LOG_SUM_EXP, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY},
            {ReduceOp.LOG_SUM_EXP, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, 1},
            {ReduceOp.LOG_SUM_EXP, ln2, 0, 0},
        };
        for (float[] c : cases) {
            int op = (int) c[0];
            float[] got = both(op, Arrays.copyOfRange(c, 2, c.length));
            for (int w = 0; w < 2; w++) {
                String what = (w == 0 ? "runtime " : "interpreter ") + NAMES[op] + Arrays.toString(
                        Arrays.copyOfRange(c, 2, c.length));
                if (Float.isNaN(c[1])) {
                    assertTrue(Float.isNaN(got[w]), what + " gave " + got[w]);
                } else {
                    assertEquals(c[1], got[w], Math.ulp(c[1]), what);
                }
            }
        }
    }
}
