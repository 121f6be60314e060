package org.falconc.compiler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Threshold mode's per-producer search (FATReLU-style greedy): every producer starts at threshold 0 and
 * climbs its {@link ThresholdLadder}; the step taken next is the one that saves the most convolution
 * MACs per unit of output change, and a step is taken only if the model still agrees with the dense
 * one on the <em>selection</em> inputs. The search stops when no step is accepted (every producer is at
 * the top of its ladder or its next step breaks the agreement) or after {@code maxEvaluations}
 * evaluations. The thresholds are then checked on the <em>held-out</em> inputs: while they disagree
 * there, the last accepted steps are dropped (the longest prefix of the accepted steps that holds on
 * the held-out inputs, found by bisection).
 *
 * <p>Lazy greedy: each producer's next step keeps the score (saving / change) measured when it was last
 * evaluated; the best-scored step is evaluated against the current thresholds and taken if its fresh
 * score is still at least {@link #RELAXATION} times the next best stored score, otherwise it is stored
 * again with the fresh score. A step that breaks the agreement ends that producer's climb. Evaluations
 * of the same thresholds are cached. The evaluator is injected: the calibrator compiles and runs the
 * model, tests pass a function.
 */
final class GreedyThresholds {
    /** A stale score may be this much better than a fresh one before the fresh step is re-queued instead of taken. */
    static final double RELAXATION = 0.5;
    /** Output changes below this count as this (a step that changes nothing scores by its saving). */
    private static final double MIN_CHANGE = 1e-7;

    /** Which inputs an evaluation runs on. */
    enum Part { SELECTION, HELD_OUT }

    /**
     * The model with some thresholds, compared with the dense model on one part of the inputs.
     *
     * @param change  how far its outputs are from the dense model's (mean relative L2 over inputs and outputs)
     * @param within  whether it agrees within --max-drop
     * @param summary the agreement in words, for the calibration note (e.g. "top-1 class kept on 84 of 85 inputs")
     */
    record Verdict(double change, boolean within, String summary) {
    }

    /** Compiles/runs (or, in tests, computes) the model with the given thresholds on a part of the inputs. */
    interface Evaluator {
        Verdict evaluate(Map<String, Float> thresholds, Part part);
    }

    /**
     * What the search chose.
     *
     * @param thresholds  producer -> threshold (0: not thresholded), after the held-out back-off
     * @param levels      producer -> ladder level (-1: none)
     * @param accepted    steps accepted on the selection inputs (producers, in order)
     * @param kept        how many of them survived the held-out back-off
     * @param selection   the final thresholds on the selection inputs
     * @param heldOut     the final thresholds on the held-out inputs (null without held-out inputs)
     * @param evaluations distinct evaluations run
     */
    record Result(Map<String, Float> thresholds, Map<String, Integer> levels, List<String> accepted, int kept,
                  Verdict selection, Verdict heldOut, int evaluations) {
    }

    private final List<ThresholdLadder> ladders;
    private final Evaluator evaluator;
    private final int maxEvaluations;
    private final Map<String, Verdict> cache = new HashMap<>();
    private int evaluations;

    GreedyThresholds(List<ThresholdLadder> ladders, Evaluator evaluator, int maxEvaluations) {
        this.ladders = List.copyOf(ladders);
        this.evaluator = evaluator;
        this.maxEvaluations = maxEvaluations;
    }

    /** Runs the search; {@code heldOut} false skips the held-out check (no held-out inputs). */
    Result run(boolean heldOut) {
        Map<String, ThresholdLadder> byName = new LinkedHashMap<>();
        Map<String, Integer> level = new LinkedHashMap<>();
        for (ThresholdLadder l : ladders) {
            byName.put(l.producer(), l);
            level.put(l.producer(), -1);
        }
        Verdict current = evaluate(thresholds(level), Part.SELECTION);
        List<String> accepted = new ArrayList<>();
        record Entry(String producer, double score) {
        }
        PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> {
            int c = Double.compare(b.score(), a.score());
            return c != 0 ? c : a.producer().compareTo(b.producer());
        });
        if (current.within()) {
            for (ThresholdLadder l : ladders) {
                if (l.levels() > 0 && l.stepSaving(-1) > 0) {
                    queue.add(new Entry(l.producer(), Double.POSITIVE_INFINITY));
                }
            }
        }
        while (!queue.isEmpty() && evaluations < maxEvaluations) {
            Entry top = queue.poll();
            ThresholdLadder l = byName.get(top.producer());
            int at = level.get(top.producer());
            Map<String, Integer> next = new LinkedHashMap<>(level);
            next.put(top.producer(), at + 1);
            Verdict v = evaluate(thresholds(next), Part.SELECTION);
            if (!v.within()) {
                continue; // this producer climbs no further
            }
            double score = l.stepSaving(at) / Math.max(MIN_CHANGE, v.change() - current.change());
            Entry rival = queue.peek();
            if (rival == null || score >= RELAXATION * rival.score()) {
                level = next;
                current = v;
                accepted.add(top.producer());
                if (at + 2 < l.levels() && l.stepSaving(at + 1) > 0) {
                    queue.add(new Entry(top.producer(), score));
                }
            } else {
                queue.add(new Entry(top.producer(), score));
            }
        }
        if (!heldOut) {
            return new Result(thresholds(level), level, accepted, accepted.size(), current, null, evaluations);
        }
        // Held-out back-off: the longest prefix of the accepted steps that also holds on the held-out inputs.
        int kept = accepted.size();
        Verdict held = evaluate(thresholds(prefix(accepted, kept)), Part.HELD_OUT);
        if (!held.within()) {
            int lo = 0; // the dense model agrees with itself
            int hi = kept;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (evaluate(thresholds(prefix(accepted, mid)), Part.HELD_OUT).within()) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            kept = lo;
            level = prefix(accepted, kept);
            held = evaluate(thresholds(level), Part.HELD_OUT);
            current = evaluate(thresholds(level), Part.SELECTION);
        }
        return new Result(thresholds(level), level, accepted, kept, current, held, evaluations);
    }

    /** The levels after the first {@code k} accepted steps. */
    private Map<String, Integer> prefix(List<String> accepted, int k) {
        Map<String, Integer> level = new LinkedHashMap<>();
        for (ThresholdLadder l : ladders) {
            level.put(l.producer(), -1);
        }
        for (String p : accepted.subList(0, k)) {
            level.merge(p, 1, Integer::sum);
        }
        return level;
    }

    private Map<String, Float> thresholds(Map<String, Integer> level) {
        Map<String, Float> t = new LinkedHashMap<>();
        for (ThresholdLadder l : ladders) {
            t.put(l.producer(), l.threshold(level.get(l.producer())));
        }
        return t;
    }

    private Verdict evaluate(Map<String, Float> thresholds, Part part) {
        String key = part + thresholds.toString();
        Verdict v = cache.get(key);
        if (v == null) {
            v = evaluator.evaluate(thresholds, part);
            cache.put(key, v);
            evaluations++;
        }
        return v;
    }
}
