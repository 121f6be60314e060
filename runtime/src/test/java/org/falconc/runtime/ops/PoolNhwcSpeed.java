package org.falconc.runtime.ops;

import java.util.Random;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;

/**
 * Prints ms per call and GB/s (floats read once plus floats written, over the best call) of the
 * channels-last kernels next to their NCHW equivalents: max pool 3x3/2 on ResNet's and SqueezeNet's
 * shapes, GlobalAveragePool on ResNet-50's last feature map, and the reorders at a network's input and
 * on a 64-channel map (against Transpose). Not a test: run it by hand, e.g.
 * <pre>
 * java -cp runtime/target/classes:runtime/target/test-classes \
 *     org.falconc.runtime.ops.PoolNhwcSpeed [seconds-per-case] [threads...]
 * </pre>
 */
public final class PoolNhwcSpeed {

    private PoolNhwcSpeed() {
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
        System.out.println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + "), " + Runtime.getRuntime().availableProcessors() + " processors");
        System.out.printf("%-40s %7s %10s %8s%n", "case", "threads", "ms", "GB/s");
        for (int threads : threadCounts) {
            ExecutionContext ctx = new ExecutionContext(ThreadPool.of(threads));
            maxPools(ctx, seconds, 112, 64, 1, 56);  // ResNet: 3x3/2, pads 1
            maxPools(ctx, seconds, 55, 96, 0, 27);   // SqueezeNet: 3x3/2, no pads
            globalAverage(ctx, seconds, 7, 2048);
            reorders(ctx, seconds, 3, 224);
            reorders(ctx, seconds, 64, 56);
            reorders(ctx, seconds, 64, 224); // 12.8 MB each way: out of cache, memory bandwidth bound
        }
    }

    private static void maxPools(ExecutionContext ctx, double seconds, int s, int c, int pad, int o) {
        float[] x = random(s * s * c);
        float[] y = new float[o * o * c];
        long bytes = 4L * (x.length + y.length);
        String shape = "[1," + s + "," + s + "," + c + "]";
        report("maxPool 3x3/2 NHWC " + shape, ctx, bytes, time(seconds, () -> PoolNhwc.maxPool(ctx, x, 0, y, 0, 1, c,
                s, s, o, o, 3, 3, 2, 2, pad, pad, 1, 1, c, c)));
        report("maxPool 3x3/2 NCHW Pool2d " + shape, ctx, bytes, time(seconds, () -> Pool2d.maxPool(ctx, x, 0, y, 0,
                c, s, s, o, o, 3, 3, 2, 2, pad, pad, 1, 1)));
        report("averagePool 3x3/2 NHWC " + shape, ctx, bytes, time(seconds, () -> PoolNhwc.averagePool(ctx, x, 0, y,
                0, 1, c, s, s, o, o, 3, 3, 2, 2, pad, pad, 1, 1, false, c, c)));
        report("averagePool 3x3/2 NCHW Pool2d " + shape, ctx, bytes, time(seconds, () -> Pool2d.averagePool(ctx, x,
                0, y, 0, c, s, s, o, o, 3, 3, 2, 2, pad, pad, pad, pad, 1, 1, false)));
    }

    private static void globalAverage(ExecutionContext ctx, double seconds, int s, int c) {
        float[] x = random(s * s * c);
        float[] y = new float[c];
        long bytes = 4L * (x.length + y.length);
        String shape = "[1," + s + "," + s + "," + c + "]";
        report("globalAveragePool NHWC " + shape, ctx, bytes, time(seconds, () -> PoolNhwc.globalAveragePool(ctx, x,
                0, y, 0, 1, c, s * s, c)));
        report("globalAveragePool NCHW Pool2d " + shape, ctx, bytes, time(seconds, () -> Pool2d.globalAveragePool(ctx,
                x, 0, y, 0, c, s * s)));
    }

    private static void reorders(ExecutionContext ctx, double seconds, int c, int s) {
        float[] x = random(c * s * s);
        float[] y = new float[x.length];
        long bytes = 8L * x.length;
        String shape = "[1," + c + "," + s + "," + s + "]";
        int[] nchw = {1, c, s, s};
        int[] nhwc = {1, s, s, c};
        report("Reorder.toNhwc " + shape, ctx, bytes, time(seconds, () -> Reorder.toNhwc(ctx, x, 0, y, 0, 1, c, s * s,
                c)));
        report("Transpose 0,2,3,1 " + shape, ctx, bytes, time(seconds, () -> Transpose.run(x, 0, y, 0, nchw,
                new int[] {0, 2, 3, 1})));
        report("Reorder.toNchw " + shape, ctx, bytes, time(seconds, () -> Reorder.toNchw(ctx, x, 0, y, 0, 1, c, s * s,
                c)));
        report("Transpose 0,3,1,2 " + shape, ctx, bytes, time(seconds, () -> Transpose.run(x, 0, y, 0, nhwc,
                new int[] {0, 3, 1, 2})));
        report("System.arraycopy (bandwidth) " + shape, ctx, bytes, time(seconds, () -> System.arraycopy(x, 0, y, 0,
                x.length)));
    }

    private static void report(String what, ExecutionContext ctx, long bytes, long nanos) {
        System.out.printf("%-40s %7d %10.4f %8.2f%n", what, ctx.threads(), nanos / 1e6, bytes / (double) nanos);
    }

    /** The best call's nanoseconds after a warm-up of half the time (the machine is shared). */
    private static long time(double seconds, Runnable call) {
        long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
        while (System.nanoTime() < warmEnd) {
            call.run();
        }
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long best = Long.MAX_VALUE;
        long now;
        do {
            long t0 = System.nanoTime();
            call.run();
            now = System.nanoTime();
            best = Math.min(best, now - t0);
        } while (now < end);
        return best;
    }

    private static float[] random(int n) {
        Random rnd = new Random(1);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return v;
    }
}
