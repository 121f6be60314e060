package org.falconc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.junit.jupiter.api.Test;

/** Reduce (all ops, random axis sets), Softmax family and ArgMax/ArgMin against naive twins and the interpreter. */
class ReductionTest {
    private final Random rnd = new Random(11);

    private static final String[] REDUCE_NAMES = {"ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd",
        "ReduceL1", "ReduceL2", "ReduceSumSquare", "ReduceLogSum", "ReduceLogSumExp"};

    private int[] randomAxes(int rank) {
        java.util.List<Integer> axes = new java.util.ArrayList<>();
        for (int a = 0; a < rank; a++) {
            if (rnd.nextBoolean()) {
                axes.add(a);
            }
        }
        if (axes.isEmpty()) {
            axes.add(rnd.nextInt(rank));
        }
        java.util.Collections.shuffle(axes, rnd);
        return axes.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void floatReductionsMatchTheInterpreterBitForBit() {
        for (int trial = 0; trial < 200; trial++) {
            int op = trial % ReduceOp.COUNT;
            int rank = 1 + rnd.nextInt(4);
            int[] in = TestData.shape(rnd, rank, 5);
            int[] axes = randomAxes(rank);
            float[] x = TestData.floats(rnd, TestData.volume(in));
            if (op == ReduceOp.LOG_SUM) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = Math.abs(x[i]);
                }
            }
            long[] axesL = java.util.Arrays.stream(axes).mapToLong(a -> a - (rnd.nextBoolean() ? rank : 0)).toArray();
            float[] expected = Oracle.run(REDUCE_NAMES[op], attrs -> attrs.setInt("keepdims", 1), 1, Oracle.floats(in, x),
                    Tensor.ofLongs(Shape.of(axesL.length), axesL)).get(0).floats();
            float[] y = new float[expected.length + 1];
            Reduce.floats(op, x, 0, y, 1, in, axes);
            TestData.assertBitsEqual(expected, java.util.Arrays.copyOfRange(y, 1, y.length),
                    REDUCE_NAMES[op] + " " + TestData.describe(in) + " axes " + TestData.describe(axes));
            assertEquals(op, ReduceOp.code(REDUCE_NAMES[op]));
        }
    }

    @Test
    void integerReductionsAreExact() {
        int[] ops = {ReduceOp.SUM, ReduceOp.MAX, ReduceOp.MIN, ReduceOp.PROD};
        for (int trial = 0; trial < 100; trial++) {
            int op = ops[trial % 4];
            int rank = 1 + rnd.nextInt(4);
            int[] in = TestData.shape(rnd, rank, 4);
            int[] axes = randomAxes(rank);
            long[] x = TestData.longs(rnd, TestData.volume(in), 9);
            int[] xi = java.util.Arrays.stream(x).mapToInt(v -> (int) v).toArray();
            boolean[] reduced = new boolean[rank];
            for (int a : axes) {
                reduced[a] = true;
            }
            int[] kept = in.clone();
            for (int a : axes) {
                kept[a] = 1;
            }
            long[] expected = new long[TestData.volume(kept)];
            java.util.Arrays.fill(expected, op == ReduceOp.MAX ? Long.MIN_VALUE : op == ReduceOp.MIN ? Long.MAX_VALUE
                    : op == ReduceOp.PROD ? 1 : 0);
            int[] idx = new int[rank];
            for (int p = 0; p < x.length; p++) {
                TestData.unravel(p, in, idx);
                for (int a = 0; a < rank; a++) {
                    if (reduced[a]) {
                        idx[a] = 0;
                    }
                }
                int d = TestData.ravel(idx, kept);
                expected[d] = switch (op) {
                    case ReduceOp.SUM -> expected[d] + x[p];
                    case ReduceOp.MAX -> Math.max(expected[d], x[p]);
                    case ReduceOp.MIN -> Math.min(expected[d], x[p]);
                    default -> expected[d] * x[p];
                };
            }
            long[] y = new long[expected.length];
            int[] yi = new int[expected.length];
            Reduce.longs(op, x, 0, y, 0, in, axes);
            Reduce.ints(op, xi, 0, yi, 0, in, axes);
            assertArrayEquals(expected, y, "op " + op);
            assertArrayEquals(java.util.Arrays.stream(expected).mapToInt(v -> (int) v).toArray(), yi, "i32 op " + op);
        }
    }

    @Test
    void softmaxFamilyMatchesTheInterpreter() {
        String[] ops = {"Softmax", "LogSoftmax", "Hardmax"};
        for (int trial = 0; trial < 90; trial++) {
            String op = ops[trial % 3];
            int rank = 1 + rnd.nextInt(4);
            int[] in = TestData.shape(rnd, rank, 6);
            int axis = rnd.nextInt(rank);
            int outer = 1;
            int inner = 1;
            for (int a = 0; a < axis; a++) {
                outer *= in[a];
            }
            for (int a = axis + 1; a < rank; a++) {
                inner *= in[a];
            }
            float[] x = TestData.floats(rnd, TestData.volume(in));
            if (op.equals("Hardmax") && x.length > 1) {
                x[1] = x[0]; // ties pick the first
            }
            int negAxis = axis - rank;
            float[] expected = Oracle.run(op, attrs -> attrs.setInt("axis", negAxis), 1, Oracle.floats(in, x)).get(0).floats();
            float[] y = new float[x.length];
            switch (op) {
                case "Softmax" -> Softmax.softmax(x, 0, y, 0, outer, in[axis], inner);
                case "LogSoftmax" -> Softmax.logSoftmax(x, 0, y, 0, outer, in[axis], inner);
                default -> Softmax.hardmax(x, 0, y, 0, outer, in[axis], inner);
            }
            TestData.assertBitsEqual(expected, y, op + " " + TestData.describe(in) + " axis " + axis);
            // in place gives the same
            float[] inPlace = x.clone();
            if (op.equals("Softmax")) {
                Softmax.softmax(inPlace, 0, inPlace, 0, outer, in[axis], inner);
                TestData.assertBitsEqual(expected, inPlace, "in-place softmax");
            }
        }
    }

    @Test
    void argReduceMatchesTheInterpreter() {
        for (int trial = 0; trial < 80; trial++) {
            boolean max = trial % 2 == 0;
            boolean last = rnd.nextBoolean();
            int rank = 1 + rnd.nextInt(4);
            int[] in = TestData.shape(rnd, rank, 5);
            int axis = rnd.nextInt(rank);
            int outer = 1;
            int inner = 1;
            for (int a = 0; a < axis; a++) {
                outer *= in[a];
            }
            for (int a = axis + 1; a < rank; a++) {
                inner *= in[a];
            }
            long[] xl = TestData.longs(rnd, TestData.volume(in), 2); // many ties
            float[] x = new float[xl.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = xl[i];
            }
            long[] expected = Oracle.run(max ? "ArgMax" : "ArgMin", attrs -> attrs.setInt("axis", axis)
                    .setInt("select_last_index", last ? 1 : 0), 1, Oracle.floats(in, x)).get(0).longs();
            long[] y = new long[expected.length];
            long[] yl = new long[expected.length];
            if (max) {
                ArgReduce.argMax(x, 0, y, 0, outer, in[axis], inner, last);
                ArgReduce.argMax(xl, 0, yl, 0, outer, in[axis], inner, last);
            } else {
                ArgReduce.argMin(x, 0, y, 0, outer, in[axis], inner, last);
                ArgReduce.argMin(xl, 0, yl, 0, outer, in[axis], inner, last);
            }
            assertArrayEquals(expected, y, "f32 max=" + max + " last=" + last);
            assertArrayEquals(expected, yl, "i64 max=" + max + " last=" + last);
        }
    }
}
