package org.falconc.ir.ops.tensor;

import static org.falconc.ir.ops.tensor.InferenceHarness.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.NotStaticException;
import org.junit.jupiter.api.Test;

class ShapeOpsInferenceTest {
    @Test
    void reshapeCopiesZerosAndInfersMinusOne() {
        assertEquals("f32[2,3,1,4]", op("Reshape").in("f32[2,3,4]").constant(Tensor.vector(2, 0, 1, -1)).type());
        assertEquals("f32[2,6,2]", op("Reshape").in("f32[2,3,4]").constant(Tensor.vector(2, -1, 2)).type());
        assertEquals("f32[24]", op("Reshape").in("f32[2,3,4]").constant(Tensor.vector(-1)).type());
        assertEquals("f32[3,4,0]", op("Reshape").in("f32[0,3,4]").constant(Tensor.vector(3, 4, 0))
                .attrs(a -> a.setInt("allowzero", 1)).type());
        assertEquals("i64[1,2]", op("Reshape").in("i64[2]").constant(Tensor.ofInts(Shape.of(2), 1, 2)).type());
    }

    @Test
    void reshapeReportsImpossibleShapes() {
        op("Reshape").in("f32[2,3,4]").constant(Tensor.vector(5, -1)).fails("the -1 dimension cannot be inferred");
        op("Reshape").in("f32[2,3,4]").constant(Tensor.vector(5, 5))
                .fails("cannot reshape [2,3,4] (24 elements) to [5, 5] (25 elements)");
        op("Reshape").in("f32[2,3,4]").constant(Tensor.vector(-1, -1, 24)).fails("more than one -1");
        op("Reshape").in("f32[2,3,4]").constant(Tensor.vector(-2, 12)).fails("invalid dimension -2");
        op("Reshape").in("f32[0,3]").constant(Tensor.vector(0, -1)).attrs(a -> a.setInt("allowzero", 1))
                .fails("both 0 and -1");
        op("Reshape").in("f32[4]").constant(Tensor.vector(2, 2, 0)).fails("copies dimension 2");
        assertThrows(NotStaticException.class, () -> op("Reshape").in("f32[4]").in("i64[2]").infer());
    }

    @Test
    void flattenSplitsAtTheAxis() {
        assertEquals("f32[1,120]", op("Flatten").in("f32[2,3,4,5]").attrs(a -> a.setInt("axis", 0)).type());
        assertEquals("f32[2,60]", op("Flatten").in("f32[2,3,4,5]").type());
        assertEquals("f32[24,5]", op("Flatten").in("f32[2,3,4,5]").attrs(a -> a.setInt("axis", -1)).type());
        assertEquals("f32[120,1]", op("Flatten").in("f32[2,3,4,5]").attrs(a -> a.setInt("axis", 4)).type());
        op("Flatten").in("f32[2,3]").attrs(a -> a.setInt("axis", 3)).fails("axis 3 is out of range for rank 2 (expected -2..2)");
    }

    @Test
    void transposePermutesDimensions() {
        assertEquals("f32[4,3,2]", op("Transpose").in("f32[2,3,4]").type());
        assertEquals("f32[3,4,2]", op("Transpose").in("f32[2,3,4]").attrs(a -> a.setInts("perm", 1, 2, 0)).type());
        op("Transpose").in("f32[2,3,4]").attrs(a -> a.setInts("perm", 0, 0, 1)).fails("not a permutation of 0..2");
        op("Transpose").in("f32[2,3,4]").attrs(a -> a.setInts("perm", 0, 1)).fails("has 2 entries but the input has rank 3");
    }

