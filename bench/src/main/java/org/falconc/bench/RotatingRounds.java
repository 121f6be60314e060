package org.falconc.bench;

import java.util.List;

/**
 * Times several engines in rotation: each round runs every engine once on the same sample, starting
 * with a different engine every round, so drift on a shared machine hits all of them and cancels in
 * the per-round ratios.
 *
 * @param nanos nanos[e][r]: engine e's time in round r
 */
record RotatingRounds(long[][] nanos) {

    /** Untimed rounds until {@code warmup} rounds and {@code warmupSeconds} have passed, then {@code rounds} timed ones. */
    static RotatingRounds run(List<? extends InferenceEngine> engines, int warmup, double warmupSeconds, int rounds)
            throws Exception {
        int n = engines.size();
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        for (int r = 0; r < warmup || System.nanoTime() < warmupEnd; r++) {
            for (InferenceEngine e : engines) {
                e.run(r);
            }
        }
        long[][] t = new long[n][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < n; i++) {
                int e = (r + i) % n;
                long t0 = System.nanoTime();
                engines.get(e).run(r);
                t[e][r] = System.nanoTime() - t0;
            }
        }
        return new RotatingRounds(t);
    }

    long[] of(int engine) {
        return nanos[engine];
    }

    /** The median over rounds of engine a's time / engine b's time. */
    double medianRatio(int a, int b) {
        double[] ratios = new double[nanos[a].length];
        for (int r = 0; r < ratios.length; r++) {
            ratios[r] = (double) nanos[a][r] / nanos[b][r];
        }
        return LatencyStats.percentile(ratios, 50);
    }
}
