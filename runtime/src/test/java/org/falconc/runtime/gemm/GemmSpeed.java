package org.falconc.runtime.gemm;

import java.util.Random;
import org.falconc.runtime.Epilogue;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;

/**
 * Prints GEMM GFLOP/s on the ResNet-50 convolution shapes (M x K x N), for the vector and scalar
 * kernels at 1 and 2 threads. Not a test: run it by hand, e.g.
 * <pre>
 * java --add-modules jdk.incubator.vector -cp runtime/target/classes:runtime/target/test-classes \
 *     org.falconc.runtime.gemm.GemmSpeed [seconds-per-shape] [threads...]
 * </pre>
 */
public final class GemmSpeed {

    private static final int[][] SHAPES = {
        {64, 147, 12544}, {64, 576, 3136}, {128, 1152, 784}, {256, 2304, 196},
        {512, 4608, 49}, {256, 64, 3136}, {64, 256, 3136},
    };

    private GemmSpeed() {
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
        System.out.println("java " + System.getProperty("java.version") + ", best kernel: "
                + MicroKernels.best().name());
        MicroKernel[] kernels = {MicroKernels.best(), MicroKernels.scalar()};
        System.out.printf("%-18s %8s %8s %12s%n", "M x K x N", "threads", "kernel", "GFLOP/s");
        for (int[] s : SHAPES) {
            for (MicroKernel kernel : kernels) {
                for (int threads : threadCounts) {
                    double g = measure(kernel, s[0], s[1], s[2], threads, kernel instanceof ScalarMicroKernel ? seconds / 3 : seconds);
                    System.out.printf("%-18s %8d %8s %12.1f%n", s[0] + "x" + s[1] + "x" + s[2], threads,
                            kernel instanceof ScalarMicroKernel ? "scalar" : "vector", g);
                }
            }
        }
    }

    static double measure(MicroKernel kernel, int m, int k, int n, int threads, double seconds) {
        Random rnd = new Random(1);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        float[] bias = new float[m];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextFloat() - 0.5f;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextFloat() - 0.5f;
        }
        PackedMatrix pa = PackedMatrix.pack(a, 0, m, k, k);
        ExecutionContext ctx = new ExecutionContext(ThreadPool.of(threads));
        double flops = 2.0 * m * k * n;
        // Warm up (JIT), then time repeated calls.
        long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
        while (System.nanoTime() < warmEnd) {
            Gemm.multiplyRange(ctx, kernel, pa, 0, k, b, 0, n, n, c, 0, n, false, bias, Epilogue.RELU, 0, 0, null, 0);
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        double best = Double.MAX_VALUE;
        do {
            long t0 = System.nanoTime();
            Gemm.multiplyRange(ctx, kernel, pa, 0, k, b, 0, n, n, c, 0, n, false, bias, Epilogue.RELU, 0, 0, null, 0);
            now = System.nanoTime();
            best = Math.min(best, now - t0);
        } while (now < end);
        // Best call, not the mean: the machine is shared, and the best call is what the code can do.
        return flops / best; // flops per ns = GFLOP/s
    }
}