    @Test
    void squeezeAndUnsqueeze() {
        assertEquals("f32[3,4,5]", op("Squeeze").in("f32[1,3,4,5]").constant(Tensor.vector(0)).type());
        assertEquals("f32[1,3,5]", op("Squeeze").in("f32[1,3,1,5]").constant(Tensor.vector(-2)).type());
        assertEquals("f32[3,5]", op("Squeeze").in("f32[1,3,1,5]").type());
        op("Squeeze").in("f32[1,3]").constant(Tensor.vector(1)).fails("cannot squeeze axis 1 of [1,3]: its size is not 1");
        assertEquals("f32[3,4,1,5,1,1]", op("Unsqueeze").in("f32[3,4,5]").constant(Tensor.vector(5, 4, 2)).type());
        assertEquals("f32[1,3,1,1,5]", op("Unsqueeze").in("f32[1,3,1,5]").constant(Tensor.vector(-2)).type());
        assertEquals("f32[1]", op("Unsqueeze").in("f32[]").constant(Tensor.vector(0)).type());
        op("Unsqueeze").in("f32[3]").constant(Tensor.vector(0, 0)).fails("name axis 0 twice");
        op("Unsqueeze").in("f32[3]").constant(Tensor.vector(3)).fails("axis 3 is out of range for rank 2");
    }

    @Test
    void concatAddsUpTheAxis() {
        assertEquals("f32[2,7,4]", op("Concat").in("f32[2,3,4]").in("f32[2,4,4]").attrs(a -> a.setInt("axis", 1)).type());
        assertEquals("f32[2,0]", op("Concat").in("f32[2,0]").in("f32[2,0]").attrs(a -> a.setInt("axis", -1)).type());
        op("Concat").in("f32[2,3]").in("f32[3,3]").attrs(a -> a.setInt("axis", 1)).fails("differs from input 0 f32[2,3] in dimension 0");
        op("Concat").in("f32[2,3]").in("f32[2]").attrs(a -> a.setInt("axis", 0)).fails("has rank 1");
        op("Concat").in("f32[2,3]").in("f32[2,3]").fails("required attribute 'axis' is missing");
    }

    @Test
    void splitSizesFromInputAttributeOrOutputCount() {
        assertEquals("[f32[2], f32[4]]", op("Split").in("f32[6]").constant(Tensor.vector(2, 4)).outputs(2).type());
        assertEquals("[f32[2,3], f32[2,3], f32[2,2]]", op("Split").in("f32[2,8]").outputs(3)
                .attrs(a -> a.setInt("axis", 1).setInt("num_outputs", 3)).type());
        assertEquals("[f32[2], f32[2], f32[2], f32[1]]", op("Split").in("f32[7]").outputs(4)
                .attrs(a -> a.setInt("num_outputs", 4)).type());
        assertEquals("[f32[2], f32[2], f32[2]]", op("Split").in("f32[6]").outputs(3).type());
        assertEquals("[f32[0], f32[0], f32[0]]", op("Split").in("f32[0]").constant(Tensor.vector(0, 0, 0)).outputs(3).type());
        op("Split").in("f32[6]").constant(Tensor.vector(2, 3)).outputs(2).fails("sums to 5 but the split axis of [6] has size 6");
        op("Split").in("f32[6]").constant(Tensor.vector(6)).outputs(2).fails("has 1 entries but the node has 2 outputs");
        op("Split").in("f32[6]").outputs(2).attrs(a -> a.setInt("num_outputs", 3)).fails("num_outputs=3 but the node has 2 outputs");
        op("Split").in("f32[5]").outputs(4).fails("cannot split size 5 into 4 chunks");
    }

    @Test
    void sliceClampsAndHandlesNegativeSteps() {
        assertEquals("f32[3,10,5]", slice("f32[20,10,5]", new long[] {0, 0}, new long[] {3, 10}, new long[] {0, 1}, new long[] {1, 1}));
        assertEquals("f32[20,9,5]", slice("f32[20,10,5]", new long[] {1}, new long[] {1000}, new long[] {1}, new long[] {1}));
        assertEquals("f32[20,9,5]", slice("f32[20,10,5]", new long[] {0}, new long[] {-1}, new long[] {1}, new long[] {1}));
        assertEquals("f32[20,0,5]", slice("f32[20,10,5]", new long[] {1000}, new long[] {1000}, new long[] {1}, new long[] {1}));
        assertEquals("f32[19,3,2]", slice("f32[20,10,5]", new long[] {20, 10, 4}, new long[] {0, 0, 1},
                new long[] {0, 1, 2}, new long[] {-1, -3, -2}));
        assertEquals("f32[10]", slice("f32[10]", new long[] {-1}, new long[] {Long.MIN_VALUE}, null, new long[] {-1}));
        assertEquals("f32[5]", slice("f32[10]", new long[] {0}, new long[] {Long.MAX_VALUE}, null, new long[] {2}));
        assertEquals("f32[0]", slice("f32[0]", new long[] {0}, new long[] {-1}, null, new long[] {-1}));
        assertEquals("f32[20,10,1]", op("Slice").in("f32[20,10,5]").constant(Tensor.vector(0, 0, 3))
                .constant(Tensor.vector(20, 10, 4)).type());
    }

