package org.falconc.bench;

import java.util.List;

/**
 * Times several engines in rotation: each round runs every engine once on the same sample, starting
 * with a different engine every round, so drift on a shared machine hits all of them and cancels in
 * the per-round ratios. Before every run the harness pauses {@link #SETTLE_NANOS}, untimed: an engine's idle
 * workers spin for a while after its run (ONNX Runtime's by default, falconc's briefly), and without the
 * pause they would take the core the next engine's run needs. So each run starts on a quiet machine, as
 * it would alone, and both engines keep their defaults.
 *
 * @param nanos nanos[e][r]: engine e's time in round r
 */
record RotatingRounds(long[][] nanos) {
    /** The clock runs are timed with: {@code System::nanoTime}, or a test's fake. */
    interface Clock {
        long nanos();
    }

    /** Untimed rounds until {@code warmup} rounds and {@code warmupSeconds} have passed, then {@code rounds} timed ones. */
    static RotatingRounds run(List<? extends InferenceEngine> engines, int warmup, double warmupSeconds, int rounds)
            throws Exception {
        return run(engines, warmup, warmupSeconds, rounds, System::nanoTime);
    }

    /** As above, timed by {@code clock}. */
    static RotatingRounds run(List<? extends InferenceEngine> engines, int warmup, double warmupSeconds, int rounds,
                              Clock clock) throws Exception {
        int n = engines.size();
        long warmupEnd = clock.nanos() + (long) (warmupSeconds * 1e9);
        for (int r = 0; r < warmup || clock.nanos() < warmupEnd; r++) {
            for (InferenceEngine e : engines) {
                settle();
                e.run(r);
            }
        }
        long[][] t = new long[n][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < n; i++) {
                int e = (r + i) % n;
                settle();
                long t0 = clock.nanos();
                engines.get(e).run(r);
                t[e][r] = clock.nanos() - t0;
            }
        }
        return new RotatingRounds(t);
    }

    /** Quiet time before a block of one engine's runs: the other engine's spinning workers go to sleep. */
    static final long QUIET_NANOS = 200_000_000;

    /**
     * One engine timed alone after the rounds: a {@link #QUIET_NANOS} pause (so the other engines'
     * spinning workers have gone to sleep), then {@code rounds} back-to-back runs, its own workers
     * spinning between them as they would in a program that runs only this engine.
     */
    static long[] alone(InferenceEngine engine, int rounds) throws Exception {
        return alone(engine, rounds, System::nanoTime);
    }

    /** As above, timed by {@code clock}. */
    static long[] alone(InferenceEngine engine, int rounds, Clock clock) throws Exception {
        java.util.concurrent.locks.LockSupport.parkNanos(QUIET_NANOS);
        for (int r = 0; r < Math.max(3, rounds / 5); r++) {
            engine.run(r);
        }
        long[] t = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = clock.nanos();
            engine.run(r);
            t[r] = clock.nanos() - t0;
        }
        return t;
    }

    /** Untimed pause before each run: longer than most engines' idle workers spin. */
    static final long SETTLE_NANOS = Long.getLong("falconc.bench.settleMillis", 5) * 1_000_000;

    static void settle() {
        long until = System.nanoTime() + SETTLE_NANOS;
        while (System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(until - System.nanoTime());
        }
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
