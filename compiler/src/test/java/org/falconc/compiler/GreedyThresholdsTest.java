package org.falconc.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-producer greedy threshold search on a synthetic three-producer "model" whose output change
 * is a known function of the thresholds (no compiler, no clock): which steps it takes, in what order,
 * where the guard stops it, and the held-out back-off.
 */
class GreedyThresholdsTest {
    /** Ladder with thresholds 1..n (level i -> threshold i + 1) and zero fraction 0.1 per level above 0.2. */
    private static ThresholdLadder ladder(String name, int levels, double macs) {
        float[] t = new float[levels];
        double[] z = new double[levels];
        for (int i = 0; i < levels; i++) {
            t[i] = i + 1;
            z[i] = 0.2 + 0.1 * (i + 1);
        }
        return new ThresholdLadder(name, t, z, 0.2, macs);
    }

    /**
     * Change = sum over producers of sensitivity x threshold^2; within the guard when the change is at
     * most {@code limit} (selection) or {@code heldOutLimit} (held out). Records every call.
     */
    private static final class FakeModel implements GreedyThresholds.Evaluator {
        final Map<String, Double> sensitivity;
        final double limit;
        final double heldOutLimit;
        final List<Map<String, Float>> calls = new ArrayList<>();

        FakeModel(Map<String, Double> sensitivity, double limit, double heldOutLimit) {
            this.sensitivity = sensitivity;
            this.limit = limit;
            this.heldOutLimit = heldOutLimit;
        }

        @Override
        public GreedyThresholds.Verdict evaluate(Map<String, Float> thresholds, GreedyThresholds.Part part) {
            calls.add(Map.copyOf(thresholds));
            double change = 0;
            for (var e : thresholds.entrySet()) {
                change += sensitivity.get(e.getKey()) * e.getValue() * e.getValue();
            }
            boolean within = change <= (part == GreedyThresholds.Part.SELECTION ? limit : heldOutLimit);
            return new GreedyThresholds.Verdict(change, within, "change " + change);
        }
    }

    @Test
    void climbsTheCheapestProducerFirstAndStopsAtTheGuard() {
        // "cheap" changes the output 100x less per step than "dear" for the same saving: it climbs first.
        FakeModel model = new FakeModel(Map.of("cheap", 0.01, "dear", 1.0, "idle", 1.0), 5.0, 5.0);
        List<ThresholdLadder> ladders = List.of(ladder("cheap", 5, 100), ladder("dear", 5, 100),
                ladder("idle", 5, 0)); // "idle": no convolution reads it, never worth a step
        GreedyThresholds.Result r = new GreedyThresholds(ladders, model, 1000).run(true);
        // cheap reaches its top (0.01 * 25 = 0.25); dear may add up to threshold 2 (0.25 + 4 <= 5, 0.25 + 9 > 5)
        assertEquals(5f, r.thresholds().get("cheap"));
        assertEquals(2f, r.thresholds().get("dear"));
        assertEquals(0f, r.thresholds().get("idle"));
        assertEquals(List.of("cheap", "cheap", "cheap", "cheap", "cheap", "dear", "dear"), r.accepted());
        assertEquals(7, r.kept());
        assertTrue(r.selection().within() && r.heldOut().within());
        assertEquals(4, r.levels().get("cheap"));
        assertEquals(1, r.levels().get("dear"));
        assertEquals(-1, r.levels().get("idle"));
        for (Map<String, Float> call : model.calls) {
            assertEquals(0f, call.get("idle"), "a producer without MACs is never raised: " + call);
        }
    }

    @Test
    void heldOutBacksOffTheLastAcceptedSteps() {
        // selection allows change 5; held-out only 1: the accepted prefix must stay at most 1
        FakeModel model = new FakeModel(Map.of("cheap", 0.01, "dear", 1.0), 5.0, 1.0);
        GreedyThresholds.Result r = new GreedyThresholds(List.of(ladder("cheap", 5, 100), ladder("dear", 5, 100)),
                model, 1000).run(true);
        assertEquals(List.of("cheap", "cheap", "cheap", "cheap", "cheap", "dear", "dear"), r.accepted());
        // cheap at 5 (0.25) plus dear at 1 (1.0) is 1.25 > 1: only the five cheap steps survive
        assertEquals(5, r.kept());
        assertEquals(5f, r.thresholds().get("cheap"));
        assertEquals(0f, r.thresholds().get("dear"));
        assertTrue(r.heldOut().within());
        assertEquals(0.25, r.selection().change(), 1e-9);
    }

    @Test
    void withoutHeldOutInputsTheSelectionDecides() {
        FakeModel model = new FakeModel(Map.of("a", 1.0), 4.0, 0.0);
        GreedyThresholds.Result r = new GreedyThresholds(List.of(ladder("a", 5, 10)), model, 1000).run(false);
        assertEquals(2f, r.thresholds().get("a"));
        assertNull(r.heldOut());
        for (Map<String, Float> call : model.calls) {
            assertTrue(call.get("a") <= 3f, "never climbs past the first rejected step: " + call);
        }
    }

    @Test
    void theEvaluationBudgetBoundsTheSearch() {
        FakeModel model = new FakeModel(Map.of("a", 0.0, "b", 0.0), 1.0, 1.0);
        GreedyThresholds.Result r = new GreedyThresholds(List.of(ladder("a", 10, 1), ladder("b", 10, 1)), model, 6)
                .run(true);
        assertTrue(r.evaluations() <= 7, "6 on the selection, 1 held-out check: " + r.evaluations());
        assertTrue(r.accepted().size() >= 3 && r.accepted().size() <= 5, r.accepted().toString());
    }

    @Test
    void splitHoldsOutEveryThirdInput() {
        List<Integer> sel = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        Calibrator.split(List.of(0, 1, 2, 3, 4, 5, 6), sel, held);
        assertEquals(List.of(0, 1, 3, 4, 6), sel);
        assertEquals(List.of(2, 5), held);
        sel.clear();
        held.clear();
        Calibrator.split(List.of(0, 1), sel, held);
        assertEquals(List.of(0, 1), sel);
        assertEquals(List.of(), held);
    }

    @Test
    void ladderStepsSaveTheAddedZeroFractionOfTheMacs() {
        ThresholdLadder l = ThresholdLadder.of("p", new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.5, 1000);
        assertEquals(ThresholdLadder.QUANTILES.length, l.levels());
        assertEquals(0f, l.threshold(-1));
        assertEquals(2f, l.threshold(0)); // the 10% quantile of ten values
        assertEquals(0.5, l.zeroFraction(-1), 1e-12);
        assertEquals(0.55, l.zeroFraction(0), 1e-12);
        assertEquals(1000 * 0.05, l.stepSaving(-1), 1e-9);
        assertEquals(1000 * 0.025, l.stepSaving(l.levels() - 2), 1e-9); // 90% -> 95%
    }
}
