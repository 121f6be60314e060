package org.falconc.interp.tensor;

import static org.falconc.interp.tensor.KernelHarness.assertClose;
import static org.falconc.interp.tensor.KernelHarness.assertLongs;
import static org.falconc.interp.tensor.KernelHarness.assertTensor;
import static org.falconc.interp.tensor.KernelHarness.dims;
import static org.falconc.interp.tensor.KernelHarness.f32;
import static org.falconc.interp.tensor.KernelHarness.i64;
import static org.falconc.interp.tensor.KernelHarness.op;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.junit.jupiter.api.Test;

class NormalizationAndReductionKernelsTest {
    private static final Random RND = new Random(7);

    @Test
    void softmaxExamples() {
        assertTensor(op("Softmax").in(f32(dims(1, 3), -1, 0, 1)).run(), "f32[1,3]", 0.09003058f, 0.24472848f, 0.66524094f);
        // large values must not overflow: both rows give the same distribution
        float[] row = {0.0320586f, 0.08714432f, 0.23688284f, 0.64391428f};
        assertClose(op("Softmax").in(f32(dims(2, 4), 0, 1, 2, 3, 10000, 10001, 10002, 10003)).run(),
                row[0], row[1], row[2], row[3], row[0], row[1], row[2], row[3]);
        assertClose(op("LogSoftmax").in(f32(dims(1, 3), -1, 0, 1)).run(), -2.4076059f, -1.4076059f, -0.40760595f);
        assertClose(op("Softmax").in(f32(dims(2, 2), 1, 2, 3, 5)).attrs(a -> a.setInt("axis", 0)).run(),
                0.11920292f, 0.04742587f, 0.88079708f, 0.95257413f);
    }

    @Test
    void softmaxLinesSumToOneOnEveryAxis() {
        Tensor x = KernelHarness.random(RND, Shape.of(3, 4, 5));
        for (int axis = -3; axis < 3; axis++) {
            final int ax = axis;
            Tensor y = op("Softmax").in(x).attrs(a -> a.setInt("axis", ax)).run();
            Tensor logY = op("LogSoftmax").in(x).attrs(a -> a.setInt("axis", ax)).run();
            Tensor sums = op("ReduceSum").in(y).in(i64(ax)).run();
            for (float s : sums.floats()) {
                assertEquals(1.0, s, 1e-5, "axis " + ax);
            }
            for (int i = 0; i < y.numElements(); i++) {
                assertEquals(Math.log(y.floats()[i]), logY.floats()[i], 1e-5, "log of softmax, axis " + ax);
            }
        }
    }

