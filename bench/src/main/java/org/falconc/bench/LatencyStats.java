package org.falconc.bench;

import java.util.Arrays;

/**
 * Latency of one engine over the measured rounds.
 *
 * @param medianMs   median latency per inference
 * @param p10Ms      10th percentile
 * @param p90Ms      90th percentile
 * @param throughput inferences per second, one after another (rounds / total time)
 */
public record LatencyStats(double medianMs, double p10Ms, double p90Ms, double throughput) {

    public static LatencyStats of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no rounds were measured");
        }
        double[] ms = new double[nanos.length];
        double total = 0;
        for (int i = 0; i < nanos.length; i++) {
            ms[i] = nanos[i] / 1e6;
            total += ms[i];
        }
        return new LatencyStats(percentile(ms, 50), percentile(ms, 10), percentile(ms, 90), nanos.length * 1000.0 / total);
    }

    /** Percentile {@code p} (0..100) with linear interpolation between the closest ranks. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }
}
