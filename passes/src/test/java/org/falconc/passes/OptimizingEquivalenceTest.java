package org.falconc.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.falconc.interp.Interpreter;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The optimizing pipeline computes what the standard one does: hand-written CNN blocks with random
 * weights, run by the reference interpreter before and after batch-norm folding, fusion and
 * transpose cleanup, on random inputs. Outputs must agree within 1e-5 of the output's largest
 * magnitude (folding rounds the weights once, so bit equality is not expected).
 */
class OptimizingEquivalenceTest {
    private static final double TOLERANCE = 1e-5;

    /** ResNet basic block: Conv-BN-Relu-Conv-BN-Add(identity)-Relu. */
    private static final String RESNET_BLOCK = """
            graph resnet(%x: f32[1,4,6,6], %w1: f32[4,4,3,3], %s1: f32[4], %b1: f32[4], %m1: f32[4], %var1: f32[4],
                         %w2: f32[4,4,3,3], %s2: f32[4], %b2: f32[4], %m2: f32[4], %var2: f32[4]) -> (%y) {
              %c1 = Conv "conv1" (%x, %w1) {kernel_shape = [3, 3], pads = [1, 1, 1, 1]}
              %n1 = BatchNormalization "bn1" (%c1, %s1, %b1, %m1, %var1) {epsilon = 1.0E-5}
              %r1 = Relu "relu1" (%n1)
              %c2 = Conv "conv2" (%r1, %w2) {kernel_shape = [3, 3], pads = [1, 1, 1, 1]}
              %n2 = BatchNormalization "bn2" (%c2, %s2, %b2, %m2, %var2) {epsilon = 1.0E-5}
              %a = Add "add" (%n2, %x)
              %y = Relu "relu2" (%a)
            }
            """;

    /** MobileNet block: pointwise Conv-BN-Clip(0,6), depthwise Conv-BN-Clip(0,6), pointwise Conv-BN. */
    private static final String MOBILENET_BLOCK = """
            graph mobilenet(%x: f32[1,3,7,7], %w1: f32[6,3,1,1], %s1: f32[6], %b1: f32[6], %m1: f32[6], %var1: f32[6],
                            %w2: f32[6,1,3,3], %s2: f32[6], %b2: f32[6], %m2: f32[6], %var2: f32[6],
                            %w3: f32[4,6,1,1], %cb3: f32[4], %s3: f32[4], %b3: f32[4], %m3: f32[4], %var3: f32[4]) -> (%y) {
              %zero = const f32[] [0.0]
              %six = const f32[] [6.0]
              %c1 = Conv (%x, %w1)
              %n1 = BatchNormalization (%c1, %s1, %b1, %m1, %var1)
              %r1 = Clip (%n1, %zero, %six)
              %c2 = Conv (%r1, %w2) {group = 6, pads = [1, 1, 1, 1], strides = [2, 2]}
              %n2 = BatchNormalization (%c2, %s2, %b2, %m2, %var2)
              %r2 = Clip (%n2, %zero, %six)
              %c3 = Conv (%r2, %w3, %cb3)
              %y = BatchNormalization (%c3, %s3, %b3, %m3, %var3)
            }
            """;

    /**
     * The other folds and activations: ConvTranspose with groups + BN + LeakyRelu, Conv + Sigmoid
     * and + HardSwish, Gemm (transB = 0) + BN with a large epsilon + Relu, and shape chains.
     */
    private static final String ASSORTED = """
            graph assorted(%x: f32[1,4,5,5], %wt: f32[4,3,3,3], %bt: f32[6], %s1: f32[6], %b1: f32[6], %m1: f32[6],
                           %var1: f32[6], %w2: f32[2,6,1,1], %w3: f32[2,6,1,1], %fc: f32[50,3], %fcb: f32[3],
                           %s4: f32[3], %b4: f32[3], %m4: f32[3], %var4: f32[3]) -> (%lr, %sg, %hs, %out) {
              %flat = const i64[2] [1, -1]
              %back = const i64[4] [1, 2, 25, 1]
              %ct = ConvTranspose (%x, %wt, %bt) {group = 2, pads = [1, 1, 1, 1]}
              %n1 = BatchNormalization (%ct, %s1, %b1, %m1, %var1) {epsilon = 0.5}
              %lr = LeakyRelu (%n1) {alpha = 0.2}
              %c2 = Conv (%lr, %w2)
              %sg = Sigmoid (%c2)
              %c3 = Conv (%lr, %w3)
              %hs = HardSwish (%c3)
              %t1 = Transpose (%hs) {perm = [0, 2, 3, 1]}
              %t2 = Transpose (%t1) {perm = [0, 3, 1, 2]}
              %f = Flatten (%t2) {axis = 1}
              %r = Reshape (%f, %back)
              %r2 = Reshape (%r, %flat)
              %g = Gemm (%r2, %fc, %fcb)
              %n4 = BatchNormalization (%g, %s4, %b4, %m4, %var4) {epsilon = 0.5}
              %out = Relu (%n4)
            }
            """;

