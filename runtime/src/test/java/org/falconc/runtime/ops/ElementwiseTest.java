package org.falconc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Unary, Binary (all element types, random broadcast patterns) and Where against naive twins. */
class ElementwiseTest {
    private final Random rnd = new Random(42);

    // ---- naive twins: one multi-index per output element, ElementwiseReference for the scalar function ----

    static float[] naiveUnary(int op, float p0, float p1, float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) ElementwiseReference.unary(op, x[i], p0, p1);
        }
        return y;
    }

    static float[] naiveBinary(int op, float[] a, int[] as, float[] b, int[] bs, int[] out) {
        float[] y = new float[TestData.volume(out)];
        int[] o = new int[out.length];
        for (int i = 0; i < y.length; i++) {
            TestData.unravel(i, out, o);
            y[i] = (float) ElementwiseReference.binary(op, a[TestData.broadcastSource(o, as)], b[TestData.broadcastSource(o, bs)]);
        }
        return y;
    }

    /**
     * Bit for bit where the reference is exact (+, -, *, / and sqrt of floats computed in double round
     * correctly to float, and the ops that only select, negate or clamp), else within 4 ulp: the
     * transcendental functions of two implementations may round differently.
     */
    static void assertMatchesReference(boolean exact, float[] expected, float[] actual, String what) {
        if (exact) {
            TestData.assertBitsEqual(expected, actual, what);
            return;
        }
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i];
            float a = actual[i];
            boolean same = Float.floatToIntBits(e) == Float.floatToIntBits(a) || Math.abs(e - a) <= 4 * Math.ulp(e);
            assertTrue(same, what + ": element " + i + " expected " + e + " got " + a);
        }
    }

    private static final java.util.Set<Integer> INEXACT_UNARY = java.util.Set.of(UnaryOp.ELU, UnaryOp.SELU, UnaryOp.CELU,
            UnaryOp.SIGMOID, UnaryOp.TANH, UnaryOp.SOFTPLUS, UnaryOp.MISH, UnaryOp.GELU, UnaryOp.GELU_TANH, UnaryOp.ERF,
            UnaryOp.EXP, UnaryOp.LOG, UnaryOp.SIN, UnaryOp.COS, UnaryOp.SOFTSIGN, UnaryOp.HARD_SWISH, UnaryOp.HARD_SIGMOID);

    /** Random output shape and two input shapes that broadcast to it (dropped leading axes, size-1 axes). */
    private int[][] broadcastShapes() {
        int rank = rnd.nextInt(5);
        int[] out = TestData.shape(rnd, rank, 5);
        int[][] shapes = new int[3][];
        shapes[0] = out;
        for (int k = 1; k <= 2; k++) {
            int r = rank == 0 ? 0 : rnd.nextInt(rank + 1);
            int[] s = new int[r];
            for (int a = 0; a < r; a++) {
                s[a] = rnd.nextInt(3) == 0 ? 1 : out[rank - r + a];
            }
            shapes[k] = s;
        }
        if (rnd.nextBoolean()) { // often one side has the full shape, as in real graphs
            shapes[1] = out.clone();
        }
        return shapes;
    }

    @Test
    void unaryFloatOpsMatchTheReference() {
        for (int op = 0; op < UnaryOp.COUNT; op++) {
            int n = 1 + rnd.nextInt(100);
            float[] x = TestData.floats(rnd, n);
            x[0] = Float.NaN;
            if (n > 2) {
                x[1] = -0f;
                x[2] = Float.NEGATIVE_INFINITY;
            }
            float p0 = op == UnaryOp.CLIP ? -0.5f : 0.7f;
            float p1 = op == UnaryOp.CLIP ? 1.25f : 1.3f;
            float[] y = new float[n + 3];
            Unary.floats(op, p0, p1, x, 0, y, 3, n);
            boolean exact = !INEXACT_UNARY.contains(op);
            assertMatchesReference(exact, naiveUnary(op, p0, p1, x), java.util.Arrays.copyOfRange(y, 3, n + 3), "op " + op);
            // in place
            float[] inPlace = x.clone();
            Unary.floats(op, p0, p1, inPlace, 0, inPlace, 0, n);
            assertMatchesReference(exact, naiveUnary(op, p0, p1, x), inPlace, "in place op " + op);
        }
    }

    @Test
    void unaryKnownValues() {
        float[] x = {-2f, -0.5f, 0f, 0.5f, 3f};
        float[] y = new float[5];
        Unary.floats(UnaryOp.HARD_SWISH, 0, 0, x, 0, y, 0, 5);
        assertArrayEquals(new float[] {-2f * (1 / 6f), -0.5f * (-0.5f / 6 + 0.5f), 0f, 0.5f * (0.5f / 6 + 0.5f), 3f}, y, 1e-6f);
        Unary.floats(UnaryOp.ROUND, 0, 0, new float[] {0.5f, 1.5f, 2.5f, -0.5f, -1.5f}, 0, y, 0, 5);
        assertArrayEquals(new float[] {0f, 2f, 2f, -0f, -2f}, y);
        Unary.floats(UnaryOp.GELU, 0, 0, new float[] {1f}, 0, y, 0, 1);
        assertEquals(0.8413447f, y[0], 1e-6f);
        assertEquals("Relu", UnaryOp.codes().entrySet().stream().filter(e -> e.getValue() == UnaryOp.RELU)
                .findFirst().orElseThrow().getKey());
        assertEquals(UnaryOp.SELU, UnaryOp.code("Selu"));
    }

    @Test
    void unaryIntegerOps() {
        long[] x = {Long.MIN_VALUE, -7, 0, 5};
        long[] y = new long[4];
        Unary.longs(UnaryOp.ABS, 0, 0, x, 0, y, 0, 4);
        assertArrayEquals(new long[] {Long.MIN_VALUE, 7, 0, 5}, y);
        Unary.longs(UnaryOp.CLIP, -3, 4, x, 0, y, 0, 4);
        assertArrayEquals(new long[] {-3, -3, 0, 4}, y);
        int[] xi = {Integer.MIN_VALUE, -7, 0, 5};
        int[] yi = new int[4];
        Unary.ints(UnaryOp.NEG, 0, 0, xi, 0, yi, 0, 4);
        assertArrayEquals(new int[] {Integer.MIN_VALUE, 7, 0, -5}, yi);
        Unary.ints(UnaryOp.SIGN, 0, 0, xi, 0, yi, 0, 4);
        assertArrayEquals(new int[] {-1, -1, 0, 1}, yi);
        boolean[] nb = new boolean[2];
        Unary.not(new boolean[] {true, false}, 0, nb, 0, 2);
        assertArrayEquals(new boolean[] {false, true}, nb);
        assertThrows(IllegalArgumentException.class, () -> Unary.longs(UnaryOp.EXP, 0, 0, x, 0, y, 0, 4));
    }

    @Test
    void binaryFloatOpsBroadcastLikeNumpy() {
        for (int trial = 0; trial < 400; trial++) {
            int op = rnd.nextInt(BinaryOp.PRELU + 1);
            int[][] s = broadcastShapes();
            int[] out = s[0];
            float[] a = TestData.floats(rnd, TestData.volume(s[1]));
            float[] b = TestData.floats(rnd, TestData.volume(s[2]));
            if (op == BinaryOp.POW) {
                for (int i = 0; i < a.length; i++) {
                    a[i] = Math.abs(a[i]);
                }
            }
            float[] y = new float[TestData.volume(out) + 2];
            Binary.floats(op, a, 0, BroadcastLoop.strides(s[1], out), b, 0, BroadcastLoop.strides(s[2], out), y, 2, out);
            assertMatchesReference(op != BinaryOp.POW, naiveBinary(op, a, s[1], b, s[2], out), java.util.Arrays.copyOfRange(y, 2, y.length),
                    "op " + op + " " + TestData.describe(s[1]) + " , " + TestData.describe(s[2]) + " -> "
                            + TestData.describe(out));
        }
    }

    @Test
    void binaryFastPathsAtOffsetsAndInPlace() {
        int[] out = {2, 3, 4, 5};
        int[] perChannel = {1, 3, 1, 1};
        for (int op = BinaryOp.ADD; op <= BinaryOp.DIV; op++) {
            float[] a = TestData.floats(rnd, 120);
            float[] c = TestData.floats(rnd, 3);
            float[] padded = new float[125];
            System.arraycopy(a, 0, padded, 5, 120);
            Binary.floats(op, padded, 5, BroadcastLoop.strides(out, out), c, 0, BroadcastLoop.strides(perChannel, out),
                    padded, 5, out);
            TestData.assertBitsEqual(naiveBinary(op, a, out, c, perChannel, out), java.util.Arrays.copyOfRange(padded, 5, 125),
                    "in place per-channel op " + op);
            // scalar on the left takes the table path
            float[] y = new float[120];
            Binary.floats(op, c, 1, BroadcastLoop.strides(new int[0], out), a, 0, BroadcastLoop.strides(out, out), y, 0, out);
            TestData.assertBitsEqual(naiveBinary(op, new float[] {c[1]}, new int[0], a, out, out), y, "scalar-left op " + op);
        }
    }

    @Test
    void binaryIntegerOpsMatchExactArithmetic() {
        for (int trial = 0; trial < 200; trial++) {
            int op = rnd.nextInt(BinaryOp.PRELU + 1);
            int[][] s = broadcastShapes();
            int[] out = s[0];
            long[] a = TestData.longs(rnd, TestData.volume(s[1]), 1000);
            long[] b = TestData.longs(rnd, TestData.volume(s[2]), op == BinaryOp.POW ? 3 : 50);
            for (int i = 0; i < b.length; i++) {
                if (op == BinaryOp.POW) {
                    b[i] = Math.abs(b[i]);
                } else if (b[i] == 0 && op >= BinaryOp.DIV) {
                    b[i] = 7;
                }
            }
            long[] y = new long[TestData.volume(out)];
            int[] ai = new int[a.length];
            int[] bi = new int[b.length];
            for (int i = 0; i < a.length; i++) {
                ai[i] = (int) a[i];
            }
            for (int i = 0; i < b.length; i++) {
                bi[i] = (int) b[i];
            }
            int[] yi = new int[y.length];
            int[] sa = BroadcastLoop.strides(s[1], out);
            int[] sb = BroadcastLoop.strides(s[2], out);
            Binary.longs(op, a, 0, sa, b, 0, sb, y, 0, out);
            Binary.ints(op, ai, 0, sa, bi, 0, sb, yi, 0, out);
            int[] o = new int[out.length];
            for (int i = 0; i < y.length; i++) {
                TestData.unravel(i, out, o);
                long av = a[TestData.broadcastSource(o, s[1])];
                long bv = b[TestData.broadcastSource(o, s[2])];
                assertEquals(ElementwiseReference.integerBinary(op, av, bv, 64), y[i], "op " + op);
                assertEquals(ElementwiseReference.integerBinary(op, (int) av, (int) bv, 32), yi[i], "i32 op " + op);
            }
        }
        assertEquals(-1, BinaryOp.integerFunction(BinaryOp.MOD).apply(5, -3));
        assertEquals(2, BinaryOp.integerFunction(BinaryOp.FMOD).apply(5, -3));
        assertEquals(-2, BinaryOp.integerFunction(BinaryOp.DIV).apply(-7, 3));
    }

    @Test
    void comparisonsAndLogicProduceBools() {
        for (int trial = 0; trial < 200; trial++) {
            int op = BinaryOp.EQUAL + rnd.nextInt(BinaryOp.XOR - BinaryOp.EQUAL + 1);
            int[][] s = broadcastShapes();
            int[] out = s[0];
            int[] sa = BroadcastLoop.strides(s[1], out);
            int[] sb = BroadcastLoop.strides(s[2], out);
            boolean[] y = new boolean[TestData.volume(out)];
            int[] o = new int[out.length];
            if (op >= BinaryOp.AND) {
                boolean[] a = TestData.bools(rnd, TestData.volume(s[1]));
                boolean[] b = TestData.bools(rnd, TestData.volume(s[2]));
                Binary.logic(op, a, 0, sa, b, 0, sb, y, 0, out);
                for (int i = 0; i < y.length; i++) {
                    TestData.unravel(i, out, o);
                    boolean av = a[TestData.broadcastSource(o, s[1])];
                    boolean bv = b[TestData.broadcastSource(o, s[2])];
                    boolean expected = op == BinaryOp.AND ? av && bv : op == BinaryOp.OR ? av || bv : av ^ bv;
                    assertEquals(expected, y[i]);
                }
                continue;
            }
            long[] a = TestData.longs(rnd, TestData.volume(s[1]), 3);
            long[] b = TestData.longs(rnd, TestData.volume(s[2]), 3);
            float[] af = new float[a.length];
            float[] bf = new float[b.length];
            int[] ai = new int[a.length];
            int[] bi = new int[b.length];
            for (int i = 0; i < a.length; i++) {
                af[i] = a[i] == 3 ? Float.NaN : a[i];
                ai[i] = (int) a[i];
            }
            for (int i = 0; i < b.length; i++) {
                bf[i] = b[i];
                bi[i] = (int) b[i];
            }
            boolean[] yl = new boolean[y.length];
            boolean[] yi = new boolean[y.length];
            Binary.compareFloats(op, af, 0, sa, bf, 0, sb, y, 0, out);
            Binary.compareLongs(op, a, 0, sa, b, 0, sb, yl, 0, out);
            Binary.compareInts(op, ai, 0, sa, bi, 0, sb, yi, 0, out);
            for (int i = 0; i < y.length; i++) {
                TestData.unravel(i, out, o);
                float av = af[TestData.broadcastSource(o, s[1])];
                float bv = bf[TestData.broadcastSource(o, s[2])];
                long al = a[TestData.broadcastSource(o, s[1])];
                long bl = (long) bv;
                boolean expectedF = switch (op) {
                    case BinaryOp.EQUAL -> av == bv;
                    case BinaryOp.LESS -> av < bv;
                    case BinaryOp.LESS_OR_EQUAL -> av <= bv;
                    case BinaryOp.GREATER -> av > bv;
                    default -> av >= bv;
                };
                boolean expectedL = switch (op) {
                    case BinaryOp.EQUAL -> al == bl;
                    case BinaryOp.LESS -> al < bl;
                    case BinaryOp.LESS_OR_EQUAL -> al <= bl;
                    case BinaryOp.GREATER -> al > bl;
                    default -> al >= bl;
                };
                assertEquals(expectedF, y[i], "f32 op " + op);
                assertEquals(expectedL, yl[i], "i64 op " + op);
                assertEquals(expectedL, yi[i], "i32 op " + op);
            }
        }
    }

    @Test
    void whereSelectsWithThreeWayBroadcast() {
        for (int trial = 0; trial < 200; trial++) {
            int[][] s = broadcastShapes();
            int[] out = s[0];
            int[] cs = s[rnd.nextInt(3)];
            boolean[] c = TestData.bools(rnd, TestData.volume(cs));
            float[] x = TestData.floats(rnd, TestData.volume(s[1]));
            float[] yv = TestData.floats(rnd, TestData.volume(s[2]));
            long[] xl = TestData.longs(rnd, x.length, 100);
            long[] yl = TestData.longs(rnd, yv.length, 100);
            float[] out1 = new float[TestData.volume(out)];
            long[] out2 = new long[out1.length];
            Where.select(c, 0, BroadcastLoop.strides(cs, out), x, 0, BroadcastLoop.strides(s[1], out), yv, 0,
                    BroadcastLoop.strides(s[2], out), out1, 0, out);
            Where.select(c, 0, BroadcastLoop.strides(cs, out), xl, 0, BroadcastLoop.strides(s[1], out), yl, 0,
                    BroadcastLoop.strides(s[2], out), out2, 0, out);
            int[] o = new int[out.length];
            for (int i = 0; i < out1.length; i++) {
                TestData.unravel(i, out, o);
                boolean cond = c[TestData.broadcastSource(o, cs)];
                assertEquals(cond ? x[TestData.broadcastSource(o, s[1])] : yv[TestData.broadcastSource(o, s[2])], out1[i]);
                assertEquals(cond ? xl[TestData.broadcastSource(o, s[1])] : yl[TestData.broadcastSource(o, s[2])], out2[i]);
            }
        }
    }

    @Test
    void broadcastStridesFollowNumpy() {
        assertArrayEquals(new int[] {0, 1, 0, 0}, BroadcastLoop.strides(new int[] {1, 3, 1, 1}, new int[] {2, 3, 4, 5}));
        assertArrayEquals(new int[] {0, 0, 1}, BroadcastLoop.strides(new int[] {5}, new int[] {3, 4, 5}));
        assertArrayEquals(new int[] {0, 0}, BroadcastLoop.strides(new int[0], new int[] {3, 4}));
        assertThrows(IllegalArgumentException.class, () -> BroadcastLoop.strides(new int[] {3}, new int[] {4}));
    }
}
