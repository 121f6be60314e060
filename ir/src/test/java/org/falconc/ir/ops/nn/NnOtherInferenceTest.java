package org.falconc.ir.ops.nn;

import static org.falconc.ir.ops.nn.NnConvPoolInferenceTest.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.falconc.ir.DType;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.NotStaticException;
import org.junit.jupiter.api.Test;

class NnOtherInferenceTest {
    private static TensorType f32(int... dims) {
        return TensorType.of(DType.F32, dims);
    }

    private static NnNodes resize(TensorType x) {
        return NnNodes.op("Resize").input(x);
    }

    @Test
    void normalisations() {
        assertEquals(f32(2, 3, 4, 5), NnNodes.op("BatchNormalization").input(f32(2, 3, 4, 5))
                .input(f32(3)).input(f32(3)).input(f32(3)).input(f32(3)).infer());
        assertEquals(f32(2, 3), NnNodes.op("BatchNormalization").input(f32(2, 3))
                .input(f32(3)).input(f32(3)).input(f32(3)).input(f32(3)).infer());
        assertFails(NnNodes.op("BatchNormalization").input(f32(2, 3, 4, 5)).input(f32(3)).input(f32(3)).input(f32(3))
                .input(f32(3)).attrs(a -> a.setInt("training_mode", 1)), "training_mode=1 is not supported");
        assertFails(NnNodes.op("BatchNormalization").input(f32(2, 3, 4, 5)).input(f32(3)).input(f32(4)).input(f32(3))
                .input(f32(3)), "'B' must be f32[3]");
        assertEquals(f32(1, 2, 1, 3), NnNodes.op("InstanceNormalization").input(f32(1, 2, 1, 3)).input(f32(2)).input(f32(2)).infer());
        assertFails(NnNodes.op("InstanceNormalization").input(f32(1, 2, 3)).input(f32(3)).input(f32(2)), "'scale' must be f32[2]");
        assertEquals(f32(5, 5, 5, 5), NnNodes.op("LRN").input(f32(5, 5, 5, 5)).attrs(a -> a.setInt("size", 3)).infer());
        assertFails(NnNodes.op("LRN").input(f32(5, 5, 5, 5)), "'size' is missing");
    }

    @Test
    void gemmShapes() {
        assertEquals(f32(3, 5), NnNodes.op("Gemm").input(f32(4, 3)).input(f32(5, 4)).input(f32(1, 5))
                .attrs(a -> a.setInt("transA", 1).setInt("transB", 1)).infer());
        assertEquals(f32(2, 3), NnNodes.op("Gemm").input(f32(2, 10)).input(f32(10, 3)).infer());
        assertEquals(f32(2, 4), NnNodes.op("Gemm").input(f32(2, 3)).input(f32(3, 4)).input(f32()).infer());
        assertEquals(f32(3, 4), NnNodes.op("Gemm").input(f32(3, 6)).input(f32(6, 4)).input(f32(3, 1)).infer());
        assertFails(NnNodes.op("Gemm").input(f32(3, 6)).input(f32(5, 4)), "inner dimensions differ");
        assertFails(NnNodes.op("Gemm").input(f32(3, 6)).input(f32(6, 4)).input(f32(2, 4)), "cannot be broadcast");
        assertFails(NnNodes.op("Gemm").input(f32(3, 6)).input(f32(6, 4)).attrs(a -> a.setInt("transA", 3)), "'transA'");
    }

