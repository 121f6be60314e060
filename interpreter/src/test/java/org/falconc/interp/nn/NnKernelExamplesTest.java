package org.falconc.interp.nn;

import static org.falconc.interp.nn.NnRun.assertValues;
import static org.falconc.interp.nn.NnRun.iota;
import static org.falconc.interp.nn.NnRun.run;
import static org.falconc.interp.nn.NnRun.run1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.junit.jupiter.api.Test;

/** Kernel values on the worked examples of the ONNX operator documentation. */
class NnKernelExamplesTest {
    private static final float[] RESIZE_4X4 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    @Test
    void convWithAndWithoutPadding() {
        Tensor x = iota(0, 1, 1, 5, 5);
        Tensor w = NnRun.filled(1, 1, 1, 3, 3);
        assertValues(run1("Conv", a -> a.setInts("pads", 1, 1, 1, 1), x, w), new int[] {1, 1, 5, 5},
                12, 21, 27, 33, 24, 33, 54, 63, 72, 51, 63, 99, 108, 117, 81, 93, 144, 153, 162, 111, 72, 111, 117, 123, 84);
        assertValues(run1("Conv", a -> { }, x, w), new int[] {1, 1, 3, 3}, 54, 63, 72, 99, 108, 117, 144, 153, 162);
    }

    @Test
    void convStridesAsymmetricPaddingAndBias() {
        Tensor x = iota(0, 1, 1, 7, 5);
        Tensor w = NnRun.filled(1, 1, 1, 3, 3);
        assertValues(run1("Conv", a -> a.setInts("pads", 1, 1, 1, 1).setInts("strides", 2, 2), x, w), new int[] {1, 1, 4, 3},
                12, 27, 24, 63, 108, 81, 123, 198, 141, 112, 177, 124);
        assertValues(run1("Conv", a -> a.setInts("pads", 1, 0, 1, 0).setInts("strides", 2, 2), x, w,
                Tensor.ofFloats(Shape.of(1), 0.5f)), new int[] {1, 1, 4, 2},
                21.5, 33.5, 99.5, 117.5, 189.5, 207.5, 171.5, 183.5);
    }

    @Test
    void convTransposeBasic() {
        // onnx docs: ConvTranspose of a 3x3 ramp with two all-ones 3x3 filters.
        Tensor x = iota(0, 1, 1, 3, 3);
        Tensor w = NnRun.filled(1, 1, 2, 3, 3);
        double[] plane = {0, 1, 3, 3, 2, 3, 8, 15, 12, 7, 9, 21, 36, 27, 15, 9, 20, 33, 24, 13, 6, 13, 21, 15, 8};
        double[] both = new double[50];
        System.arraycopy(plane, 0, both, 0, 25);
        System.arraycopy(plane, 0, both, 25, 25);
        assertValues(run1("ConvTranspose", a -> { }, x, w), new int[] {1, 2, 5, 5}, both);
    }

    @Test
    void maxPoolWithIndicesInBothStorageOrders() {
        Tensor x = iota(1, 1, 1, 5, 5);
        List<Tensor> rowMajor = run("MaxPool", a -> a.setInts("kernel_shape", 2, 2).setInts("strides", 2, 2), 2, x);
        assertValues(rowMajor.get(0), new int[] {1, 1, 2, 2}, 7, 9, 17, 19);
        assertArrayEquals(new long[] {6, 8, 16, 18}, rowMajor.get(1).longs());
        List<Tensor> colMajor = run("MaxPool", a -> a.setInts("kernel_shape", 2, 2).setInts("strides", 2, 2)
                .setInt("storage_order", 1), 2, x);
        assertArrayEquals(new long[] {6, 16, 8, 18}, colMajor.get(1).longs());
        // Indices count across batch and channel planes.
        List<Tensor> planes = run("MaxPool", a -> a.setInts("kernel_shape", 2, 2), 2, iota(0, 2, 2, 2, 2));
        assertArrayEquals(new long[] {3, 7, 11, 15}, planes.get(1).longs());
    }

