package org.falconc.bench;

/**
 * Times two engines in alternation: each round runs engine A once and engine B once on the same
 * sample, and the order flips every round, so drift on a shared machine (another process, frequency
 * changes, one engine's idle threads still spinning) hits both and cancels in the per-round ratio.
 *
 * @param aNanos each round's time of engine A
 * @param bNanos each round's time of engine B
 */
record AlternatingRounds(long[] aNanos, long[] bNanos) {

    /**
     * Runs untimed rounds until there have been {@code warmup} of them and {@code warmupSeconds} have
     * passed (C2 needs thousands of calls of a kernel: a small model needs more rounds than a large
     * one), then {@code rounds} timed ones.
     */
    static AlternatingRounds run(InferenceEngine a, InferenceEngine b, int warmup, double warmupSeconds, int rounds)
            throws Exception {
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        for (int r = 0; r < warmup || System.nanoTime() < warmupEnd; r++) {
            RotatingRounds.settle();
            a.run(r);
            RotatingRounds.settle();
            b.run(r);
        }
        long[] ta = new long[rounds];
        long[] tb = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                ta[r] = timed(a, r);
                tb[r] = timed(b, r);
            } else {
                tb[r] = timed(b, r);
                ta[r] = timed(a, r);
            }
        }
        return new AlternatingRounds(ta, tb);
    }

    private static long timed(InferenceEngine e, int sample) throws Exception {
        RotatingRounds.settle(); // see RotatingRounds: the other engine's spinning workers go idle first
        long t0 = System.nanoTime();
        e.run(sample);
        return System.nanoTime() - t0;
    }

    /** The median over rounds of A's time / B's time. */
    double medianRatio() {
        double[] ratios = new double[aNanos.length];
        for (int r = 0; r < ratios.length; r++) {
            ratios[r] = (double) aNanos[r] / bNanos[r];
        }
        return LatencyStats.percentile(ratios, 50);
    }
}
