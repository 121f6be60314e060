package org.falconc.runtime.profile;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;

/**
 * This machine's fp32 FMA peak per core, measured with a Vector API loop ({@link VectorFmaLoop}),
 * independent of any inference runtime: the yardstick for "% of peak". The peak for N threads is
 * taken as N x the one-thread peak (not measured in parallel: a parallel loop on a shared machine
 * would measure the neighbours), so it is the ideal for N free cores.
 *
 * @param gflopsPerCore the best one-thread rate, GFLOP/s
 * @param species       the vector species the loop ran on
 */
public record MachinePeak(double gflopsPerCore, String species) {

    /** What reports say when the incubator module is absent and nothing was measured. */
    public static final String NOT_AVAILABLE = "peak n/a (no Vector API)";

    /** Untimed calls until C2 has compiled the loop: at least this long ... */
    private static final long WARMUP_NANOS = 150_000_000;
    /** ... and at least this many calls (C2 compiles a method after some 10^4 invocations + back-edges). */
    private static final int WARMUP_CALLS = 300;
    /** Timed slices; the peak is the best one, so a slice that lost the core to a neighbour does not count. */
    public static final int SLICES = 10;
    public static final long SLICE_NANOS = 20_000_000;

    /** The peak for {@code threads} threads: threads x the per-core peak. */
    public double gflops(int threads) {
        return gflopsPerCore * threads;
    }

    /** {@code gflops} achieved with {@code threads} threads as a fraction of {@link #gflops(int)}. */
    public double fractionOf(double gflops, int threads) {
        return gflops / gflops(threads);
    }

    /** E.g. {@code fp32 FMA peak 112.3 GFLOP/s per core (Species[float, 16, S_512_BIT])}. */
    public String describe() {
        return String.format(Locale.ROOT, "fp32 FMA peak %.1f GFLOP/s per core (%s)", gflopsPerCore, species);
    }

    /** Measures the peak (some 350 ms), or empty when jdk.incubator.vector is not in the boot layer. */
    public static Optional<MachinePeak> measure() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return Optional.empty();
        }
        try {
            // Loaded reflectively: nothing links against the incubator module when it is absent.
            Class<?> loop = Class.forName("org.falconc.runtime.profile.VectorFmaLoop");
            Method run = loop.getDeclaredMethod("run", long.class, float.class);
            Method flops = loop.getDeclaredMethod("flops", long.class);
            Method species = loop.getDeclaredMethod("species");
            run.setAccessible(true);
            flops.setAccessible(true);
            species.setAccessible(true);
            return Optional.of(new MachinePeak(bestGflops(run, flops), (String) species.invoke(null)));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the FMA peak loop failed", e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static double bestGflops(Method run, Method flops) throws ReflectiveOperationException {
        float sink = 0;
        long warmupEnd = System.nanoTime() + WARMUP_NANOS;
        for (int c = 0; c < WARMUP_CALLS || System.nanoTime() < warmupEnd; c++) {
            sink += (float) run.invoke(null, 200L, (float) c);
        }
        // One call per slice: size it from a short timed call of the compiled loop.
        long probe = 100_000;
        long t0 = System.nanoTime();
        sink += (float) run.invoke(null, probe, 1f);
        long probeNanos = Math.max(1, System.nanoTime() - t0);
        long iterations = Math.max(probe, probe * SLICE_NANOS / probeNanos);
        double best = 0;
        for (int s = 0; s < SLICES; s++) {
            long start = System.nanoTime();
            sink += (float) run.invoke(null, iterations, (float) s);
            long nanos = System.nanoTime() - start;
            best = Math.max(best, Flops.gflops((long) flops.invoke(null, iterations), nanos));
        }
        if (Float.isNaN(sink)) {
            throw new IllegalStateException("the FMA loop diverged"); // keeps the sums alive
        }
        return best;
    }
}
