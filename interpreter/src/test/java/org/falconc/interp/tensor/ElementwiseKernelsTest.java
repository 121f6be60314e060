package org.falconc.interp.tensor;

import static org.falconc.interp.tensor.KernelHarness.assertBools;
import static org.falconc.interp.tensor.KernelHarness.assertClose;
import static org.falconc.interp.tensor.KernelHarness.assertLongs;
import static org.falconc.interp.tensor.KernelHarness.assertTensor;
import static org.falconc.interp.tensor.KernelHarness.bools;
import static org.falconc.interp.tensor.KernelHarness.dims;
import static org.falconc.interp.tensor.KernelHarness.f32;
import static org.falconc.interp.tensor.KernelHarness.i64;
import static org.falconc.interp.tensor.KernelHarness.op;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.falconc.ir.IrException;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.junit.jupiter.api.Test;

/** Values of the elementwise kernels on examples from the ONNX operator docs and hand computation. */
class ElementwiseKernelsTest {
    private static final Tensor MINUS_ONE_ZERO_ONE = f32(-1, 0, 1);

    private static Tensor unary(String name, Tensor x, java.util.function.Consumer<org.falconc.ir.Attributes> attrs) {
        return op(name).in(x).attrs(attrs).run();
    }

    private static Tensor unary(String name, Tensor x) {
        return op(name).in(x).run();
    }

    @Test
    void activationsMatchTheOnnxExamples() {
        assertClose(unary("Relu", f32(-1, 0, 2.5f)), 0, 0, 2.5f);
        assertClose(unary("LeakyRelu", MINUS_ONE_ZERO_ONE, a -> a.setFloat("alpha", 0.1f)), -0.1f, 0, 1);
        assertClose(unary("LeakyRelu", f32(-100)), -1f);
        assertClose(unary("Elu", MINUS_ONE_ZERO_ONE, a -> a.setFloat("alpha", 2f)), -1.2642411f, 0, 1);
        assertClose(unary("Selu", MINUS_ONE_ZERO_ONE, a -> a.setFloat("alpha", 2f).setFloat("gamma", 3f)),
                -3.7927232f, 0, 3);
        assertClose(unary("Selu", f32(-1, 1)), -1.1113307f, 1.0507010f);
        assertClose(unary("Celu", f32(-1, 3), a -> a.setFloat("alpha", 2f)), -0.78693868f, 3);
        assertClose(unary("Sigmoid", MINUS_ONE_ZERO_ONE), 0.26894142f, 0.5f, 0.73105858f);
        assertClose(unary("Sigmoid", f32(-1000, 1000)), 0, 1);
        assertClose(unary("HardSigmoid", MINUS_ONE_ZERO_ONE, a -> a.setFloat("alpha", 0.5f).setFloat("beta", 0.6f)),
                0.1f, 0.6f, 1);
        assertClose(unary("HardSigmoid", f32(-3, 0, 3)), 0, 0.5f, 1);
        assertClose(unary("HardSwish", f32(-4, -1, 1, 4)), 0, -0.33333334f, 0.6666667f, 4);
        assertClose(unary("Tanh", MINUS_ONE_ZERO_ONE), -0.76159416f, 0, 0.76159416f);
        assertClose(unary("Softplus", MINUS_ONE_ZERO_ONE), 0.31326169f, 0.69314718f, 1.31326163f);
        assertClose(unary("Softplus", f32(100, -100)), 100, 3.7200760e-44f);
        assertClose(unary("Softsign", MINUS_ONE_ZERO_ONE), -0.5f, 0, 0.5f);
        assertClose(unary("Mish", f32(-1, 0, 1)), -0.30340147f, 0, 0.86509839f);
        assertClose(unary("ThresholdedRelu", f32(0, 1, 2, 3), a -> a.setFloat("alpha", 2f)), 0, 0, 0, 3);
    }

    @Test
    void mathFunctions() {
        assertClose(unary("Erf", f32(0, 0.5f, 1, 2, -3, 7)), 0, 0.52049988f, 0.84270079f, 0.99532227f, -0.99997791f, 1);
        assertClose(unary("Erf", f32(1e-4f)), 1.1283791e-4f);
        assertClose(unary("Gelu", f32(-1, 0, 1)), -0.15865525f, 0, 0.84134475f);
        assertClose(unary("Gelu", f32(-1, 0, 1), a -> a.setString("approximate", "tanh")), -0.15880801f, 0, 0.84119199f);
        assertClose(unary("Exp", MINUS_ONE_ZERO_ONE), 0.36787944f, 1, 2.7182817f);
        assertClose(unary("Log", f32(1, 10, 0)), 0, 2.3025851f, Float.NEGATIVE_INFINITY);
        assertClose(unary("Sqrt", f32(1, 4, 9, -1)), 1, 2, 3, Float.NaN);
        assertClose(unary("Reciprocal", f32(-4, 2)), -0.25f, 0.5f);
        assertClose(unary("Floor", f32(-1.5f, 1.2f, 2)), -2, 1, 2);
        assertClose(unary("Ceil", f32(-1.5f, 1.2f, 2)), -1, 2, 2);
        assertClose(unary("Round", f32(0.1f, 0.5f, 0.9f, 1.2f, 1.5f, 1.8f, 2.3f, 2.5f, 2.7f, -1.1f, -1.5f, -1.9f, -2.2f, -2.5f, -2.8f)),
                0, 0, 1, 1, 2, 2, 2, 2, 3, -1, -2, -2, -2, -2, -3);
        assertClose(unary("Sin", f32(0, (float) (Math.PI / 2))), 0, 1);
        assertClose(unary("Cos", f32(0, (float) Math.PI)), 1, -1);
        assertClose(unary("Neg", f32(-4, 2)), 4, -2);
        assertClose(unary("Abs", f32(-4, 2)), 4, 2);
        assertClose(unary("Sign", f32(-4, 0, 2)), -1, 0, 1);
    }