    /**
     * CNTK-style convolutions (MNIST-8): the bias as an Add of a [K,1,1] constant, then Relu; and a
     * ResNet-50 (Caffe2) residual: the block input added with a two-operand Sum, then Relu.
     */
    private static final String CHANNEL_BIAS_AND_SUM = """
            graph cntk(%x: f32[1,3,6,6], %w1: f32[4,3,3,3], %cb1: f32[4,1,1], %w2: f32[4,4,1,1], %b2: f32[4],
                       %cb2: f32[1,4,1,1]) -> (%y) {
              %c1 = Conv (%x, %w1) {pads = [1, 1, 1, 1]}
              %a1 = Add (%c1, %cb1)
              %r1 = Relu (%a1)
              %c2 = Conv (%r1, %w2, %b2)
              %a2 = Add (%cb2, %c2)
              %s = Sum (%a2, %r1)
              %y = Relu (%s)
            }
            """;

    /** Parses {@code text} and makes every graph input but the first a random constant (variances positive). */
    private static Graph withRandomWeights(String text, long seed) {
        Graph g = IrText.parse(text);
        Random rnd = new Random(seed);
        for (Value in : List.copyOf(g.inputs()).subList(1, g.inputs().size())) {
            boolean variance = in.name().startsWith("var");
            g.bindInputToConstant(in, random(rnd, in.type().shape(), variance ? 0.2 : -1, variance ? 2 : 1));
        }
        return g;
    }