    @Test
    void sliceReportsBadArguments() {
        op("Slice").in("f32[4]").constant(Tensor.vector(0)).constant(Tensor.vector(2)).absent()
                .constant(Tensor.vector(0)).fails("steps must not be 0");
        op("Slice").in("f32[4]").constant(Tensor.vector(0, 1)).constant(Tensor.vector(2)).fails("must have the same length");
        op("Slice").in("f32[4,4]").constant(Tensor.vector(0, 0)).constant(Tensor.vector(2, 2))
                .constant(Tensor.vector(1, -1)).fails("name axis 1 twice");
        assertThrows(NotStaticException.class, () -> op("Slice").in("f32[4]").in("i64[1]").constant(Tensor.vector(2)).infer());
    }

    private static String slice(String type, long[] starts, long[] ends, long[] axes, long[] steps) {
        InferenceHarness h = op("Slice").in(type).constant(Tensor.vector(starts)).constant(Tensor.vector(ends));
        h = axes == null ? h.absent() : h.constant(Tensor.vector(axes));
        return h.constant(Tensor.vector(steps)).type();
    }

    @Test
    void gatherShapes() {
        assertEquals("f32[3,4,3,2]", op("Gather").in("f32[5,4,3,2]").in("i64[3]").type());
        assertEquals("f32[5,3,3,2]", op("Gather").in("f32[5,4,3,2]").in("i64[3]").attrs(a -> a.setInt("axis", 1)).type());
        assertEquals("f32[3,1,2]", op("Gather").in("f32[3,3]").in("i32[1,2]").attrs(a -> a.setInt("axis", 1)).type());
        assertEquals("i64[]", op("Gather").in("i64[4]").constant(Tensor.scalar(-1L)).type());
        op("Gather").in("f32[10]").constant(Tensor.vector(0, 10)).fails("index 10 is out of range for an axis of size 10");
        op("Gather").in("f32[10]").in("f32[2]").fails("must be one of i64, i32");
        assertEquals("f32[2,2]", op("GatherElements").in("f32[2,2]").in("i64[2,2]").attrs(a -> a.setInt("axis", 1)).type());
        op("GatherElements").in("f32[2,2]").in("i64[2]").fails("must have the rank of data");
    }

    @Test
    void expandTileShapeSize() {
        assertEquals("f32[2,3,6]", op("Expand").in("f32[3,1]").constant(Tensor.vector(2, 1, 6)).type());
        assertEquals("f32[3,4]", op("Expand").in("f32[3,4]").constant(Tensor.vector(1, 1)).type());
        op("Expand").in("f32[3,4]").constant(Tensor.vector(2, 4)).fails("cannot be broadcast together");
        assertEquals("f32[4,6]", op("Tile").in("f32[2,3]").constant(Tensor.vector(2, 2)).type());
        op("Tile").in("f32[2,3]").constant(Tensor.vector(2)).fails("must have one entry per axis");
        assertEquals("i64[3]", op("Shape").in("f32[3,4,5]").type());
        assertEquals("i64[1]", op("Shape").in("f32[3,4,5]").attrs(a -> a.setInt("start", 1).setInt("end", -1)).type());
        assertEquals("i64[0]", op("Shape").in("f32[3,4,5]").attrs(a -> a.setInt("start", 2).setInt("end", 1)).type());
        assertEquals("i64[3]", op("Shape").in("f32[3,4,5]").attrs(a -> a.setInt("start", -10).setInt("end", 10)).type());
        assertEquals("i64[]", op("Size").in("f32[3,4,5]").type());
    }

