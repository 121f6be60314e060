package org.falconc.runtime.sparse;

import java.util.Random;
import org.falconc.runtime.Epilogue;
import org.falconc.runtime.conv.Conv2d;
import org.falconc.runtime.conv.PackedConv;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;
import org.falconc.runtime.profile.Profile;
import org.falconc.runtime.profile.Profiler;

/**
 * Prints dense vs decomposed convolution times on a 3x3 64->64 56x56 and a 1x1 64->64 56x56 layer
 * with 0%, 50% and ~90% dead units (whole zero channel groups) and with ReLU-like elementwise zeros
 * (every unit live). Not a test: run by hand, e.g.
 * <pre>
 * java --add-modules jdk.incubator.vector -cp runtime/target/classes:runtime/target/test-classes \
 *     org.falconc.runtime.sparse.SparseSpeed [seconds-per-case] [threads...]
 * </pre>
 */
public final class SparseSpeed {

    private SparseSpeed() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        int[] threadCounts = {1, 2};
        if (args.length > 1) {
            threadCounts = new int[args.length - 1];
            for (int i = 1; i < args.length; i++) {
                threadCounts[i - 1] = Integer.parseInt(args[i]);
            }
        }
        int[][] layers = {{3, 1}, {1, 0}}; // kernel, pad
        System.out.printf("%-8s %-10s %7s %8s %10s %10s %10s %8s%n", "layer", "pattern", "threads", "live",
                "dense ms", "+mask ms", "sparse ms", "speedup");
        for (int[] layer : layers) {
            for (String pattern : new String[] {"all-live", "relu", "dead-50", "dead-90"}) {
                for (int threads : threadCounts) {
                    run(layer[0], layer[1], pattern, threads, seconds);
                }
            }
        }
    }

    private static void run(int ks, int pad, String pattern, int threads, double seconds) {
        int c = 64, k = 64, h = 56, w = 56;
        int unitChannels = 4, unitPixels = 64, block = 8;
        Random rnd = new Random(1);
        float[] x = new float[c * h * w];
        for (int i = 0; i < x.length; i++) {
            float v = rnd.nextFloat() * 2f - 1f;
            x[i] = pattern.equals("relu") ? Math.max(v, 0f) : v == 0f ? 0.5f : v;
        }
        int groups = c / unitChannels;
        int dead = pattern.equals("dead-50") ? groups / 2 : pattern.equals("dead-90") ? (groups * 9 + 5) / 10 : 0;
        for (int g = 0; g < dead; g++) {
            java.util.Arrays.fill(x, g * unitChannels * h * w, (g + 1) * unitChannels * h * w, 0f);
        }
        float[] wt = new float[k * c * ks * ks];
        for (int i = 0; i < wt.length; i++) {
            wt[i] = rnd.nextFloat() - 0.5f;
        }
        float[] bias = new float[k];
        PackedConv packed = Conv2d.pack(wt, 0, k, c, ks, ks, 1);
        boolean[] mask = new boolean[Masks.length(1, c, h * w, block)];
        ExecutionContext ctx = new ExecutionContext(ThreadPool.of(threads));
        Masks.build(ctx, x, 0, 1, c, h * w, mask, 0, block);
        SparseConvPlan plan = SparseConv2d.plan(1, c, h, w, k, h, w, ks, ks, 1, 1, pad, pad, 1, 1, 1,
                unitChannels, unitPixels, block);
        float[] y = new float[k * h * w];
        boolean[] yMask = new boolean[Masks.length(1, k, h * w, 32)];
        Runnable dense = () -> Conv2d.run(ctx, x, 0, y, 0, packed, bias, 1, c, h, w, k, h, w, ks, ks, 1, 1, pad, pad,
                1, 1, 1, Epilogue.RELU, 0f, 0f, null, 0);
        Runnable denseMasked = () -> Conv2d.run(ctx, x, 0, y, 0, packed, bias, 1, c, h, w, k, h, w, ks, ks, 1, 1,
                pad, pad, 1, 1, 1, Epilogue.RELU, 0f, 0f, null, 0, yMask, 0, 32);
        Runnable sparse = () -> SparseConv2d.run(ctx, plan, packed, x, 0, mask, 0, y, 0, bias, Epilogue.RELU, 0f, 0f,
                null, 0, yMask, 0, 32);
        double d = best(dense, seconds);
        double dm = best(denseMasked, seconds);
        double s = best(sparse, seconds);
        Profile profile = new Profile();
        ctx.setProfile(profile);
        Profiler.begin(ctx, 0);
        sparse.run();
        Profiler.end(ctx, 0);
        ctx.setProfile(null);
        System.out.printf("%-8s %-10s %7d %7.1f%% %10.3f %10.3f %10.3f %7.2fx%n", ks + "x" + ks, pattern, threads,
                100.0 * profile.unitsLive(0) / profile.unitsTotal(0), d / 1e6, dm / 1e6, s / 1e6, d / s);
    }

    /** Best time in ns of one call after a warm-up (the machine is shared: best, not mean). */
    private static double best(Runnable r, double seconds) {
        long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
        while (System.nanoTime() < warmEnd) {
            r.run();
        }
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long best = Long.MAX_VALUE;
        long now;
        do {
            long t0 = System.nanoTime();
            r.run();
            now = System.nanoTime();
            best = Math.min(best, now - t0);
        } while (now < end);
        return best;
    }
}
