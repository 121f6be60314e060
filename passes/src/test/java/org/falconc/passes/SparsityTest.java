package org.falconc.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.falconc.interp.Interpreter;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;
import org.falconc.passes.sparsity.SparsityAnalysis;
import org.falconc.passes.sparsity.SparsityCalibration;
import org.junit.jupiter.api.Test;

/** The sparsity passes through the optimizing pipeline: same results, calibration, pipeline shape. */
class SparsityTest {
    /** A fire module after a stem, a maxpool chain, a 1-D branch; random weights are bound as constants. */
    private static final String NET = """
            graph net(%x: f32[1,3,12,12], %ws: f32[8,3,3,3], %bs: f32[8], %wq: f32[4,8,1,1], %we1: f32[8,4,1,1],
                      %we3: f32[8,4,3,3], %wf: f32[6,16,3,3], %wg: f32[6,2,2,2]) -> (%y, %z) {
              %stem = Conv "stem" (%x, %ws, %bs) {pads = [1, 1, 1, 1]}
              %r0 = Relu "relu0" (%stem)
              %p = MaxPool "pool" (%r0) {kernel_shape = [2, 2], strides = [2, 2]}
              %q = Conv "squeeze" (%p, %wq)
              %rq = Relu "relu_q" (%q)
              %e1 = Conv "expand1" (%rq, %we1)
              %r1 = Relu "relu1" (%e1)
              %e3 = Conv "expand3" (%rq, %we3) {pads = [1, 1, 1, 1]}
              %r3 = Relu "relu3" (%e3)
              %cat = Concat "concat" (%r1, %r3) {axis = 1}
              %f = Conv "final" (%cat, %wf) {pads = [1, 1, 1, 1], strides = [2, 2]}
              %y = Relu "relu_f" (%f)
              %g = Conv "grouped" (%y, %wg) {group = 3}
              %z = Relu (%g)
            }
            """;

    private static Graph net(long seed) {
        Graph g = IrText.parse(NET);
        Random rnd = new Random(seed);
        for (Value in : List.copyOf(g.inputs())) {
            if (!in.name().equals("x")) {
                g.bindInputToConstant(in, random(rnd, in.type().shape().dims(), 0.5));
            }
        }
        return g;
    }

