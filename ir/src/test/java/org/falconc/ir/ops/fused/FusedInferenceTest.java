package org.falconc.ir.ops.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.falconc.ir.Attributes;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;
import org.falconc.ir.ops.OpRegistry;
import org.junit.jupiter.api.Test;

class FusedInferenceTest {
    private static TensorType f32(int... dims) {
        return TensorType.of(DType.F32, dims);
    }

    /** A node named 'n' of {@code op} over typed graph inputs (null = absent). */
    private static Node node(String op, Consumer<Attributes> attrs, TensorType... inputs) {
        Graph g = new Graph("t");
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            values.add(inputs[i] == null ? null : g.addInput("in" + i, inputs[i]));
        }
        Attributes a = new Attributes();
        attrs.accept(a);
        return g.addNode(op, "n", values, List.of("y"), a);
    }

    private static TensorType infer(Node n) {
        return OpRegistry.of(n).inference().infer(n).get(0);
    }

    private static void assertFails(Node n, String fragment) {
        IrException e = assertThrows(IrException.class, () -> infer(n));
        assertTrue(e.getMessage().startsWith(n.op() + " 'n': "), "message names the node: " + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void fusedConvHasConvsOutputType() {
        assertEquals(f32(1, 8, 4, 4), infer(node("FusedConv", a -> a.setInts("pads", 1, 1, 1, 1).setInts("strides", 2, 2)
                .setString("activation", "Relu"), f32(1, 3, 8, 8), f32(8, 3, 3, 3), f32(8))));
        assertEquals(f32(1, 8, 6, 6), infer(node("FusedConv", a -> a.setString("activation", "Clip")
                .setFloats("activation_params", 0, 6), f32(1, 3, 8, 8), f32(8, 3, 3, 3), null, f32(1, 8, 6, 6))));
        assertEquals(f32(1, 8, 6, 6), infer(node("FusedConv", a -> { }, f32(1, 3, 8, 8), f32(8, 3, 3, 3))));
    }

    @Test
    void fusedConvChecksWhatConvChecks() {
        assertFails(node("FusedConv", a -> { }, f32(1, 4, 8, 8), f32(8, 3, 3, 3)), "channels");
        assertFails(node("FusedConv", a -> { }, f32(1, 3, 8, 8), f32(8, 3, 3, 3), f32(4)), "'B' must be f32[8]");
    }

    @Test
    void fusedConvChecksTheResidual() {
        assertFails(node("FusedConv", a -> { }, f32(1, 3, 8, 8), f32(8, 3, 3, 3), null, f32(1, 8, 1, 1)),
                "residual Z must have the output's type f32[1,8,6,6], got f32[1,8,1,1]");
    }

    @Test
    void activationNamesAndParamsAreValidated() {
        assertFails(node("FusedConv", a -> a.setString("activation", "Tanh"), f32(1, 3, 8, 8), f32(8, 3, 3, 3)),
                "unknown activation 'Tanh'");
        assertFails(node("FusedConv", a -> a.setString("activation", "Clip"), f32(1, 3, 8, 8), f32(8, 3, 3, 3)),
                "'Clip' takes 2 activation_params, got []");
        assertFails(node("FusedGemm", a -> a.setString("activation", "Relu").setFloats("activation_params", 1),
                f32(2, 3), f32(3, 4)), "'Relu' takes 0 activation_params");
        assertFails(node("FusedGemm", a -> a.setString("activation", "LeakyRelu").setFloats("activation_params", Float.NaN),
                f32(2, 3), f32(3, 4)), "must not be NaN");
    }

    @Test
    void fusedGemmHasGemmsOutputType() {
        assertEquals(f32(2, 5), infer(node("FusedGemm", a -> a.setInt("transB", 1).setString("activation", "LeakyRelu")
                .setFloats("activation_params", 0.1f), f32(2, 3), f32(5, 3), f32(5))));
        assertFails(node("FusedGemm", a -> { }, f32(2, 3), f32(4, 5)), "inner dimensions differ");
    }

    @Test
    void activationFunctions() {
        float[] none = {};
        assertEquals(0.0, Activation.RELU.apply(-2, none));
        assertEquals(3.0, Activation.RELU.apply(3, none));
        assertEquals(6.0, Activation.CLIP.apply(7, new float[] {0, 6}));
        assertEquals(0.0, Activation.CLIP.apply(-1, new float[] {0, 6}));
        assertEquals(-0.5, Activation.LEAKY_RELU.apply(-5, new float[] {0.1f}), 1e-7);
        assertEquals(0.0, Activation.HARD_SWISH.apply(-3, none), 0.0); // -0.0, as the HardSwish kernel gives
        assertEquals(1.0 * (1 / 6.0 + 0.5), Activation.HARD_SWISH.apply(1, none), 1e-12);
        assertEquals(4.0, Activation.HARD_SWISH.apply(4, none));
        assertEquals(0.5, Activation.SIGMOID.apply(0, none));
        assertEquals(0.0, Activation.SIGMOID.apply(-1000, none));
        assertEquals(-2.0, Activation.NONE.apply(-2, none));
    }

    @Test
    void onnxActivationNodes() {
        Graph g = new Graph("t");
        Value x = g.addInput("x", f32(2));
        Value six = g.addConstant("six", Tensor.scalar(6f));
        Node clip = g.addNode("Clip", "", Arrays.asList(x, null, six), List.of("c"), new Attributes());
        assertEquals(Activation.CLIP, Activation.ofOnnxNode(clip));
        assertTrue(Arrays.equals(new float[] {Float.NEGATIVE_INFINITY, 6}, Activation.CLIP.paramsOfOnnxNode(clip)));
        Node clipByInput = g.addNode("Clip", "", List.of(x, x), List.of("d"), new Attributes());
        assertNull(Activation.ofOnnxNode(clipByInput));
        Node leaky = g.addNode("LeakyRelu", "", List.of(x), List.of("l"), new Attributes());
        assertTrue(Arrays.equals(new float[] {0.01f}, Activation.LEAKY_RELU.paramsOfOnnxNode(leaky)));
        assertNull(Activation.ofOnnxNode(g.addNode("Tanh", "", List.of(x), List.of("t"), new Attributes())));
    }
}