    private static Tensor random(Random rnd, Shape shape, double lo, double hi) {
        float[] data = new float[shape.numElements()];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (lo + (hi - lo) * rnd.nextDouble());
        }
        return Tensor.ofFloats(shape, data);
    }

    private static Map<String, Tensor> runPipeline(Pipeline pipeline, String text, long seed, Tensor input) {
        Graph g = withRandomWeights(text, seed);
        PassManager.run(pipeline, g, PassOptions.defaults());
        return Interpreter.run(g, Map.of(g.inputs().get(0).name(), input));
    }

    /**
     * The graph after the optimizing pipeline without sparse execution and without the channels-last
     * layout (these tests check the fusions; assign-layout has its own cases).
     */
    private static Graph optimized(String text) {
        Graph g = withRandomWeights(text, 1);
        PassManager.run(Pipeline.optimizing(), g,
                PassOptions.defaults().withSparsity(SparsityMode.OFF).withChannelsLast(false));
        return g;
    }

    @Test
    void resnetBlockDecomposesTheConvolutionAfterRelu() {
        // The second convolution reads the first one's Relu output: it is decomposed, with a bitmap of
        // that output, and decides per inference; the first reads the graph input and stays dense.
        Graph g = withRandomWeights(RESNET_BLOCK, 1);
        PassManager.run(Pipeline.optimizing(), g, PassOptions.defaults());
        assertEquals(Map.of("FusedConvNhwc", 1, "DecomposedConv", 1, "ActivationBits", 1, "Transpose", 2),
                g.opHistogram());
    }

    private static void assertSameResults(String text, Shape inputShape, int seed) {
        Tensor input = random(new Random(100 + seed), inputShape, -2, 2);
        Map<String, Tensor> expected = runPipeline(Pipeline.standard(), text, seed, input);
        Map<String, Tensor> actual = runPipeline(Pipeline.optimizing(), text, seed, input);
        assertEquals(expected.keySet(), actual.keySet(), "graph outputs keep their names");
        for (String name : expected.keySet()) {
            assertClose(expected.get(name), actual.get(name), name);
        }
    }

    static void assertClose(Tensor expected, Tensor actual, String name) {
        assertEquals(expected.type(), actual.type(), "type of output " + name);
        float[] e = expected.floats();
        float[] a = actual.floats();
        double scale = 0;
        for (float v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < e.length; i++) {
            double diff = Math.abs(e[i] - a[i]);
            assertTrue(diff <= TOLERANCE * scale, "output " + name + "[" + i + "]: expected " + e[i] + ", got " + a[i]
                    + " (largest magnitude " + scale + ")");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void resnetBlockFusesToTwoConvolutions(int seed) {
        assertSameResults(RESNET_BLOCK, Shape.of(1, 4, 6, 6), seed);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void mobilenetBlockKeepsItsResults(int seed) {
        assertSameResults(MOBILENET_BLOCK, Shape.of(1, 3, 7, 7), seed);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void assortedFoldsAndFusionsKeepTheResults(int seed) {
        assertSameResults(ASSORTED, Shape.of(1, 4, 5, 5), seed);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void channelBiasAndSumResidualKeepTheResults(int seed) {
        assertSameResults(CHANNEL_BIAS_AND_SUM, Shape.of(1, 3, 6, 6), seed);
    }

    @Test
    void channelBiasAndSumResidualBecomeTwoFusedConvolutions() {
        Graph g = optimized(CHANNEL_BIAS_AND_SUM);
        assertEquals(Map.of("FusedConv", 2), g.opHistogram());
        assertEquals(g.nodes().get(0).output(0), g.nodes().get(1).input(3), "the first block's output is the residual");
    }

    @Test
    void resnetBlockBecomesTwoFusedConvolutions() {
        Graph g = optimized(RESNET_BLOCK);
        assertEquals(Map.of("FusedConv", 2), g.opHistogram());
        assertEquals("Relu", g.nodes().get(0).attrs().getString("activation"));
        assertEquals("Relu", g.nodes().get(1).attrs().getString("activation"));
        assertEquals(g.inputs().get(0), g.nodes().get(1).input(3), "the block input is the residual");
        assertEquals(List.of("y"), g.outputs().stream().map(Value::name).toList());
        assertEquals(4, g.constants().size(), "only the folded weights and biases are left: " + g.constants());
    }

    @Test
    void mobilenetBlockBecomesFusedClips() {
        Graph g = optimized(MOBILENET_BLOCK);
        assertEquals(Map.of("FusedConv", 2, "Conv", 1), g.opHistogram());
        for (int i = 0; i < 2; i++) {
            assertEquals("Clip", g.nodes().get(i).attrs().getString("activation"));
            assertEquals(List.of(0f, 6f), floats(g.nodes().get(i).attrs().getFloats("activation_params", null)));
        }
        assertFalse(g.opHistogram().containsKey("BatchNormalization"));
    }

    @Test
    void assortedGraphIsFullyFoldedAndFused() {
        Graph g = optimized(ASSORTED);
        assertEquals(Map.of("ConvTranspose", 1, "LeakyRelu", 1, "FusedConv", 2, "Reshape", 1, "FusedGemm", 1),
                g.opHistogram());
    }

    private static List<Float> floats(float[] v) {
        return java.util.stream.IntStream.range(0, v.length).mapToObj(i -> v[i]).toList();
    }

    /** The comparison is strict enough to see a wrong fold: one weight changed by 1e-3 shows. */
    @Test
    void comparisonSeesASmallError() {
        Tensor input = random(new Random(5), Shape.of(1, 4, 6, 6), -2, 2);
        Graph g = withRandomWeights(RESNET_BLOCK, 1);
        PassManager.run(Pipeline.standard(), g, PassOptions.defaults());
        Tensor expected = Interpreter.run(g, Map.of("x", input)).get("y");
        Graph wrong = optimized(RESNET_BLOCK);
        Value w = wrong.nodes().get(0).input(1);
        float[] changed = w.constant().floats().clone();
        changed[0] += 1e-3f;
        wrong.nodes().get(0).setInput(1, wrong.addConstant("w_wrong", Tensor.ofFloats(w.type().shape(), changed)));
        Tensor actual = Interpreter.run(wrong, Map.of("x", input)).get("y");
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class,
                () -> assertClose(expected, actual, "y")).getMessage().contains("output y["));
    }
}
