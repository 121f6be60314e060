package org.falconc.runtime.conv;

import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.falconc.runtime.Epilogue;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;

/**
 * Prints GFLOP/s and % of the machine's FMA peak of {@link ConvNhwc} on ResNet-50, MobileNetV2 and
 * SqueezeNet layers at 1 and 2 threads. Not a test: run it by hand, e.g.
 * <pre>
 * java --add-modules jdk.incubator.vector -cp runtime/target/classes:runtime/target/test-classes \
 *     org.falconc.runtime.conv.ConvNhwcSpeed [seconds-per-layer] [variant or -1] [threads threads2] [peak]
 * </pre>
 * The peak is one core's: a Vector API loop of 12 independent FMA chains (enough to cover the FMA
 * latency on two pipes), best of several runs, re-measured before each layer's line (the machine is
 * shared: a busy moment lowers it). Each layer reports its best call. System property
 * {@code layers} (comma-separated substrings of the layer names, e.g. {@code -Dlayers=dw,1x1}) selects layers;
 * a forced variant applies to the layers it fits (depthwise variants to depthwise layers, direct ones to the rest).
 */
public final class ConvNhwcSpeed {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    /** name, c, h, w, k, r, s, stride, pad, group. */
    private static final Object[][] LAYERS = {
        {"3x3 64->64 56x56", 64, 56, 56, 64, 3, 3, 1, 1, 1},
        {"3x3 128->128 28x28", 128, 28, 28, 128, 3, 3, 1, 1, 1},
        {"3x3 256->256 14x14", 256, 14, 14, 256, 3, 3, 1, 1, 1},
        {"3x3 512->512 7x7", 512, 7, 7, 512, 3, 3, 1, 1, 1},
        {"1x1 64->256 56x56", 64, 56, 56, 256, 1, 1, 1, 0, 1},
        {"1x1 1024->256 14x14", 1024, 14, 14, 256, 1, 1, 1, 0, 1},
        {"1x1 256->1024 14x14", 256, 14, 14, 1024, 1, 1, 1, 0, 1},
        {"7x7/2 3->64 224x224", 3, 224, 224, 64, 7, 7, 2, 3, 1},
        {"dw 3x3 144 56x56", 144, 56, 56, 144, 3, 3, 1, 1, 144},
        {"fire 3x3 16->64 55x55", 16, 55, 55, 64, 3, 3, 1, 1, 1},
        {"fire 1x1 64->16 55x55", 64, 55, 55, 16, 1, 1, 1, 0, 1},
        {"dw 3x3 96 112x112 s2", 96, 112, 112, 96, 3, 3, 2, 1, 96},
        {"dw 3x3 576 14x14", 576, 14, 14, 576, 3, 3, 1, 1, 576},
        {"dw 3x3 960 7x7", 960, 7, 7, 960, 3, 3, 1, 1, 960},
        {"dw 3x3 32 112x112", 32, 112, 112, 32, 3, 3, 1, 1, 32},
        {"sq 1x1 128->16 55x55", 128, 55, 55, 16, 1, 1, 1, 0, 1},
        {"sq 1x1 128->32 27x27", 128, 27, 27, 32, 1, 1, 1, 0, 1},
        {"sq 1x1 256->32 27x27", 256, 27, 27, 32, 1, 1, 1, 0, 1},
        {"sq 1x1 384->48 13x13", 384, 13, 13, 48, 1, 1, 1, 0, 1},
        {"sq 1x1 512->64 13x13", 512, 13, 13, 64, 1, 1, 1, 0, 1},
        {"pj 1x1 96->24 56x56", 96, 56, 56, 24, 1, 1, 1, 0, 1},
        {"pj 1x1 144->24 56x56", 144, 56, 56, 24, 1, 1, 1, 0, 1},
        {"pj 1x1 192->32 28x28", 192, 28, 28, 32, 1, 1, 1, 0, 1},
        {"pj 1x1 384->64 14x14", 384, 14, 14, 64, 1, 1, 1, 0, 1},
        {"pj 1x1 576->96 14x14", 576, 14, 14, 96, 1, 1, 1, 0, 1},
        {"pj 1x1 960->160 7x7", 960, 7, 7, 160, 1, 1, 1, 0, 1},
    };

