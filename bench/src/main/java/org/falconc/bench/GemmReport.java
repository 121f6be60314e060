package org.falconc.bench;

import java.util.List;

/** Everything {@code falconc bench --gemm} measured: one result per shape and thread count. */
/** @param ortSpinning whether ORT's idle workers spun (its default) */
public record GemmReport(Environment environment, int warmup, double warmupSeconds, int rounds, boolean ortSpinning,
                         List<GemmResult> results) {
    public GemmReport {
        results = List.copyOf(results);
    }

    /** The median over shapes of the ratio at {@code threads} (the summary figure), or NaN. */
    public double medianRatio(int threads) {
        double[] ratios = results.stream().filter(r -> r.threads() == threads).mapToDouble(GemmResult::ratio).toArray();
        return ratios.length == 0 ? Double.NaN : LatencyStats.percentile(ratios, 50);
    }
}