    @Test
    void maxPoolPadsAndDilations() {
        Tensor x = iota(1, 1, 1, 5, 5);
        assertValues(run1("MaxPool", a -> a.setInts("kernel_shape", 5, 5).setInts("pads", 2, 2, 2, 2), x), new int[] {1, 1, 5, 5},
                13, 14, 15, 15, 15, 18, 19, 20, 20, 20, 23, 24, 25, 25, 25, 23, 24, 25, 25, 25, 23, 24, 25, 25, 25);
        Tensor y = Tensor.ofFloats(Shape.of(1, 1, 4, 4), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        assertValues(run1("MaxPool", a -> a.setInts("kernel_shape", 2, 2).setInts("dilations", 2, 2), y), new int[] {1, 1, 2, 2},
                11, 12, 15, 16);
    }

    @Test
    void averagePoolCeilSameUpperAndPadCounting() {
        assertValues(run1("AveragePool", a -> a.setInts("kernel_shape", 3, 3).setInts("strides", 2, 2).setInt("ceil_mode", 1),
                iota(1, 1, 1, 4, 4)), new int[] {1, 1, 2, 2}, 6, 7.5, 12, 13.5);
        assertValues(run1("AveragePool", a -> a.setInts("kernel_shape", 3, 3).setInts("strides", 2, 2)
                .setString("auto_pad", "SAME_UPPER"), iota(1, 1, 1, 5, 5)), new int[] {1, 1, 3, 3},
                4, 5.5, 7, 11.5, 13, 14.5, 19, 20.5, 22);
        Tensor x = iota(1, 1, 1, 5, 5);
        Tensor excl = run1("AveragePool", a -> a.setInts("kernel_shape", 5, 5).setInts("pads", 2, 2, 2, 2), x);
        Tensor incl = run1("AveragePool", a -> a.setInts("kernel_shape", 5, 5).setInts("pads", 2, 2, 2, 2)
                .setInt("count_include_pad", 1), x);
        assertValues(excl, new int[] {1, 1, 5, 5}, 7, 7.5, 8, 8.5, 9, 9.5, 10, 10.5, 11, 11.5, 12, 12.5, 13, 13.5, 14,
                14.5, 15, 15.5, 16, 16.5, 17, 17.5, 18, 18.5, 19);
        assertValues(incl, new int[] {1, 1, 5, 5}, 2.52, 3.6, 4.8, 4.08, 3.24, 4.56, 6.4, 8.4, 7.04, 5.52, 7.2, 10, 13,
                10.8, 8.4, 6.96, 9.6, 12.4, 10.24, 7.92, 6.12, 8.4, 10.8, 8.88, 6.84);
    }

    @Test
    void globalPoolsAndLpPool() {
        Tensor x = iota(1, 1, 1, 3, 3);
        assertValues(run1("GlobalAveragePool", a -> { }, x), new int[] {1, 1, 1, 1}, 5);
        assertValues(run1("GlobalMaxPool", a -> { }, x), new int[] {1, 1, 1, 1}, 9);
        assertValues(run1("LpPool", a -> a.setInts("kernel_shape", 2).setInt("p", 2),
                Tensor.ofFloats(Shape.of(1, 1, 3), 3, 4, 12)), new int[] {1, 1, 2}, 5, Math.sqrt(160));
    }

    @Test
    void resizeNearestAndLinear() {
        Tensor x = Tensor.ofFloats(Shape.of(1, 1, 2, 2), 1, 2, 3, 4);
        assertValues(run1("Resize", a -> a.setString("mode", "nearest"), x, null,
                Tensor.ofFloats(Shape.of(4), 1, 1, 2, 3)), new int[] {1, 1, 4, 6},
                1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 3, 3, 3, 4, 4, 4);
        assertValues(run1("Resize", a -> a.setString("mode", "linear"), x, null,
                Tensor.ofFloats(Shape.of(4), 1, 1, 2, 2)), new int[] {1, 1, 4, 4},
                1, 1.25, 1.75, 2, 1.5, 1.75, 2.25, 2.5, 2.5, 2.75, 3.25, 3.5, 3, 3.25, 3.75, 4);
        assertValues(run1("Resize", a -> a.setString("mode", "linear").setString("coordinate_transformation_mode", "align_corners"),
                x, null, Tensor.ofFloats(Shape.of(4), 1, 1, 2, 2)), new int[] {1, 1, 4, 4},
                1, 4 / 3.0, 5 / 3.0, 2, 5 / 3.0, 2, 7 / 3.0, 8 / 3.0, 7 / 3.0, 8 / 3.0, 3, 10 / 3.0, 3, 10 / 3.0, 11 / 3.0, 4);
        assertValues(run1("Resize", a -> a.setString("mode", "nearest"), Tensor.ofFloats(Shape.of(1, 1, 2, 4), 1, 2, 3, 4, 5, 6, 7, 8),
                null, null, Tensor.vector(1, 1, 1, 3)), new int[] {1, 1, 1, 3}, 1, 2, 4);
    }

    @Test
    void resizeCubicAndCrop() {
        Tensor x = Tensor.ofFloats(Shape.of(1, 1, 4, 4), RESIZE_4X4);
        assertValues(run1("Resize", a -> a.setString("mode", "cubic"), x, null, Tensor.ofFloats(Shape.of(4), 1, 1, 0.8f, 0.8f)),
                new int[] {1, 1, 3, 3}, 1.47119141, 2.78125, 4.08251953, 6.71142578, 8.02148438, 9.32275391, 11.91650391,
                13.2265625, 14.52783203);
        assertValues(run1("Resize", a -> a.setString("mode", "linear").setString("coordinate_transformation_mode",
                "tf_crop_and_resize").setFloat("extrapolation_value", 10), x,
                Tensor.ofFloats(Shape.of(8), 0, 0, 0.4f, 0.6f, 1, 1, 1.2f, 1.7f), null, Tensor.vector(1, 1, 3, 3)),
                new int[] {1, 1, 3, 3}, 7.6, 10, 10, 12.4, 10, 10, 10, 10, 10);
    }

    @Test
    void padModes() {
        Tensor x = Tensor.ofFloats(Shape.of(3, 2), 1f, 1.2f, 2.3f, 3.4f, 4.5f, 5.7f);
        Tensor pads = Tensor.vector(0, 2, 0, 0);
        assertValues(run1("Pad", a -> a.setString("mode", "constant"), x, pads), new int[] {3, 4},
                0, 0, 1, 1.2, 0, 0, 2.3, 3.4, 0, 0, 4.5, 5.7);
        assertValues(run1("Pad", a -> a.setString("mode", "reflect"), x, pads), new int[] {3, 4},
                1, 1.2, 1, 1.2, 2.3, 3.4, 2.3, 3.4, 4.5, 5.7, 4.5, 5.7);
        assertValues(run1("Pad", a -> a.setString("mode", "edge"), x, pads), new int[] {3, 4},
                1, 1, 1, 1.2, 2.3, 2.3, 2.3, 3.4, 4.5, 4.5, 4.5, 5.7);
        assertValues(run1("Pad", a -> a.setString("mode", "wrap"), x, Tensor.vector(0, 1, 0, 2)), new int[] {3, 5},
                1.2, 1, 1.2, 1, 1.2, 3.4, 2.3, 3.4, 2.3, 3.4, 5.7, 4.5, 5.7, 4.5, 5.7);
        assertValues(run1("Pad", a -> { }, x, Tensor.vector(-1, 1, 0, 0), Tensor.scalar(9f)), new int[] {2, 3},
                9, 2.3, 3.4, 9, 4.5, 5.7);
        // Crop then reflect: rows 1..2 kept, then one reflected row after them.
        assertValues(run1("Pad", a -> a.setString("mode", "reflect"), x, Tensor.vector(-1, 0, 1, 0)), new int[] {3, 2},
                2.3, 3.4, 4.5, 5.7, 2.3, 3.4);
        Tensor ints = Tensor.ofInts(Shape.of(1, 3), 1, 2, 3);
        assertArrayEquals(new int[] {7, 1, 2, 3, 7, 7}, run1("Pad", a -> { }, ints, Tensor.vector(1, 2),
                Tensor.ofInts(Shape.SCALAR, 7), Tensor.vector(1)).ints());
    }

    @Test
    void depthToSpaceAndBack() {
        Tensor x = iota(0, 1, 8, 2, 3);
        Tensor dcr = run1("DepthToSpace", a -> a.setInt("blocksize", 2), x);
        assertValues(dcr, new int[] {1, 2, 4, 6}, 0, 12, 1, 13, 2, 14, 24, 36, 25, 37, 26, 38, 3, 15, 4, 16, 5, 17, 27, 39, 28,
                40, 29, 41, 6, 18, 7, 19, 8, 20, 30, 42, 31, 43, 32, 44, 9, 21, 10, 22, 11, 23, 33, 45, 34, 46, 35, 47);
        Tensor crd = run1("DepthToSpace", a -> a.setInt("blocksize", 2).setString("mode", "CRD"), x);
        assertValues(crd, new int[] {1, 2, 4, 6}, 0, 6, 1, 7, 2, 8, 12, 18, 13, 19, 14, 20, 3, 9, 4, 10, 5, 11, 15, 21, 16, 22,
                17, 23, 24, 30, 25, 31, 26, 32, 36, 42, 37, 43, 38, 44, 27, 33, 28, 34, 29, 35, 39, 45, 40, 46, 41, 47);
        assertArrayEquals(x.floats(), run1("SpaceToDepth", a -> a.setInt("blocksize", 2), dcr).floats());
    }

    @Test
    void gemmAndNormalisations() {
        Tensor a = Tensor.ofFloats(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        Tensor b = Tensor.ofFloats(Shape.of(2, 3), 1, 0, 1, 0, 1, 0);
        assertValues(run1("Gemm", at -> at.setInt("transB", 1).setFloat("alpha", 2).setFloat("beta", 0.5f), a, b,
                Tensor.ofFloats(Shape.of(2, 1), 10, 20)), new int[] {2, 2}, 13, 9, 30, 20);
        Tensor x = Tensor.ofFloats(Shape.of(1, 2, 1, 3), -1, 0, 1, 2, 3, 4);
        Tensor s = Tensor.ofFloats(Shape.of(2), 1, 1.5f);
        Tensor bias = Tensor.ofFloats(Shape.of(2), 0, 1);
        double k = 1 / Math.sqrt(2 / 3.0 + 1e-5);
        assertValues(run1("InstanceNormalization", at -> { }, x, s, bias), new int[] {1, 2, 1, 3},
                -k, 0, k, 1 - 1.5 * k, 1, 1 + 1.5 * k);
        Tensor bn = run1("BatchNormalization", at -> at.setFloat("epsilon", 0), Tensor.ofFloats(Shape.of(1, 2, 1, 3),
                -1, 0, 1, 2, 3, 4), s, bias, Tensor.ofFloats(Shape.of(2), 0, 3), Tensor.ofFloats(Shape.of(2), 1, 4));
        assertValues(bn, new int[] {1, 2, 1, 3}, -1, 0, 1, 0.25, 1, 1.75);
        Tensor lrn = run1("LRN", at -> at.setInt("size", 2).setFloat("alpha", 2).setFloat("beta", 1).setFloat("bias", 1),
                Tensor.ofFloats(Shape.of(1, 3, 1), 1, 2, 3));
        // size 2 looks at channels c and c + 1: denominators 1 + (1 + 4), 1 + (4 + 9), 1 + 9.
        assertValues(lrn, new int[] {1, 3, 1}, 1 / 6.0, 2 / 14.0, 3 / 10.0);
    }
}