    @Test
    void integerUnaryOps() {
        assertLongs(unary("Neg", i64(-4, 2)), "i64[2]", 4, -2);
        assertLongs(unary("Abs", Tensor.ofInts(Shape.of(2), -4, 2)), "i32[2]", 4, 2);
        assertLongs(unary("Sign", i64(-9, 0, 9)), "i64[3]", -1, 0, 1);
        assertLongs(unary("Relu", i64(-9, 0, 9)), "i64[3]", 0, 0, 9);
        assertBools(unary("Not", bools(true, false)), false, true);
    }

    @Test
    void clipWithOptionalBounds() {
        Tensor x = f32(-2, 0, 2);
        assertClose(op("Clip").in(x).in(Tensor.scalar(-1f)).in(Tensor.scalar(1f)).run(), -1, 0, 1);
        assertClose(op("Clip").in(f32(-1, 0, 1)).in(Tensor.scalar(-5f)).in(Tensor.scalar(5f)).run(), -1, 0, 1);
        assertClose(op("Clip").in(f32(-6, 0, 6)).in(Tensor.scalar(-5f)).in(Tensor.scalar(5f)).run(), -5, 0, 5);
        assertClose(op("Clip").in(f32(-1, 0, 6)).in(Tensor.scalar(-5f)).in(Tensor.scalar(5f)).run(), -1, 0, 5);
        // min > max: everything becomes max
        assertClose(op("Clip").in(x).in(Tensor.scalar(2f)).in(Tensor.scalar(1f)).run(), 1, 1, 1);
        assertClose(op("Clip").in(x).absent().in(Tensor.scalar(0f)).run(), -2, 0, 0);
        assertClose(op("Clip").in(x).in(Tensor.scalar(0f)).run(), 0, 0, 2);
        assertClose(op("Clip").in(x).run(), -2, 0, 2);
        assertLongs(op("Clip").in(i64(-7, 3, 9)).in(Tensor.scalar(0L)).in(Tensor.scalar(5L)).run(), "i64[3]", 0, 3, 5);
    }

    @Test
    void preluBroadcastsTheSlope() {
        Tensor x = f32(dims(2, 3), -1, -2, 3, -4, 5, -6);
        assertTensor(op("PRelu").in(x).in(f32(0.5f, 1, 2)).run(), "f32[2,3]", -0.5f, -2, 3, -2, 5, -12);
        assertTensor(op("PRelu").in(x).in(f32(dims(2, 1), 0.1f, 0.2f)).run(), "f32[2,3]", -0.1f, -0.2f, 3, -0.8f, 5, -1.2f);
    }

    @Test
    void arithmeticOnFloats() {
        Tensor x = f32(dims(2, 3), 1, 2, 3, 4, 5, 6);
        assertTensor(op("Add").in(x).in(f32(10, 20, 30)).run(), "f32[2,3]", 11, 22, 33, 14, 25, 36);
        assertTensor(op("Sub").in(x).in(f32(dims(2, 1), 1, 2)).run(), "f32[2,3]", 0, 1, 2, 2, 3, 4);
        assertTensor(op("Mul").in(x).in(Tensor.scalar(2f)).run(), "f32[2,3]", 2, 4, 6, 8, 10, 12);
        assertTensor(op("Div").in(f32(3, 4)).in(f32(3, 2)).run(), "f32[2]", 1, 2);
        assertTensor(op("Pow").in(f32(1, 2, 3)).in(f32(4, 5, 6)).run(), "f32[3]", 1, 32, 729);
        assertTensor(op("Pow").in(f32(dims(2, 3), 1, 2, 3, 4, 5, 6)).in(f32(1, 2, 3)).run(), "f32[2,3]", 1, 4, 27, 4, 25, 216);
        assertTensor(op("Pow").in(f32(1, 2, 3)).in(Tensor.scalar(2L)).run(), "f32[3]", 1, 4, 9);
        assertTensor(op("Pow").in(f32(4)).in(f32(-0.5f)).run(), "f32[1]", 0.5f);
    }

