package org.falconc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.junit.jupiter.api.Test;

/**
 * GatherElements against a naive multi-index twin and the interpreter; Trilu, EyeLike and ClipTensor
 * (run-time bounds) against the interpreter, on random shapes.
 */
class IndexingOpsTest {
    private final Random rnd = new Random(5);

    @Test
    void gatherElementsMatchesNaiveAndInterpreter() {
        for (int trial = 0; trial < 150; trial++) {
            int rank = 1 + rnd.nextInt(4);
            int[] data = TestData.shape(rnd, rank, 4);
            int axis = rnd.nextInt(rank);
            int[] idxShape = new int[rank];
            for (int a = 0; a < rank; a++) {
                // Smaller than the data on other axes; any size on the axis.
                idxShape[a] = a == axis ? 1 + rnd.nextInt(5) : 1 + rnd.nextInt(data[a]);
            }
            int count = TestData.volume(idxShape);
            long[] idx = new long[count];
            int[] idx32 = new int[count];
            for (int j = 0; j < count; j++) {
                idx[j] = rnd.nextInt(2 * data[axis]) - data[axis];
                idx32[j] = (int) idx[j];
            }
            float[] x = TestData.floats(rnd, TestData.volume(data));
            float[] y = new float[count + 2];
            int[] yInts = new int[count];
            GatherElements.run(x, 0, y, 2, data, idx, 0, idxShape, axis);
            int[] xInts = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                xInts[i] = i;
            }
            GatherElements.run(xInts, 0, yInts, 0, data, idx32, 0, idxShape, axis);
            float[] expected = new float[count];
            int[] expectedInts = new int[count];
            int[] c = new int[rank];
            for (int o = 0; o < count; o++) {
                TestData.unravel(o, idxShape, c);
                c[axis] = (int) (idx[o] < 0 ? idx[o] + data[axis] : idx[o]);
                expected[o] = x[TestData.ravel(c, data)];
                expectedInts[o] = TestData.ravel(c, data);
            }
            String what = "data " + Arrays.toString(data) + " indices " + Arrays.toString(idxShape) + " axis " + axis;
            TestData.assertBitsEqual(expected, Arrays.copyOfRange(y, 2, y.length), what);
            assertArrayEquals(expectedInts, yInts, what + " (i32 indices, int data)");
            Tensor ref = Oracle.run("GatherElements", a -> a.setInt("axis", axis), 1, Oracle.floats(data, x),
                    Tensor.ofLongs(Shape.of(idxShape), idx)).get(0);
            TestData.assertBitsEqual(ref.floats(), expected, what + " vs interpreter");
        }
        assertThrows(IndexOutOfBoundsException.class, () -> GatherElements.run(new float[3], 0, new float[1], 0,
                new int[] {3}, new long[] {3}, 0, new int[] {1}, 0));
    }

    @Test
    void triluMatchesTheInterpreter() {
        for (int trial = 0; trial < 80; trial++) {
            int rank = 2 + rnd.nextInt(2);
            int[] shape = TestData.shape(rnd, rank, 5);
            boolean upper = rnd.nextBoolean();
            long k = rnd.nextInt(9) - 4;
            boolean withK = rnd.nextBoolean();
            float[] x = TestData.floats(rnd, TestData.volume(shape));
            int rows = shape[rank - 2];
            int cols = shape[rank - 1];
            float[] y = new float[x.length];
            Trilu.run(x, 0, y, 0, x.length / (rows * cols), rows, cols, withK ? new long[] {0, k} : null, 1, upper);
            Tensor ref = withK
                    ? Oracle.run("Trilu", a -> a.setInt("upper", upper ? 1 : 0), 1, Oracle.floats(shape, x), Tensor.scalar(k)).get(0)
                    : Oracle.run("Trilu", a -> a.setInt("upper", upper ? 1 : 0), 1, Oracle.floats(shape, x)).get(0);
            TestData.assertBitsEqual(ref.floats(), y, "trilu " + Arrays.toString(shape) + " upper " + upper + " k " + k);
            // In place gives the same.
            Trilu.run(x, 0, x, 0, x.length / (rows * cols), rows, cols, withK ? new long[] {k} : null, 0, upper);
            TestData.assertBitsEqual(ref.floats(), x, "trilu in place");
        }
    }

    @Test
    void eyeLikeMatchesTheInterpreter() {
        for (int trial = 0; trial < 40; trial++) {
            int[] shape = TestData.shape(rnd, 2, 6);
            int k = rnd.nextInt(9) - 4;
            float[] y = new float[TestData.volume(shape)];
            long[] yl = new long[y.length];
            EyeLike.floats(y, 0, shape[0], shape[1], k);
            EyeLike.longs(yl, 0, shape[0], shape[1], k);
            Tensor ref = Oracle.run("EyeLike", a -> a.setInt("k", k), 1, Oracle.floats(shape, new float[y.length])).get(0);
            TestData.assertBitsEqual(ref.floats(), y, "eye " + Arrays.toString(shape) + " k " + k);
            for (int i = 0; i < y.length; i++) {
                assertArrayEquals(new long[] {(long) ref.floats()[i]}, new long[] {yl[i]});
            }
        }
    }

    @Test
    void clipWithRunTimeBoundsMatchesTheInterpreter() {
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + rnd.nextInt(30);
            float[] x = TestData.floats(rnd, n);
            x[0] = Float.NaN;
            boolean hasMin = rnd.nextBoolean();
            boolean hasMax = rnd.nextBoolean();
            float lo = (float) rnd.nextGaussian();
            float hi = (float) rnd.nextGaussian();
            float[] y = new float[n];
            ClipTensor.floats(x, 0, y, 0, n, hasMin ? new float[] {9, lo} : null, 1, hasMax ? new float[] {hi} : null, 0);
            Tensor ref = Oracle.run("Clip", a -> { }, 1, Oracle.floats(new int[] {n}, x),
                    hasMin ? Tensor.scalar(lo) : null, hasMax ? Tensor.scalar(hi) : null).get(0);
            TestData.assertBitsEqual(ref.floats(), y, "clip [" + (hasMin ? lo : "-") + ", " + (hasMax ? hi : "-") + "]");
            long[] xl = TestData.longs(rnd, n, 50);
            long[] yl = new long[n];
            ClipTensor.longs(xl, 0, yl, 0, n, hasMin ? new long[] {-10} : null, 0, hasMax ? new long[] {20} : null, 0);
            for (int i = 0; i < n; i++) {
                long e = Math.min(Math.max(xl[i], hasMin ? -10 : Long.MIN_VALUE), hasMax ? 20 : Long.MAX_VALUE);
                assertArrayEquals(new long[] {e}, new long[] {yl[i]});
            }
        }
    }
}