    private static Tensor random(Random rnd, int[] dims, double scale) {
        float[] d = new float[Shape.of(dims).numElements()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) ((rnd.nextDouble() * 2 - 1) * scale);
        }
        return Tensor.ofFloats(Shape.of(dims), d);
    }

    private static Map<String, Tensor> run(Graph g, Tensor x) {
        return Interpreter.run(g, Map.of("x", x));
    }

    @Test
    void decomposedGraphComputesWhatTheOriginalComputes() {
        Graph reference = net(1);
        PassManager.run(Pipeline.optimizing(PassOptions.defaults().withSparsity(SparsityMode.OFF)), reference,
                PassOptions.defaults().withSparsity(SparsityMode.OFF));
        Graph decomposed = net(1);
        PassOptions options = PassOptions.defaults().withStopAfter(DecomposeConvolutions.NAME);
        PassManager.run(Pipeline.optimizing(), decomposed, options);
        assertEquals(5, decomposed.opHistogram().getOrDefault("DecomposedConv", 0), IrText.print(decomposed));
        Graph scheduled = net(1);
        PassOptions calibrated = PassOptions.defaults().withCalibration(mostlyDead(decomposed));
        PassManager.run(Pipeline.optimizing(), scheduled, calibrated);
        assertTrue(scheduled.opHistogram().getOrDefault("DecomposedConv", 0) > 0, IrText.print(scheduled));
        Random rnd = new Random(7);
        for (int trial = 0; trial < 3; trial++) {
            Tensor x = random(rnd, new int[] {1, 3, 12, 12}, 2);
            Map<String, Tensor> want = run(reference, x);
            for (Graph g : List.of(decomposed, scheduled)) {
                Map<String, Tensor> got = run(g, x);
                for (String out : want.keySet()) {
                    // the DecomposedConv kernel is the dense FusedConv one: bit-equal
                    assertEquals(want.get(out).type(), got.get(out).type());
                    assertTrue(java.util.Arrays.equals(want.get(out).floats(), got.get(out).floats()), out);
                }
            }
        }
    }

    /** A calibration saying 90% of every decomposed convolution's input is zero (break-even 35%). */
    private static SparsityCalibration mostlyDead(Graph decomposed) {
        Map<String, SparsityCalibration.Layer> m = new LinkedHashMap<>();
        for (var c : SparsityAnalysis.decomposedConvs(decomposed)) {
            m.put(c.name(), new SparsityCalibration.Layer(0.9, 0.35));
        }
        return SparsityCalibration.of(m);
    }

    @Test
    void pipelineHoldsTheSparsityPassesTheOptionsEnable() {
        List<String> today = List.of("remove-noops", "fold-constants", "infer-shapes", "fold-batchnorm",
                "cleanup-transposes", "fuse-activations", "assign-layout", "eliminate-dead-code");
        assertEquals(today, Pipeline.optimizing(PassOptions.defaults().withSparsity(SparsityMode.OFF)).passNames());
        assertEquals(List.of("remove-noops", "fold-constants", "infer-shapes", "fold-batchnorm", "cleanup-transposes",
                "fuse-activations", "assign-layout", "decompose-convolutions", "schedule-sparsity", "eliminate-dead-code"),
                Pipeline.optimizing(PassOptions.defaults()).passNames());
        assertEquals(List.of("remove-noops", "fold-constants", "infer-shapes", "fold-batchnorm", "cleanup-transposes",
                "fuse-activations", "apply-thresholds", "assign-layout", "decompose-convolutions", "schedule-sparsity",
                "eliminate-dead-code"), Pipeline.optimizing().passNames());
        Graph off = net(2);
        PassManager.run(Pipeline.optimizing(), off, PassOptions.defaults().withSparsity(SparsityMode.OFF));
        assertFalse(IrText.print(off).contains("Decomposed"));
        assertFalse(IrText.print(off).contains("ActivationBits"));
    }

    @Test
    void analysisListsDecomposedConvsAndTheirProducers() {
        Graph g = net(3);
        PassManager.run(Pipeline.optimizing(), g, PassOptions.defaults().withStopAfter(DecomposeConvolutions.NAME));
        Map<String, List<String>> producers = new HashMap<>();
        Map<String, String> inputs = new HashMap<>();
        for (SparsityAnalysis.DecomposedConvInput d : SparsityAnalysis.decomposedConvs(g)) {
            producers.put(d.name(), d.producers());
            inputs.put(d.name(), d.input());
        }
        assertEquals(List.of("stem"), producers.get("squeeze"), producers.toString()); // through the MaxPool
        assertEquals(List.of("squeeze"), producers.get("expand1"));
        assertEquals(List.of("expand1", "expand3"), producers.get("final"));
        assertEquals(List.of("final"), producers.get("grouped"));
        assertEquals("cat", inputs.get("final"));

        // calibrated figures become attributes of the layers that keep the sparse path
        Pass pass = new ScheduleSparsity();
        pass.run(g, IrText.context(pass, PassOptions.defaults().withCalibration(mostlyDead(g))));
        for (Node n : g.nodes()) {
            if (n.op().equals("DecomposedConv")) {
                assertEquals(0.9f, n.attrs().getFloat("expected_zeros"));
                assertEquals(0.35f, n.attrs().getFloat("break_even"));
            }
        }
    }

    @Test
    void zeroFractionCountsSmallMagnitudes() {
        Tensor t = Tensor.ofFloats(Shape.of(6), 0f, -0.1f, 0.1f, 0.5f, -2f, Float.NaN);
        assertEquals(1 / 6.0, SparsityAnalysis.zeroFraction(t, 0f));
        assertEquals(3 / 6.0, SparsityAnalysis.zeroFraction(t, 0.1f));
        assertEquals(5 / 6.0, SparsityAnalysis.zeroFraction(t, 2f));
    }

    @Test
    void thresholdModeThresholdsProducersBeforeDecomposing() {
        Graph g = net(4);
        Map<String, Float> thresholds = new LinkedHashMap<>();
        thresholds.put("squeeze", 0.05f);
        PassOptions options = PassOptions.defaults().withSparsity(SparsityMode.THRESHOLD).withThresholds(thresholds);
        Graph decomposed = net(4);
        PassManager.run(Pipeline.optimizing(options), decomposed, options.withStopAfter(DecomposeConvolutions.NAME));
        options = options.withCalibration(mostlyDead(decomposed));
        List<String> names = new ArrayList<>(Pipeline.optimizing(options).passNames());
        assertTrue(names.contains("apply-thresholds"));
        PassManager.run(Pipeline.optimizing(options), g, options);
        Node squeeze = g.nodes().stream().filter(n -> n.name().equals("squeeze")).findFirst().orElseThrow();
        assertEquals("ThresholdedRelu", squeeze.attrs().getString("activation"));
        assertEquals("DecomposedConv", g.value("r3").producer().op(), IrText.print(g)); // expand3 still decomposed
    }
}