    @Test
    void hardmaxMarksTheFirstMaximum() {
        Tensor x = f32(dims(4, 4), 3, 0, 1, 2, 2, 5, 1, 0, 0, 1, 3, 2, 0, 1, 2, 3);
        assertClose(op("Hardmax").in(x).run(), 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
        assertClose(op("Hardmax").in(f32(dims(1, 4), 2, 2, 3, 3)).run(), 0, 0, 1, 0);
    }

    private static final Tensor REDUCE_DATA = f32(dims(3, 2, 2), 5, 1, 20, 2, 30, 1, 40, 2, 55, 1, 60, 2);

    @Test
    void reduceMeanExamples() {
        assertTensor(op("ReduceMean").in(REDUCE_DATA).in(i64(1)).run(), "f32[3,1,2]", 12.5f, 1.5f, 35, 1.5f, 57.5f, 1.5f);
        assertTensor(op("ReduceMean").in(REDUCE_DATA).in(i64(-2)).attrs(a -> a.setInt("keepdims", 0)).run(),
                "f32[3,2]", 12.5f, 1.5f, 35, 1.5f, 57.5f, 1.5f);
        assertTensor(op("ReduceMean").in(REDUCE_DATA).in(i64()).run(), "f32[1,1,1]", 18.25f);
        assertTensor(op("ReduceMean").in(REDUCE_DATA).run(), "f32[1,1,1]", 18.25f);
        assertTensor(op("ReduceSum").in(f32(1, 2)).in(i64()).attrs(a -> a.setInt("noop_with_empty_axes", 1)).run(),
                "f32[2]", 1, 2);
    }

    @Test
    void everyReducerOnASmallMatrix() {
        Tensor x = f32(dims(2, 3), 1, -2, 3, -4, 5, -6);
        Tensor axis1 = i64(1);
        assertClose(op("ReduceSum").in(x).in(axis1).run(), 2, -5);
        assertClose(op("ReduceMax").in(x).in(axis1).run(), 3, 5);
        assertClose(op("ReduceMin").in(x).in(axis1).run(), -2, -6);
        assertClose(op("ReduceProd").in(x).in(axis1).run(), -6, 120);
        assertClose(op("ReduceL1").in(x).in(axis1).run(), 6, 15);
        assertClose(op("ReduceL2").in(x).in(axis1).run(), (float) Math.sqrt(14), (float) Math.sqrt(77));
        assertClose(op("ReduceSumSquare").in(x).in(axis1).run(), 14, 77);
        assertClose(op("ReduceLogSumExp").in(x).in(axis1).run(),
                (float) Math.log(Math.exp(1) + Math.exp(-2) + Math.exp(3)), (float) Math.log(Math.exp(-4) + Math.exp(5) + Math.exp(-6)));
        assertClose(op("ReduceLogSumExp").in(f32(1000, 1000)).run(), 1000.6931f);
        assertClose(op("ReduceLogSum").in(f32(1, 2, 3)).run(), (float) Math.log(6));
        assertLongs(op("ReduceSum").in(Tensor.ofLongs(Shape.of(2, 2), 1, 2, 3, 4)).in(i64(0)).run(), "i64[1,2]", 4, 6);
        assertLongs(op("ReduceMax").in(Tensor.ofInts(Shape.of(2, 2), 1, 7, 3, 4)).in(i64(1)).run(), "i32[2,1]", 7, 4);
    }

    @Test
    void reductionOverZeroElementsGivesTheIdentity() {
        Tensor empty = Tensor.ofFloats(Shape.of(2, 0));
        Tensor axis1 = i64(1);
        assertClose(op("ReduceSum").in(empty).in(axis1).run(), 0, 0);
        assertClose(op("ReduceProd").in(empty).in(axis1).run(), 1, 1);
        assertClose(op("ReduceMax").in(empty).in(axis1).run(), Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY);
        assertClose(op("ReduceMean").in(empty).in(axis1).run(), Float.NaN, Float.NaN);
        assertClose(op("ReduceLogSumExp").in(empty).in(axis1).run(), Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY);
    }

    @Test
    void reduceSumMatchesNaiveSumsOverRandomAxes() {
        for (int trial = 0; trial < 50; trial++) {
            int[] d = {1 + RND.nextInt(3), 1 + RND.nextInt(3), 1 + RND.nextInt(3)};
            Tensor x = KernelHarness.random(RND, Shape.of(d));
            boolean r0 = RND.nextBoolean();
            boolean r2 = RND.nextBoolean();
            long[] axes = r0 && r2 ? new long[] {0, -1} : r0 ? new long[] {0} : r2 ? new long[] {2} : new long[] {1};
            boolean r1 = !r0 && !r2;
            Tensor y = op("ReduceSum").in(x).in(i64(axes)).attrs(a -> a.setInt("keepdims", 0)).run();
            double[] expected = new double[y.numElements()];
            for (int i = 0; i < d[0]; i++) {
                for (int j = 0; j < d[1]; j++) {
                    for (int k = 0; k < d[2]; k++) {
                        int o0 = r0 ? 0 : i;
                        int o1 = r1 ? 0 : j;
                        int o2 = r2 ? 0 : k;
                        int n1 = r1 ? 1 : d[1];
                        int n2 = r2 ? 1 : d[2];
                        expected[(o0 * n1 + o1) * n2 + o2] += x.floats()[(i * d[1] + j) * d[2] + k];
                    }
                }
            }
            for (int o = 0; o < expected.length; o++) {
                assertEquals(expected[o], y.floats()[o], 1e-5, "trial " + trial);
            }
        }
    }

    @Test
    void argMaxAndArgMin() {
        Tensor x = f32(dims(2, 2), 2, 1, 3, 10);
        assertLongs(op("ArgMax").in(x).run(), "i64[1,2]", 1, 1);
        assertLongs(op("ArgMax").in(x).attrs(a -> a.setInt("axis", 1)).run(), "i64[2,1]", 0, 1);
        assertLongs(op("ArgMin").in(x).attrs(a -> a.setInt("axis", 1).setInt("keepdims", 0)).run(), "i64[2]", 1, 0);
        Tensor ties = f32(dims(2, 2), 2, 2, 3, 10);
        assertLongs(op("ArgMax").in(ties).attrs(a -> a.setInt("axis", 1)).run(), "i64[2,1]", 0, 1);
        assertLongs(op("ArgMax").in(ties).attrs(a -> a.setInt("axis", 1).setInt("select_last_index", 1)).run(),
                "i64[2,1]", 1, 1);
        assertLongs(op("ArgMin").in(f32(dims(2, 2), 2, 2, 3, 10)).attrs(a -> a.setInt("axis", 1).setInt("select_last_index", 1)).run(),
                "i64[2,1]", 1, 0);
    }
}
