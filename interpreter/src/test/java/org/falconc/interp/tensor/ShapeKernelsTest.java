package org.falconc.interp.tensor;

import static org.falconc.interp.tensor.KernelHarness.assertBools;
import static org.falconc.interp.tensor.KernelHarness.assertLongs;
import static org.falconc.interp.tensor.KernelHarness.assertTensor;
import static org.falconc.interp.tensor.KernelHarness.dims;
import static org.falconc.interp.tensor.KernelHarness.f32;
import static org.falconc.interp.tensor.KernelHarness.i64;
import static org.falconc.interp.tensor.KernelHarness.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.falconc.ir.IrException;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.junit.jupiter.api.Test;

class ShapeKernelsTest {
    private static final Random RND = new Random(3);

    /** 0, 1, 2, ... as f32 in the given shape, so every element names its position. */
    private static Tensor iota(int... d) {
        Shape s = Shape.of(d);
        float[] v = new float[s.numElements()];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return Tensor.ofFloats(s, v);
    }

    @Test
    void reshapeFamilyKeepsTheElementOrder() {
        Tensor x = iota(2, 3, 4);
        Tensor y = op("Reshape").in(x).in(i64(0, -1, 2)).run();
        assertEquals("f32[2,6,2]", y.type().toString());
        assertTrue(y.contentEquals(x.reshape(Shape.of(2, 6, 2))));
        assertEquals("f32[6,4]", op("Flatten").in(x).attrs(a -> a.setInt("axis", 2)).run().type().toString());
        assertEquals("f32[2,1,3,4]", op("Unsqueeze").in(x).in(i64(1)).run().type().toString());
        assertEquals("f32[3]", op("Squeeze").in(iota(1, 3, 1)).run().type().toString());
        assertTrue(op("Identity").in(x).run().contentEquals(x));
        assertTrue(op("Reshape").in(x).in(i64(24)).run() != x, "results are copies");
    }