    private ConvNhwcSpeed() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        int forced = args.length > 1 ? Integer.parseInt(args[1]) : -1;
        int threads1 = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int threads2 = args.length > 3 ? Integer.parseInt(args[3]) : args.length > 2 ? 0 : 2;
        boolean knownPeak = args.length > 4; // a known peak, GFLOP/s per core
        double peak = knownPeak ? Double.parseDouble(args[4]) : fmaPeak();
        System.out.printf("java %s, %s, kernel %s: FMA peak %.1f GFLOP/s per core%n",
                System.getProperty("java.version"), S, NhwcKernels.best().name(), peak);
        System.out.printf("%-24s %-14s %10s %7s %10s %7s%n", "layer", "variant", threads1 + "T GF/s", "%peak",
                threads2 + "T GF/s", "%peak");
        String[] only = System.getProperty("layers", "").isEmpty() ? null : System.getProperty("layers").split(",");
        for (Object[] layer : LAYERS) {
            if (only != null && java.util.Arrays.stream(only).noneMatch(((String) layer[0])::contains)) {
                continue;
            }
            int[] g = new int[9];
            for (int i = 0; i < 9; i++) {
                g[i] = (Integer) layer[i + 1];
            }
            int c = g[0], h = g[1], w = g[2], k = g[3], r = g[4], s = g[5], stride = g[6], pad = g[7], group = g[8];
            int oh = (h + 2 * pad - r) / stride + 1;
            int ow = (w + 2 * pad - s) / stride + 1;
            int variant = ConvNhwc.chooseVariant(1, c, h, w, k, oh, ow, r, s, stride, stride, pad, pad, 1, 1, group);
            if (forced >= 0 && ConvNhwc.isDepthwiseVariant(forced) == ConvNhwc.isDepthwise(c, group)) {
                variant = forced;
            }
            Random rnd = new Random(1);
            float[] x = random(rnd, h * w * c);
            float[] wts = random(rnd, k * c / group * r * s);
            float[] bias = random(rnd, k);
            float[] y = new float[oh * ow * k];
            float[] packed = new float[ConvNhwc.packedLength(k, c, r, s, group)];
            ConvNhwc.packInto(wts, 0, k, c, r, s, group, packed);
            ConvNhwcLayer l = ConvNhwc.prepacked(packed, 1, c, h, w, k, oh, ow, r, s, stride, stride, pad, pad, 1, 1,
                    group, c, k, variant);
            double flops = 2.0 * oh * ow * k * (c / group) * r * s;
            double g1 = flops / bestNanos(new ExecutionContext(ThreadPool.of(threads1)), l, x, y, bias, seconds);
            double g2 = threads2 < 1 ? 0
                    : flops / bestNanos(new ExecutionContext(ThreadPool.of(threads2)), l, x, y, bias, seconds);
            if (!knownPeak) {
                peak = Math.max(peak, fmaPeak()); // the machine is shared: the best peak seen so far
            }
            System.out.printf("%-24s %-14s %10.1f %6.0f%% %10.1f %6.0f%%%n", layer[0], ConvNhwc.variantName(variant),
                    g1, 100 * g1 / (threads1 * peak), g2, threads2 < 1 ? 0 : 100 * g2 / (threads2 * peak));
        }
    }

    private static double bestNanos(ExecutionContext ctx, ConvNhwcLayer l, float[] x, float[] y, float[] bias,
                                    double seconds) {
        long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
        while (System.nanoTime() < warmEnd) {
            ConvNhwc.run(ctx, l, x, 0, y, 0, bias, Epilogue.RELU, 0, 0, null, 0);
        }
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long best = Long.MAX_VALUE;
        long now;
        do {
            long t0 = System.nanoTime();
            ConvNhwc.run(ctx, l, x, 0, y, 0, bias, Epilogue.RELU, 0, 0, null, 0);
            now = System.nanoTime();
            best = Math.min(best, now - t0);
        } while (now < end);
        return best;
    }

    /** One core's FMA throughput: 12 independent chains, best of a few timed runs after warm-up. */
    static double fmaPeak() {
        float[] seed = new float[S.length()];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = 1f + i * 1e-7f;
        }
        int iterations = 2_000_000;
        double best = 0;
        float sink = 0;
        for (int run = 0; run < 40; run++) {
            long t0 = System.nanoTime();
            sink += chains(seed, iterations);
            long t = System.nanoTime() - t0;
            best = Math.max(best, 2.0 * 12 * S.length() * iterations / t);
        }
        if (sink == 42f) {
            System.out.println(); // keeps the result alive
        }
        return best;
    }

    private static float chains(float[] seed, int iterations) {
        FloatVector m = FloatVector.fromArray(S, seed, 0);
        FloatVector a = FloatVector.broadcast(S, 1e-7f);
        FloatVector c0 = m, c1 = m.mul(0.5f), c2 = m.mul(0.25f), c3 = m.mul(0.125f), c4 = m.mul(2f), c5 = m.mul(3f);
        FloatVector c6 = m.mul(4f), c7 = m.mul(5f), c8 = m.mul(6f), c9 = m.mul(7f), c10 = m.mul(8f), c11 = m.mul(9f);
        for (int i = 0; i < iterations; i++) {
            c0 = c0.fma(m, a);
            c1 = c1.fma(m, a);
            c2 = c2.fma(m, a);
            c3 = c3.fma(m, a);
            c4 = c4.fma(m, a);
            c5 = c5.fma(m, a);
            c6 = c6.fma(m, a);
            c7 = c7.fma(m, a);
            c8 = c8.fma(m, a);
            c9 = c9.fma(m, a);
            c10 = c10.fma(m, a);
            c11 = c11.fma(m, a);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    private static float[] random(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextFloat() - 0.5f;
        }
        return a;
    }
}