    @Test
    void matMulShapes() {
        assertEquals(f32(), NnNodes.op("MatMul").input(f32(3)).input(f32(3)).infer());
        assertEquals(f32(2, 1), NnNodes.op("MatMul").input(f32(4)).input(f32(2, 4, 1)).infer());
        assertEquals(f32(1, 2, 4), NnNodes.op("MatMul").input(f32(1, 2, 4, 3)).input(f32(3)).infer());
        assertEquals(f32(3, 2, 3, 2), NnNodes.op("MatMul").input(f32(3, 1, 3, 4)).input(f32(1, 2, 4, 2)).infer());
        assertEquals(f32(5, 3, 2), NnNodes.op("MatMul").input(f32(3, 4)).input(f32(5, 4, 2)).infer());
        assertFails(NnNodes.op("MatMul").input(f32(3, 4)).input(f32(3, 4)), "inner dimensions differ");
        assertFails(NnNodes.op("MatMul").input(f32(2, 3, 4)).input(f32(3, 4, 2)), "cannot be broadcast");
    }

    @Test
    void resizeShapes() {
        assertEquals(f32(1, 1, 4, 6), resize(f32(1, 1, 2, 2)).absent()
                .constant(Tensor.ofFloats(Shape.of(4), 1, 1, 2, 3)).infer());
        assertEquals(f32(1, 1, 1, 2), resize(f32(1, 1, 2, 4)).absent()
                .constant(Tensor.ofFloats(Shape.of(4), 1, 1, 0.6f, 0.6f)).infer());
        assertEquals(f32(1, 1, 4, 6), resize(f32(1, 1, 2, 2)).absent()
                .constant(Tensor.ofFloats(Shape.of(2), 3, 2)).attrs(a -> a.setInts("axes", 3, 2)).infer());
        assertEquals(f32(1, 1, 9, 10), resize(f32(1, 1, 4, 4)).absent().absent()
                .constant(Tensor.vector(1, 1, 9, 10)).infer());
        assertEquals(f32(1, 1, 7, 7), resize(f32(1, 1, 2, 2)).absent().absent().constant(Tensor.vector(7, 8))
                .attrs(a -> a.setInts("axes", 2, 3).setString("keep_aspect_ratio_policy", "not_larger")).infer());
        assertEquals(f32(1, 1, 8, 8), resize(f32(1, 1, 2, 2)).absent().absent().constant(Tensor.vector(7, 8))
                .attrs(a -> a.setInts("axes", -2, -1).setString("keep_aspect_ratio_policy", "not_smaller")).infer());
        // An empty scales placeholder next to sizes counts as absent, even when it is not a constant.
        assertEquals(f32(1, 1, 3, 3), resize(f32(1, 1, 4, 4)).absent().input(f32(0))
                .constant(Tensor.vector(1, 1, 3, 3)).infer());
    }

    @Test
    void resizeErrors() {
        assertThrows(NotStaticException.class, () -> resize(f32(1, 1, 2, 2)).absent().absent()
                .input(TensorType.of(DType.I64, 4)).infer());
        assertFails(resize(f32(1, 1, 2, 2)), "exactly one of the inputs 'scales' and 'sizes'");
        assertFails(resize(f32(1, 1, 2, 2)).absent().constant(Tensor.ofFloats(Shape.of(4), 1, 1, 2, 2))
                .constant(Tensor.vector(1, 1, 4, 4)), "exactly one");
        assertFails(resize(f32(1, 1, 2, 2)).absent().constant(Tensor.ofFloats(Shape.of(4), 1, 1, 2, 2))
                .attrs(a -> a.setString("mode", "bilinear")), "unsupported mode 'bilinear'");
        assertFails(resize(f32(1, 1, 2, 2)).absent().constant(Tensor.ofFloats(Shape.of(4), 1, 1, 2, 2))
                .attrs(a -> a.setString("coordinate_transformation_mode", "tf_half_pixel_for_nn")),
                "unsupported coordinate_transformation_mode");
        assertFails(resize(f32(1, 1, 2, 2)).absent().constant(Tensor.ofFloats(Shape.of(4), 1, 1, 2, 2))
                .attrs(a -> a.setString("nearest_mode", "round")), "unsupported nearest_mode 'round'");
        assertFails(resize(f32(1, 1, 2, 2)).absent().constant(Tensor.ofFloats(Shape.of(3), 1, 2, 2)), "one entry per resized axis");
        assertFails(resize(f32(1, 1, 2, 2)).absent().constant(Tensor.ofFloats(Shape.of(4), 1, 1, -2, 2)), "scales must be positive");
        assertFails(resize(f32(1, 1, 2, 2)).absent().constant(Tensor.ofFloats(Shape.of(4), 1, 1, 0.2f, 1)), "output size on axis 2");
        assertFails(resize(f32(1, 1, 2, 2)).absent().absent().constant(Tensor.vector(4, 4))
                .attrs(a -> a.setInts("axes", 2, 2)), "'axes'");
        assertFails(resize(f32(1, 1, 2, 2)).absent().absent().constant(Tensor.vector(1, 1, 4, 4))
                .attrs(a -> a.setString("coordinate_transformation_mode", "tf_crop_and_resize")), "needs the 'roi' input");
    }

