package org.falconc.cli.report;

import java.util.ArrayList;
import java.util.List;
import org.falconc.runtime.profile.ComputeRate;
import org.falconc.runtime.profile.Flops;
import org.falconc.runtime.profile.LayerInfo;
import org.falconc.runtime.profile.MachinePeak;
import org.falconc.runtime.profile.Profile;

/**
 * The facts of {@code falconc profile}'s table and totals, computed once from a profile's counters for
 * both the text table (ProfileReport) and the HTML report: per layer its op, decision, sparse decisions and
 * break-even, dense and executed MACs, input zero fraction, capture, time, GFLOP/s and % of peak;
 * the totals over the convolutions and the model's rate. Counters stay summed over all inferences;
 * the per-inference values divide by {@link #inferences}.
 *
 * @param rows       one per layer, in run order
 * @param inferences inferences the counters add up
 * @param what       what was profiled (model, sparsity mode, threads)
 * @param peak       the machine's measured fp32 FMA peak per core, or null (no Vector API)
 * @param threads    threads of the model's pool
 */
public record ProfileFacts(List<Row> rows, int inferences, String what, MachinePeak peak, int threads) {

    public ProfileFacts {
        rows = List.copyOf(rows);
        if (inferences < 1) {
            throw new IllegalArgumentException("inferences must be at least 1: " + inferences);
        }
    }

    /**
     * One layer's counters over all inferences.
     *
     * @param info the compiler's description (a placeholder when the model has no layer table)
     * @param rate GFLOP/s and share of peak from the layer's dense MACs (compiler's count) and time;
     *             null for layers without MACs
     */
    public record Row(LayerInfo info, long decisions, long sparseDecisions, float breakEven, long denseMacs,
                      long executedMacs, long zeroOperandMacs, long inputElements, long inputZeros, long nanos,
                      ComputeRate rate) {
        /** A convolution: a layer that reported MACs (only convolution kernels do). */
        public boolean conv() {
            return denseMacs > 0;
        }

        /** Zero elements / elements of the layer's input, NaN when it counted none. */
        public double zeroFraction() {
            return conv() && inputElements > 0 ? (double) inputZeros / inputElements : Double.NaN;
        }

        /** Skipped MACs / MACs with a zero activation operand, NaN when there were none. */
        public double capture() {
            return conv() && zeroOperandMacs > 0 ? (double) (denseMacs - executedMacs) / zeroOperandMacs : Double.NaN;
        }
    }

    /** The facts of {@code inferences} runs of a model whose layers are {@code layers} into {@code p}. */
    public static ProfileFacts of(List<LayerInfo> layers, Profile p, int inferences, String what, MachinePeak peak,
                                  int threads) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(layers.size(), p.layers()); i++) {
            LayerInfo info = i < layers.size() ? layers.get(i) : new LayerInfo(i, "layer " + i, "?", "", "", 0, "", "");
            long ns = p.nanos(i);
            ComputeRate rate = info.denseMacs() == 0 ? null
                    : ComputeRate.of((double) Flops.ofMacs(info.denseMacs()) * inferences, ns, peak, threads);
            rows.add(new Row(info, p.decisions(i), p.sparseDecisions(i), p.breakEven(i), p.denseMacs(i),
                    p.executedMacs(i), p.zeroOperandMacs(i), p.inputElements(i), p.inputZeros(i), ns, rate));
        }
        return new ProfileFacts(rows, inferences, what, peak, threads);
    }

    /** Dense MACs of the convolutions, all inferences. */
    public long denseMacs() {
        return rows.stream().filter(Row::conv).mapToLong(Row::denseMacs).sum();
    }

    /** Executed MACs of the convolutions, all inferences. */
    public long executedMacs() {
        return rows.stream().filter(Row::conv).mapToLong(Row::executedMacs).sum();
    }

    /** MACs of the convolutions whose activation operand is zero, all inferences. */
    public long zeroOperandMacs() {
        return rows.stream().filter(Row::conv).mapToLong(Row::zeroOperandMacs).sum();
    }

    /** Zero elements / elements over every convolution's input; NaN without convolutions. */
    public double zeroFraction() {
        long elements = rows.stream().filter(Row::conv).mapToLong(Row::inputElements).sum();
        long zeros = rows.stream().filter(Row::conv).mapToLong(Row::inputZeros).sum();
        return elements == 0 ? Double.NaN : (double) zeros / elements;
    }

    /** MACs with a zero activation operand / dense convolution MACs (what skipping every zero would save). */
    public double theoreticalReduction() {
        long dense = denseMacs();
        return dense == 0 ? Double.NaN : (double) zeroOperandMacs() / dense;
    }

    /** 1 - executed / dense convolution MACs. */
    public double executedReduction() {
        long dense = denseMacs();
        return dense == 0 ? Double.NaN : 1 - (double) executedMacs() / dense;
    }

    /** Skipped MACs / MACs with a zero activation operand. */
    public double capture() {
        long z = zeroOperandMacs();
        return z == 0 ? Double.NaN : (double) (denseMacs() - executedMacs()) / z;
    }

    /** Time of every layer, all inferences. */
    public long nanos() {
        return rows.stream().mapToLong(Row::nanos).sum();
    }

    /** Time of the convolutions, all inferences. */
    public long convNanos() {
        return rows.stream().filter(Row::conv).mapToLong(Row::nanos).sum();
    }

    /** Dense MACs of one inference by the compiler's count (convolutions and matrix products). */
    public long modelMacs() {
        return rows.stream().mapToLong(r -> r.info().denseMacs()).sum();
    }

    /** The model's dense-equivalent rate: 2 x {@link #modelMacs} per inference over the time of every layer. */
    public ComputeRate modelRate() {
        return ComputeRate.of((double) Flops.ofMacs(modelMacs()) * inferences, nanos(), peak, threads);
    }

    /** A count summed over all inferences, per inference. */
    public double perInference(long total) {
        return (double) total / inferences;
    }
}
