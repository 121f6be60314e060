package org.falconc.interp.nn;

import static org.falconc.interp.nn.NnRun.random;
import static org.falconc.interp.nn.NnRun.run1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.junit.jupiter.api.Test;

/** Cross-checks between kernels on random data: identities that hold whatever the implementation. */
class NnConsistencyTest {
    private final Random rnd = new Random(42);

    private static double dot(Tensor a, Tensor b) {
        assertEquals(a.shape(), b.shape());
        double s = 0;
        for (int i = 0; i < a.numElements(); i++) {
            s += (double) a.floats()[i] * b.floats()[i];
        }
        return s;
    }

    /**
     * ConvTranspose with the same weights, strides, pads, dilations and group is the adjoint of Conv:
     * {@code <Conv(x), y> == <x, ConvT(y)>}. output_padding makes ConvT's output the size of x.
     */
    private void checkAdjoint(int[] xDims, int[] wDims, int group, long[] strides, long[] pads, long[] dilations) {
        int n = xDims.length - 2;
        Tensor x = random(rnd, xDims);
        Tensor w = random(rnd, wDims);
        Tensor cx = run1("Conv", a -> a.setInt("group", group).setInts("strides", strides).setInts("pads", pads)
                .setInts("dilations", dilations), x, w);
        Tensor y = random(rnd, cx.shape().dims());
        long[] outputPadding = new long[n];
        for (int i = 0; i < n; i++) {
            long extent = (wDims[i + 2] - 1) * dilations[i] + 1;
            outputPadding[i] = (xDims[i + 2] + pads[i] + pads[n + i] - extent) % strides[i];
        }
        Tensor ty = run1("ConvTranspose", a -> a.setInt("group", group).setInts("strides", strides).setInts("pads", pads)
                .setInts("dilations", dilations).setInts("output_padding", outputPadding), y, w);
        double lhs = dot(cx, y);
        double rhs = dot(x, ty);
        assertEquals(lhs, rhs, 1e-3 * (1 + Math.abs(lhs)), "adjoint identity");
    }

    @Test
    void convTransposeIsTheAdjointOfConv() {
        checkAdjoint(new int[] {2, 3, 11}, new int[] {4, 3, 3}, 1, new long[] {2}, new long[] {1, 2}, new long[] {1});
        checkAdjoint(new int[] {1, 4, 9, 8}, new int[] {6, 2, 3, 2}, 2, new long[] {2, 3}, new long[] {1, 0, 2, 1},
                new long[] {2, 1});
        checkAdjoint(new int[] {1, 2, 5, 6, 7}, new int[] {3, 2, 2, 3, 2}, 1, new long[] {1, 2, 2},
                new long[] {0, 1, 1, 1, 0, 0}, new long[] {1, 1, 2});
        checkAdjoint(new int[] {1, 3, 7, 7}, new int[] {3, 1, 3, 3}, 3, new long[] {1, 1}, new long[] {1, 1, 1, 1},
                new long[] {1, 1});
    }

    @Test
    void pointwiseConvIsMatMul() {
        Tensor x = random(rnd, 1, 5, 4, 3);
        Tensor w = random(rnd, 7, 5, 1, 1);
        Tensor conv = run1("Conv", a -> { }, x, w);
        Tensor mm = run1("MatMul", a -> { }, w.reshape(Shape.of(7, 5)), x.reshape(Shape.of(5, 12)));
        NnConformanceTest.assertClose(mm.reshape(Shape.of(1, 7, 4, 3)), conv);
    }

    @Test
    void gemmMatchesMatMulPlusBias() {
        Tensor a = random(rnd, 6, 4);
        Tensor b = random(rnd, 5, 6);
        Tensor c = random(rnd, 5);
        Tensor gemm = run1("Gemm", at -> at.setInt("transA", 1).setInt("transB", 1).setFloat("alpha", 0.5f)
                .setFloat("beta", 2), a, b, c);
        Tensor ba = run1("MatMul", at -> { }, b, a); // (A^T B^T)^T = B A
        float[] expected = new float[20];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                expected[i * 5 + j] = 0.5f * ba.floats()[j * 4 + i] + 2 * c.floats()[j];
            }
        }
        NnConformanceTest.assertClose(Tensor.ofFloats(Shape.of(4, 5), expected), gemm);
    }

    @Test
    void batchedMatMulBroadcastsLikeSlices() {
        Tensor a = random(rnd, 2, 1, 3, 4);
        Tensor b = random(rnd, 3, 4, 5);
        Tensor y = run1("MatMul", at -> { }, a, b);
        assertEquals(Shape.of(2, 3, 3, 5), y.shape());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                Tensor ai = slice(a, i, 12, Shape.of(3, 4));
                Tensor bj = slice(b, j, 20, Shape.of(4, 5));
                Tensor expected = run1("MatMul", at -> { }, ai, bj);
                NnConformanceTest.assertClose(expected, slice(y, i * 3 + j, 15, Shape.of(3, 5)));
            }
        }
        Tensor v = random(rnd, 4);
        Tensor av = run1("MatMul", at -> { }, a, v);
        assertEquals(Shape.of(2, 1, 3), av.shape());
    }

    private static Tensor slice(Tensor t, int index, int size, Shape shape) {
        float[] v = new float[size];
        System.arraycopy(t.floats(), index * size, v, 0, size);
        return Tensor.ofFloats(shape, v);
    }

    @Test
    void resizeWithScaleOneIsIdentityInEveryMode() {
        Tensor x = random(rnd, 1, 2, 3, 4);
        Tensor ones = Tensor.ofFloats(Shape.of(4), 1, 1, 1, 1);
        for (String mode : new String[] {"nearest", "linear", "cubic"}) {
            for (String ctm : new String[] {"half_pixel", "pytorch_half_pixel", "align_corners", "asymmetric",
                    "half_pixel_symmetric"}) {
                Tensor y = run1("Resize", a -> a.setString("mode", mode).setString("coordinate_transformation_mode", ctm)
                        .setInt("exclude_outside", 1), x, null, ones);
                NnConformanceTest.assertClose(x, y);
            }
        }
    }

    @Test
    void globalPoolsEqualFullWindowPools() {
        Tensor x = random(rnd, 2, 3, 4, 5);
        NnConformanceTest.assertClose(run1("AveragePool", a -> a.setInts("kernel_shape", 4, 5), x),
                run1("GlobalAveragePool", a -> { }, x));
        NnConformanceTest.assertClose(run1("MaxPool", a -> a.setInts("kernel_shape", 4, 5), x),
                run1("GlobalMaxPool", a -> { }, x));
    }
}
