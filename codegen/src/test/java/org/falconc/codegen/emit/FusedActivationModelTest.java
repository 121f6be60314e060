package org.falconc.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.falconc.codegen.TestModels;
import org.falconc.ir.Graph;
import org.falconc.runtime.model.CompiledModel;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every activation a fused convolution and a fused Gemm take, with default and explicit parameters,
 * compiled through the optimising pipeline (so the activation runs in the kernels' store epilogue) and
 * checked against the activation's ONNX formula written here, applied to the un-activated Conv / Gemm
 * output that the interpreter computes. The runtime's own activation code is not the oracle.
 */
class FusedActivationModelTest {
    @TempDir
    Path dir;

    /** The value near which ThresholdedRelu jumps; a pre-activation this close may land on either side. */
    private static final double TOLERANCE = 1e-4;

    static Stream<Arguments> activations() {
        return Stream.of(
                Arguments.of("Relu (%p)", (DoubleUnaryOperator) x -> x > 0 ? x : 0, Double.NaN),
                Arguments.of("LeakyRelu (%p)", (DoubleUnaryOperator) x -> x < 0 ? 0.01 * x : x, Double.NaN),
                Arguments.of("LeakyRelu (%p) {alpha = 0.3}", (DoubleUnaryOperator) x -> x < 0 ? 0.3 * x : x, Double.NaN),
                Arguments.of("Clip (%p, %lo, %hi)", (DoubleUnaryOperator) x -> x < -0.5 ? -0.5 : x > 0.7 ? 0.7 : x,
                        Double.NaN),
                Arguments.of("Clip (%p, _, %hi)", (DoubleUnaryOperator) x -> x > 0.7 ? 0.7 : x, Double.NaN),
                Arguments.of("Clip (%p, %lo)", (DoubleUnaryOperator) x -> x < -0.5 ? -0.5 : x, Double.NaN),
                Arguments.of("HardSwish (%p)", (DoubleUnaryOperator) x -> x <= -3 ? 0 : x >= 3 ? x : x * (x + 3) / 6,
                        Double.NaN),
                Arguments.of("Sigmoid (%p)", (DoubleUnaryOperator) x -> 1 / (1 + Math.exp(-x)), Double.NaN),
                Arguments.of("ThresholdedRelu (%p)", (DoubleUnaryOperator) x -> x > 1 ? x : 0, 1.0),
                Arguments.of("ThresholdedRelu (%p) {alpha = 0.25}", (DoubleUnaryOperator) x -> x > 0.25 ? x : 0, 0.25));
    }

    /** A constant of the given shape with seeded data in [-1, 1), written out so two graphs share it. */
    private static String constant(String name, Random rnd, int... shape) {
        StringBuilder sb = new StringBuilder("  %" + name + " = const f32" + java.util.Arrays.toString(shape)
                .replace(" ", "") + " [");
        int n = java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(rnd.nextFloat() * 2 - 1);
        }
        return sb.append("]\n").toString();
    }

    @ParameterizedTest
    @MethodSource("activations")
    void fusedConvAppliesTheActivation(String activation, DoubleUnaryOperator formula, double jumpAt) {
        Random rnd = new Random(1);
        String body = "graph g(%x: f32[1,4,6,6]) -> (%y) {\n" + constant("w", rnd, 8, 4, 3, 3) + constant("b", rnd, 8)
                + "  %lo = const f32[] [-0.5]\n  %hi = const f32[] [0.7]\n"
                + "  %p = Conv (%x, %w, %b) {pads = [1, 1, 1, 1]}\n  %y = ";
        check(body, activation, formula, jumpAt, "FusedConvNhwc", "Conv");
    }

    @ParameterizedTest
    @MethodSource("activations")
    void fusedGemmAppliesTheActivation(String activation, DoubleUnaryOperator formula, double jumpAt) {
        Random rnd = new Random(2);
        String body = "graph g(%x: f32[3,20]) -> (%y) {\n" + constant("w", rnd, 6, 20) + constant("b", rnd, 6)
                + "  %lo = const f32[] [-0.5]\n  %hi = const f32[] [0.7]\n"
                + "  %p = Gemm (%x, %w, %b) {transB = 1}\n  %y = ";
        check(body, activation, formula, jumpAt, "FusedGemm", "Gemm");
    }

    private void check(String body, String activation, DoubleUnaryOperator formula, double jumpAt, String fusedOp,
                       String unfusedOp) {
        Graph fused = TestModels.optimizedGraph(body + activation + "\n}");
        String onnxOp = activation.substring(0, activation.indexOf(' '));
        Map<String, Integer> ops = fused.opHistogram();
        assertTrue(ops.containsKey(fusedOp), "not fused: " + ops);
        assertFalse(ops.containsKey(onnxOp) || ops.containsKey(unfusedOp), "activation left unfused: " + ops);
        Graph preActivation = TestModels.graph(body + "Identity (%p)\n}");
        CompiledModel m = TestModels.load(fused, "Fused" + onnxOp + Math.abs(activation.hashCode()), dir);
        for (long seed = 1; seed <= 3; seed++) {
            Map<String, float[]> in = TestModels.randomInputs(preActivation, seed);
            float[] pre = TestModels.reference(preActivation, in).get("y");
            float[] got = m.run(in).get("y");
            for (int i = 0; i < pre.length; i++) {
                double expected = formula.applyAsDouble(pre[i]);
                boolean close = Math.abs(got[i] - expected) <= TOLERANCE * (1 + Math.abs(expected));
                boolean nearJump = Math.abs(pre[i] - jumpAt) <= TOLERANCE && (got[i] == 0 || Math.abs(got[i] - pre[i]) <= TOLERANCE);
                if (!close && !nearJump) {
                    fail(activation + " after " + unfusedOp + " element " + i + ": pre-activation " + pre[i] + " expected "
                            + expected + " got " + got[i]);
                }
            }
        }
    }
}