    @Test
    void integerArithmeticTruncatesLikeC() {
        assertLongs(op("Div").in(i64(7, -7, 7, -7)).in(i64(2, 2, -2, -2)).run(), "i64[4]", 3, -3, -3, 3);
        assertLongs(op("Mul").in(i64(3, 4)).in(Tensor.scalar(5L)).run(), "i64[2]", 15, 20);
        assertLongs(op("Sub").in(Tensor.ofInts(Shape.of(2), 1, 2)).in(Tensor.ofInts(Shape.of(1), 3)).run(), "i32[2]", -2, -1);
        assertLongs(op("Add").in(Tensor.ofInts(Shape.of(1), Integer.MAX_VALUE)).in(Tensor.ofInts(Shape.of(1), 1)).run(),
                "i32[1]", Integer.MIN_VALUE);
        assertLongs(op("Pow").in(i64(2, -3)).in(i64(10, 3)).run(), "i64[2]", 1024, -27);
        IrException e = assertThrows(IrException.class, () -> op("Div").in(i64(1)).in(i64(0)).run());
        assertTrue(e.getMessage().contains("integer division by zero"), e.getMessage());
    }

    @Test
    void modFollowsTheFmodAttribute() {
        // the ONNX doc examples for mixed signs
        assertLongs(op("Mod").in(i64(-4, 7, 5, 4, -7, 8)).in(i64(2, -3, 8, -2, 3, 5)).run(), "i64[6]", 0, -2, 5, 0, 2, 3);
        assertLongs(op("Mod").in(i64(-4, 7, 5, 4, -7, 8)).in(i64(2, -3, 8, -2, 3, 5)).attrs(a -> a.setInt("fmod", 1)).run(),
                "i64[6]", 0, 1, 5, 0, -1, 3);
        assertClose(op("Mod").in(f32(-4.3f, 7.2f, 5.0f, 4.3f, -7.2f, 8.0f)).in(f32(2.1f, -3.4f, 8.0f, -2.1f, 3.4f, 5.0f))
                .attrs(a -> a.setInt("fmod", 1)).run(), -0.1f, 0.4f, 5, 0.1f, -0.4f, 3);
    }

    @Test
    void comparisonsAndLogic() {
        Tensor x = f32(1, 2, Float.NaN);
        Tensor y = f32(2, 2, Float.NaN);
        assertBools(op("Equal").in(x).in(y).run(), false, true, false);
        assertBools(op("Less").in(x).in(y).run(), true, false, false);
        assertBools(op("LessOrEqual").in(x).in(y).run(), true, true, false);
        assertBools(op("Greater").in(x).in(y).run(), false, false, false);
        assertBools(op("GreaterOrEqual").in(x).in(y).run(), false, true, false);
        assertBools(op("Less").in(i64(Long.MAX_VALUE - 1, 5)).in(i64(Long.MAX_VALUE, 5)).run(), true, false);
        assertBools(op("Equal").in(bools(true, false)).in(bools(true, true)).run(), true, false);
        Tensor p = bools(true, true, false, false);
        Tensor q = bools(true, false, true, false);
        assertBools(op("And").in(p).in(q).run(), true, false, false, false);
        assertBools(op("Or").in(p).in(q).run(), true, true, true, false);
        assertBools(op("Xor").in(p).in(q).run(), false, true, true, false);
    }

    @Test
    void variadicOpsOnTheOnnxExamples() {
        Tensor a = f32(3, 2, 1);
        Tensor b = f32(1, 4, 4);
        Tensor c = f32(2, 5, 3);
        assertClose(op("Max").in(a).in(b).in(c).run(), 3, 5, 4);
        assertClose(op("Min").in(a).in(b).in(c).run(), 1, 2, 1);
        assertClose(op("Sum").in(a).in(b).in(c).run(), 6, 11, 8);
        assertClose(op("Mean").in(a).in(b).in(c).run(), 2, 3.6666667f, 2.6666667f);
        assertClose(op("Max").in(a).run(), 3, 2, 1);
        assertTensor(op("Sum").in(a).in(f32(dims(2, 1), 10, 20)).run(), "f32[2,3]", 13, 12, 11, 23, 22, 21);
        assertClose(op("Max").in(f32(1, Float.NaN)).in(f32(Float.NaN, 1)).run(), Float.NaN, Float.NaN);
        assertLongs(op("Max").in(i64(1, 9)).in(i64(5, 2)).run(), "i64[2]", 5, 9);
    }

    @Test
    void whereSelectsWithBroadcasting() {
        Tensor cond = Tensor.ofBools(Shape.of(2, 2), true, false, true, true);
        Tensor x = f32(dims(2, 2), 1, 2, 3, 4);
        Tensor y = f32(dims(2, 2), 9, 8, 7, 6);
        assertTensor(op("Where").in(cond).in(x).in(y).run(), "f32[2,2]", 1, 8, 3, 4);
        assertTensor(op("Where").in(bools(false, true)).in(Tensor.scalar(1f)).in(f32(dims(2, 1), 5, 6)).run(),
                "f32[2,2]", 5, 1, 6, 1);
        assertArrayEquals(new long[] {0, 7}, op("Where").in(bools(false, true)).in(i64(7)).in(Tensor.scalar(0L)).run().longs());
    }
}