    @Test
    void padShapes() {
        assertEquals(f32(1, 3, 7, 12), NnNodes.op("Pad").input(f32(1, 3, 4, 5))
                .constant(Tensor.vector(0, 0, 1, 3, 0, 0, 2, 4)).infer());
        assertEquals(f32(1, 3, 4, 12), NnNodes.op("Pad").input(f32(1, 3, 4, 5))
                .constant(Tensor.vector(0, 3, 0, 4)).input(f32()).constant(Tensor.vector(-3, -1)).infer());
        assertEquals(TensorType.of(DType.I32, 1, 3, 2, 4), NnNodes.op("Pad").input(TensorType.of(DType.I32, 1, 3, 4, 5))
                .constant(Tensor.vector(0, 0, -1, 0, 0, 0, -1, -1)).attrs(a -> a.setString("mode", "reflect")).infer());
        assertThrows(NotStaticException.class, () -> NnNodes.op("Pad").input(f32(1, 3))
                .input(TensorType.of(DType.I64, 4)).infer());
        assertFails(NnNodes.op("Pad").input(f32(1, 3)).constant(Tensor.vector(0, 1, 0, 1))
                .attrs(a -> a.setString("mode", "symmetric")), "unsupported mode 'symmetric'");
        assertFails(NnNodes.op("Pad").input(f32(1, 3)).constant(Tensor.vector(0, 1)), "4 elements");
        assertFails(NnNodes.op("Pad").input(f32(1, 3)).constant(Tensor.vector(0, -2, 0, -2)), "invalid for axis 1");
        assertFails(NnNodes.op("Pad").input(f32(1, 3)).constant(Tensor.vector(0, 1, 0, 1)).input(TensorType.of(DType.I64)),
                "'constant_value' must be a single f32");
        assertFails(NnNodes.op("Pad").input(f32(1, 3)).constant(Tensor.vector(0, 1, 0, 1)).absent()
                .constant(Tensor.vector(1, 1)), "repeated");
    }

    @Test
    void depthSpace() {
        assertEquals(f32(1, 2, 4, 6), NnNodes.op("DepthToSpace").input(f32(1, 8, 2, 3)).attrs(a -> a.setInt("blocksize", 2)).infer());
        assertEquals(f32(1, 8, 2, 3), NnNodes.op("SpaceToDepth").input(f32(1, 2, 4, 6)).attrs(a -> a.setInt("blocksize", 2)).infer());
        assertFails(NnNodes.op("DepthToSpace").input(f32(1, 6, 2, 3)).attrs(a -> a.setInt("blocksize", 2)), "not divisible");
        assertFails(NnNodes.op("DepthToSpace").input(f32(1, 8, 2, 3))
                .attrs(a -> a.setInt("blocksize", 2).setString("mode", "RDC")), "unsupported mode 'RDC'");
        assertFails(NnNodes.op("SpaceToDepth").input(f32(1, 2, 5, 6)).attrs(a -> a.setInt("blocksize", 2)), "divisible by blocksize");
    }
}
