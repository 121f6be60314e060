package org.falconc.interp.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.falconc.interp.Interpreter;
import org.falconc.ir.Attributes;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;
import org.falconc.ir.ops.OpRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fused kernels compute exactly (bit for bit) what the unfused chain of reference kernels
 * computes: Conv, Add of the residual, then the activation op; Gemm then the activation op.
 */
class FusedKernelsTest {
    private static Tensor random(Random rnd, int... dims) {
        float[] d = new float[Shape.of(dims).numElements()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (rnd.nextDouble() * 8 - 4);
        }
        return Tensor.ofFloats(Shape.of(dims), d);
    }

    private static Value add(Graph g, String op, List<Value> in, String out, Attributes attrs) {
        Node n = g.addNode(op, out, in, List.of(out), attrs);
        n.output(0).setType(OpRegistry.of(n).inference().infer(n).get(0));
        return n.output(0);
    }

    /** The unfused activation node (the ONNX op) and the fused attributes for {@code act}. */
    private static Value onnxActivation(Graph g, String act, Value x, Attributes fused) {
        fused.setString("activation", act);
        return switch (act) {
            case "" -> x;
            case "Clip" -> {
                fused.setFloats("activation_params", -1f, 2.5f);
                yield add(g, "Clip", List.of(x, g.addConstant("lo", Tensor.scalar(-1f)),
                        g.addConstant("hi", Tensor.scalar(2.5f))), "act", new Attributes());
            }
            case "LeakyRelu" -> {
                fused.setFloats("activation_params", 0.3f);
                yield add(g, "LeakyRelu", List.of(x), "act", new Attributes().setFloat("alpha", 0.3f));
            }
            case "ThresholdedRelu" -> {
                fused.setFloats("activation_params", 0.2f);
                yield add(g, "ThresholdedRelu", List.of(x), "act", new Attributes().setFloat("alpha", 0.2f));
            }
            default -> add(g, act, List.of(x), "act", new Attributes());
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Relu", "Clip", "LeakyRelu", "HardSwish", "Sigmoid", "ThresholdedRelu"})
    void fusedConvEqualsConvAddActivation(String act) {
        Random rnd = new Random(act.hashCode());
        Graph g = new Graph("t");
        Value x = g.addInput("x", TensorType.of(DType.F32, 1, 4, 5, 5));
        Value w = g.addConstant("w", random(rnd, 6, 2, 3, 3));
        Value b = g.addConstant("b", random(rnd, 6));
        Value z = g.addConstant("z", random(rnd, 1, 6, 3, 3));
        Attributes conv = new Attributes().setInt("group", 2).setInts("strides", 2, 2).setInts("pads", 1, 1, 1, 1);
        Attributes fused = conv.copy();
        Value c = add(g, "Conv", List.of(x, w, b), "c", conv);
        Value sum = add(g, "Add", List.of(c, z), "sum", new Attributes());
        Value y = onnxActivation(g, act, sum, fused);
        Value f = add(g, "FusedConv", List.of(x, w, b, z), "f", fused);
        g.addOutput(y);
        g.addOutput(f);
        assertSame(g, Map.of("x", random(rnd, 1, 4, 5, 5)), y.name(), "f");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Relu", "Clip", "LeakyRelu", "HardSwish", "Sigmoid", "ThresholdedRelu"})
    void fusedGemmEqualsGemmActivation(String act) {
        Random rnd = new Random(act.hashCode());
        Graph g = new Graph("t");
        Value a = g.addInput("a", TensorType.of(DType.F32, 3, 4));
        Value bm = g.addConstant("bm", random(rnd, 5, 4));
        Value cv = g.addConstant("cv", random(rnd, 5));
        Attributes gemm = new Attributes().setInt("transB", 1).setFloat("alpha", 0.5f).setFloat("beta", 2f);
        Attributes fused = gemm.copy();
        Value p = add(g, "Gemm", List.of(a, bm, cv), "p", gemm);
        Value y = onnxActivation(g, act, p, fused);
        Value f = add(g, "FusedGemm", List.of(a, bm, cv), "f", fused);
        g.addOutput(y);
        g.addOutput(f);
        assertSame(g, Map.of("a", random(rnd, 3, 4)), y.name(), "f");
    }

    @Test
    void fusedConvWithoutBiasOrResidual() {
        Random rnd = new Random(3);
        Graph g = new Graph("t");
        Value x = g.addInput("x", TensorType.of(DType.F32, 2, 3, 4, 4));
        Value w = g.addConstant("w", random(rnd, 5, 3, 1, 1));
        Attributes fused = new Attributes();
        Value c = add(g, "Conv", List.of(x, w), "c", new Attributes());
        Value y = onnxActivation(g, "Relu", c, fused);
        Value f = add(g, "FusedConv", List.of(x, w), "f", fused);
        g.addOutput(y);
        g.addOutput(f);
        assertSame(g, Map.of("x", random(rnd, 2, 3, 4, 4)), y.name(), "f");
    }

    private static void assertSame(Graph g, Map<String, Tensor> inputs, String unfused, String fused) {
        Map<String, Tensor> out = Interpreter.run(g, inputs);
        float[] expected = out.get(unfused).floats();
        assertTrue(Arrays.stream(box(expected)).anyMatch(v -> v != 0), "a meaningful test has non-zero outputs");
        assertArrayEquals(expected, out.get(fused).floats());
    }

    private static Float[] box(float[] v) {
        Float[] b = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = v[i];
        }
        return b;
    }
}