    @Test
    void constantOfShapeRangeCastAndFriends() {
        assertEquals("f32[2,3]", op("ConstantOfShape").constant(Tensor.vector(2, 3)).type());
        assertEquals("i64[4]", op("ConstantOfShape").constant(Tensor.vector(4))
                .attrs(a -> a.setTensor("value", Tensor.ofLongs(Shape.of(1), 7))).type());
        assertEquals("f32[]", op("ConstantOfShape").constant(Tensor.vector()).type());
        op("ConstantOfShape").constant(Tensor.vector(-1)).fails("invalid dimension -1");
        assertEquals("i64[2]", op("Range").constant(Tensor.scalar(3L)).constant(Tensor.scalar(9L)).constant(Tensor.scalar(3L)).type());
        assertEquals("i64[2]", op("Range").constant(Tensor.scalar(10L)).constant(Tensor.scalar(4L)).constant(Tensor.scalar(-3L)).type());
        assertEquals("f32[4]", op("Range").constant(Tensor.scalar(1f)).constant(Tensor.scalar(2f)).constant(Tensor.scalar(0.3f)).type());
        assertEquals("i64[0]", op("Range").constant(Tensor.scalar(5L)).constant(Tensor.scalar(1L)).constant(Tensor.scalar(1L)).type());
        op("Range").constant(Tensor.scalar(0L)).constant(Tensor.scalar(1L)).constant(Tensor.scalar(0L)).fails("delta must be non-zero");
        assertEquals("i64[2,3]", op("Cast").in("f32[2,3]").attrs(a -> a.setInt("to", 7)).type());
        assertEquals("f32[2]", op("Cast").in("i32[2]").attrs(a -> a.setInt("to", 11)).type());
        assertEquals("bool[2]", op("Cast").in("i32[2]").attrs(a -> a.setInt("to", 9)).type());
        op("Cast").in("f32[2]").attrs(a -> a.setInt("to", 2)).fails("'to' = 2 (UINT8) is not supported");
        assertEquals("i32[2,3]", op("CastLike").in("f32[2,3]").in("i32[]").type());
        assertEquals("f32[1,1,2,2]", op("Identity").in("f32[1,1,2,2]").type());
        assertEquals("i64[3,4]", op("EyeLike").in("f32[3,4]").attrs(a -> a.setInt("dtype", 7)).type());
        op("EyeLike").in("f32[3]").fails("input must be 2-D");
        assertEquals("f32[2,3,4]", op("Trilu").in("f32[2,3,4]").constant(Tensor.scalar(1L)).type());
    }

    @Test
    void dropoutIsInferenceOnly() {
        assertEquals("[f32[3,4], bool[3,4]]", op("Dropout").in("f32[3,4]").outputs(2).type());
        assertEquals("f32[3]", op("Dropout").in("f32[3]").constant(Tensor.scalar(0.2f)).type());
        assertEquals("f32[3]", op("Dropout").in("f32[3]").constant(Tensor.scalar(0.2f))
                .constant(Tensor.ofBools(Shape.SCALAR, false)).type());
        assertEquals("f32[3]", op("Dropout").in("f32[3]").constant(Tensor.scalar(0f))
                .constant(Tensor.ofBools(Shape.SCALAR, true)).type());
        op("Dropout").in("f32[3]").constant(Tensor.scalar(0.2f)).constant(Tensor.ofBools(Shape.SCALAR, true))
                .fails("training_mode is true with ratio 0.2");
        op("Dropout").in("f32[3]").absent().constant(Tensor.ofBools(Shape.SCALAR, true))
                .fails("training_mode is true with ratio 0.5");
        assertThrows(NotStaticException.class, () -> op("Dropout").in("f32[3]").absent().in("bool[]").infer());
    }
}