    @Test
    void transposeMatchesNaiveIndexing() {
        Tensor x = iota(2, 3, 4);
        Tensor y = op("Transpose").in(x).attrs(a -> a.setInts("perm", 1, 2, 0)).run();
        assertEquals("f32[3,4,2]", y.type().toString());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    assertEquals(x.floats()[(i * 3 + j) * 4 + k], y.floats()[(j * 4 + k) * 2 + i]);
                }
            }
        }
        assertTensor(op("Transpose").in(iota(2, 3)).run(), "f32[3,2]", 0, 3, 1, 4, 2, 5);
    }

    @Test
    void sliceExamplesFromTheOnnxDocs() {
        Tensor x = f32(dims(2, 4), 1, 2, 3, 4, 5, 6, 7, 8);
        assertTensor(op("Slice").in(x).in(i64(1, 0)).in(i64(2, 3)).in(i64(0, 1)).in(i64(1, 2)).run(), "f32[1,2]", 5, 7);
        assertTensor(op("Slice").in(x).in(i64(0, 1)).in(i64(-1, 1000)).run(), "f32[1,3]", 2, 3, 4);
        // negative steps walk backwards; INT64_MIN end means "through index 0"
        assertTensor(op("Slice").in(f32(1, 2, 3, 4)).in(i64(-1)).in(i64(Long.MIN_VALUE)).absent().in(i64(-1)).run(),
                "f32[4]", 4, 3, 2, 1);
        assertTensor(op("Slice").in(f32(1, 2, 3, 4, 5)).in(i64(10)).in(i64(0)).absent().in(i64(-2)).run(),
                "f32[2]", 5, 3);
        assertTensor(op("Slice").in(f32(1, 2, 3)).in(i64(5)).in(i64(10)).run(), "f32[0]");
    }

    /**
     * The indices one axis keeps, enumerated step by step after the clamping the ONNX spec text
     * prescribes. This differs from Python slicing in one corner: a negative-step start below the
     * axis clamps to 0 (so a[-8:-7:-2] of a 6-element axis keeps element 0; Python keeps nothing),
     * as onnxruntime and ONNX shape inference do.
     */
    private static int[] specRange(int dim, long start, long end, long step) {
        long s = start < 0 ? start + dim : start;
        long e = end < 0 ? end + dim : end;
        s = step > 0 ? Math.max(0, Math.min(dim, s)) : Math.max(0, Math.min(dim - 1, s));
        e = step > 0 ? Math.max(0, Math.min(dim, e)) : Math.max(-1, Math.min(dim - 1, e));
        java.util.List<Integer> idx = new java.util.ArrayList<>();
        for (long i = s; step > 0 ? i < e : i > e; i += step) {
            idx.add((int) i);
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void sliceMatchesTheSpecOnRandomArguments() {
        Tensor x = iota(5, 6);
        for (int trial = 0; trial < 300; trial++) {
            long s0 = RND.nextInt(16) - 8;
            long e0 = RND.nextInt(16) - 8;
            long st0 = (RND.nextInt(3) + 1) * (RND.nextBoolean() ? 1 : -1);
            long s1 = RND.nextInt(16) - 8;
            long e1 = RND.nextInt(16) - 8;
            long st1 = (RND.nextInt(3) + 1) * (RND.nextBoolean() ? 1 : -1);
            Tensor y = op("Slice").in(x).in(i64(s1, s0)).in(i64(e1, e0)).in(i64(-1, 0)).in(i64(st1, st0)).run();
            int[] rows = specRange(5, s0, e0, st0);
            int[] cols = specRange(6, s1, e1, st1);
            String what = "[" + s0 + ":" + e0 + ":" + st0 + ", " + s1 + ":" + e1 + ":" + st1 + "]";
            assertEquals(Shape.of(rows.length, cols.length), y.shape(), what);
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < cols.length; c++) {
                    assertEquals(rows[r] * 6 + cols[c], y.floats()[r * cols.length + c], what);
                }
            }
        }
    }

    @Test
    void sliceAndSplitPiecesConcatenateBackToTheInput() {
        Tensor x = KernelHarness.random(RND, Shape.of(3, 7, 2));
        // Slice at an arbitrary cut, then Concat the two halves
        Tensor left = op("Slice").in(x).in(i64(0)).in(i64(3)).in(i64(1)).run();
        Tensor right = op("Slice").in(x).in(i64(3)).in(i64(Long.MAX_VALUE)).in(i64(1)).run();
        assertTrue(op("Concat").in(left).in(right).attrs(a -> a.setInt("axis", 1)).run().contentEquals(x));
        // Split (explicit sizes and uneven num_outputs), then Concat
        List<Tensor> parts = op("Split").in(x).in(i64(1, 4, 2)).attrs(a -> a.setInt("axis", 1)).outputs(3).runAll();
        assertEquals("f32[3,4,2]", parts.get(1).type().toString());
        KernelHarness concat = op("Concat").attrs(a -> a.setInt("axis", -2));
        parts.forEach(concat::in);
        assertTrue(concat.run().contentEquals(x));
        List<Tensor> uneven = op("Split").in(x).attrs(a -> a.setInt("axis", 1).setInt("num_outputs", 3)).outputs(3).runAll();
        assertEquals(List.of("f32[3,3,2]", "f32[3,3,2]", "f32[3,1,2]"), uneven.stream().map(t -> t.type().toString()).toList());
        KernelHarness concat2 = op("Concat").attrs(a -> a.setInt("axis", 1));
        uneven.forEach(concat2::in);
        assertTrue(concat2.run().contentEquals(x));
    }

    @Test
    void concatAndSplitExamples() {
        assertTensor(op("Concat").in(f32(dims(2, 2), 1, 2, 3, 4)).in(f32(dims(2, 2), 5, 6, 7, 8))
                .attrs(a -> a.setInt("axis", 1)).run(), "f32[2,4]", 1, 2, 5, 6, 3, 4, 7, 8);
        List<Tensor> parts = op("Split").in(f32(1, 2, 3, 4, 5, 6, 7)).attrs(a -> a.setInt("num_outputs", 4)).outputs(4).runAll();
        assertTensor(parts.get(0), "f32[2]", 1, 2);
        assertTensor(parts.get(3), "f32[1]", 7);
        List<Tensor> empty = op("Split").in(Tensor.ofFloats(Shape.of(0))).in(i64(0, 0, 0)).outputs(3).runAll();
        assertEquals("f32[0]", empty.get(2).type().toString());
    }

    @Test
    void gatherAndGatherElements() {
        Tensor data = f32(dims(3, 2), 1, 1.2f, 2.3f, 3.4f, 4.5f, 5.7f);
        assertTensor(op("Gather").in(data).in(Tensor.ofLongs(Shape.of(2, 2), 0, 1, 1, 2)).run(),
                "f32[2,2,2]", 1, 1.2f, 2.3f, 3.4f, 2.3f, 3.4f, 4.5f, 5.7f);
        Tensor data2 = f32(dims(3, 3), 1, 1.2f, 1.9f, 2.3f, 3.4f, 3.9f, 4.5f, 5.7f, 5.9f);
        assertTensor(op("Gather").in(data2).in(Tensor.ofLongs(Shape.of(1, 2), 0, 2)).attrs(a -> a.setInt("axis", 1)).run(),
                "f32[3,1,2]", 1, 1.9f, 2.3f, 3.9f, 4.5f, 5.9f);
        assertTensor(op("Gather").in(iota(10)).in(i64(0, -9, -10)).run(), "f32[3]", 0, 1, 0);
        assertTensor(op("Gather").in(iota(4)).in(Tensor.scalar(-1L)).run(), "f32[]", 3);
        assertLongs(op("Gather").in(i64(7, 8, 9)).in(Tensor.ofInts(Shape.of(1), 2)).run(), "i64[1]", 9);
        assertTensor(op("GatherElements").in(f32(dims(2, 2), 1, 2, 3, 4)).in(Tensor.ofLongs(Shape.of(2, 2), 0, 0, 1, 0))
                .attrs(a -> a.setInt("axis", 1)).run(), "f32[2,2]", 1, 1, 4, 3);
        assertTensor(op("GatherElements").in(iota(3, 3)).in(Tensor.ofLongs(Shape.of(2, 3), 1, 2, 0, 2, 0, -3)).run(),
                "f32[2,3]", 3, 7, 2, 6, 1, 2);
    }

    @Test
    void expandTileShapeSizeConstantOfShapeRange() {
        assertTensor(op("Expand").in(f32(dims(3, 1), 1, 2, 3)).in(i64(2, 1, 2)).run(), "f32[2,3,2]",
                1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3);
        assertTensor(op("Tile").in(iota(2, 2)).in(i64(2, 2)).run(), "f32[4,4]",
                0, 1, 0, 1, 2, 3, 2, 3, 0, 1, 0, 1, 2, 3, 2, 3);
        assertLongs(op("Shape").in(iota(3, 4, 5)).run(), "i64[3]", 3, 4, 5);
        assertLongs(op("Shape").in(iota(3, 4, 5)).attrs(a -> a.setInt("start", -2)).run(), "i64[2]", 4, 5);
        assertLongs(op("Shape").in(iota(3, 4, 5)).attrs(a -> a.setInt("start", 1).setInt("end", -1)).run(), "i64[1]", 4);
        assertLongs(op("Size").in(iota(3, 4, 5)).run(), "i64[]", 60);
        assertTensor(op("ConstantOfShape").in(i64(2, 2)).run(), "f32[2,2]", 0, 0, 0, 0);
        assertLongs(op("ConstantOfShape").in(i64(3)).attrs(a -> a.setTensor("value", Tensor.ofLongs(Shape.of(1), 7))).run(),
                "i64[3]", 7, 7, 7);
        assertLongs(op("Range").in(Tensor.scalar(3L)).in(Tensor.scalar(9L)).in(Tensor.scalar(3L)).run(), "i64[2]", 3, 6);
        assertLongs(op("Range").in(Tensor.scalar(10L)).in(Tensor.scalar(4L)).in(Tensor.scalar(-3L)).run(), "i64[2]", 10, 7);
        assertTensor(op("Range").in(Tensor.scalar(1f)).in(Tensor.scalar(2f)).in(Tensor.scalar(0.3f)).run(),
                "f32[4]", 1, 1.3f, 1.6f, 1.9f);
    }

    @Test
    void shapeSubgraphArithmeticOnIntegers() {
        // Shape -> Gather -> Mul -> Concat -> Reshape, as exported models compute a flatten
        Tensor x = iota(2, 3, 4);
        Tensor shape = op("Shape").in(x).run();
        Tensor batch = op("Gather").in(shape).in(i64(0)).run();
        Tensor rest = op("Mul").in(op("Gather").in(shape).in(i64(1)).run()).in(op("Gather").in(shape).in(i64(2)).run()).run();
        Tensor target = op("Concat").in(batch).in(rest).attrs(a -> a.setInt("axis", 0)).run();
        assertLongs(target, "i64[2]", 2, 12);
        assertEquals("f32[2,12]", op("Reshape").in(x).in(target).run().type().toString());
    }

    @Test
    void castConvertsLikeC() {
        Tensor x = f32(-1.7f, 0, 2.9f, Float.NaN);
        assertLongs(op("Cast").in(x).attrs(a -> a.setInt("to", 7)).run(), "i64[4]", -1, 0, 2, 0);
        assertBools(op("Cast").in(x).attrs(a -> a.setInt("to", 9)).run(), true, false, true, true);
        assertTensor(op("Cast").in(i64(3, -4)).attrs(a -> a.setInt("to", 1)).run(), "f32[2]", 3, -4);
        assertLongs(op("Cast").in(i64(1L << 32 | 5)).attrs(a -> a.setInt("to", 6)).run(), "i32[1]", 5);
        assertTensor(op("Cast").in(Tensor.ofBools(Shape.of(2), true, false)).attrs(a -> a.setInt("to", 11)).run(), "f32[2]", 1, 0);
        assertTensor(op("CastLike").in(i64(2)).in(Tensor.scalar(0f)).run(), "f32[1]", 2);
    }

    @Test
    void dropoutPassesThroughInInferenceMode() {
        Tensor x = iota(2, 3);
        List<Tensor> out = op("Dropout").in(x).in(Tensor.scalar(0.3f)).outputs(2).runAll();
        assertTrue(out.get(0).contentEquals(x));
        assertBools(out.get(1), true, true, true, true, true, true);
        IrException e = assertThrows(IrException.class, () -> op("Dropout").in(x).in(Tensor.scalar(0.3f))
                .in(Tensor.ofBools(Shape.SCALAR, true)).run());
        assertTrue(e.getMessage().contains("training_mode is true"), e.getMessage());
    }

    @Test
    void eyeLikeAndTrilu() {
        assertTensor(op("EyeLike").in(iota(3, 4)).attrs(a -> a.setInt("k", 1)).run(), "f32[3,4]",
                0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
        assertLongs(op("EyeLike").in(iota(2, 2)).attrs(a -> a.setInt("dtype", 7)).run(), "i64[2,2]", 1, 0, 0, 1);
        Tensor m = f32(dims(3, 3), 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertTensor(op("Trilu").in(m).run(), "f32[3,3]", 1, 2, 3, 0, 5, 6, 0, 0, 9);
        assertTensor(op("Trilu").in(m).in(Tensor.scalar(-1L)).attrs(a -> a.setInt("upper", 0)).run(), "f32[3,3]",
                0, 0, 0, 4, 0, 0, 7, 8, 0);
    }

    @Test
    void outOfRangeRuntimeIndicesNameTheNode() {
        // non-constant indices are only checked when the kernel runs
        IrException e = assertThrows(IrException.class, () -> op("Gather").in(iota(3)).in(i64(3)).run());
        assertTrue(e.getMessage().startsWith("Gather 'n': index 3 is out of range"), e.getMessage());
    }
}
