package org.falconc.runtime.sparse;

import java.util.Arrays;
import java.util.Random;
import org.falconc.runtime.Epilogue;
import org.falconc.runtime.conv.ConvNhwc;
import org.falconc.runtime.conv.ConvNhwcLayer;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;

/**
 * Times {@link SparseConvNhwc} (with its {@link ActivationBits#build}) against the dense
 * {@link ConvNhwc#run} on SqueezeNet- and ResNet-like layers at several zero fractions, with zeros
 * placed at random and in spatially correlated blobs, and prints the time ratio, GFLOP/s of the
 * executed (live) MACs, the measured break-even (ratio 1, interpolated) and the cost model's.
 * Not a test: run it by hand, e.g.
 * <pre>
 * java --add-modules jdk.incubator.vector -cp runtime/target/classes:runtime/target/test-classes \
 *     org.falconc.runtime.sparse.SparseConvNhwcSpeed [seconds-per-measurement] [threads] [layer-name-filter]
 * </pre>
 * Each measurement reports its best call (the machine is shared).
 *
 * <p>Measured (JDK 17.0.15, AMD EPYC Zen 5 AVX-512, 1 thread, shared machine), with the 64-channel
 * weight panels and 128-channel blocks: dense 176-213 GFLOP/s; sparse 60-73 GFLOP/s of live MACs at
 * 30% zeros (eff 0.32-0.37 of dense), 34-45 at 85% (fixed per-call costs; before: 40-62 and 26-42);
 * bits 0.1 ns per element. Sparse/dense time at 0.3/0.5/0.7/0.85 zeros (break-even): 3x3 128->128
 * 1.85/1.45/1.0/0.65 (0.70), 3x3 64->256 13x13 1.8/1.4-1.6/1.0/0.6-0.67 (0.69-0.71), 1x1 512->1000
 * 2.0/1.5/1.1/0.7 (0.73), 3x3 32->128 1.8-2.1/1.4/1.07/0.72-0.88 (0.73-0.76), 3x3 64->64 56x56
 * 2.0/1.5/1.1/0.74 (0.74), 3x3 256->256 2.0/1.6/1.17/0.76-0.86 (0.76-0.78), 1x1 256->64
 * 2.1/1.6/1.2/0.83 (0.78), 3x3 16->64 never (1.7 at 0.85). Before (16-channel panels, same
 * machine): break-evens 0.71-0.90. Random and blob patterns agree within noise. SparseCostModel is
 * fitted to these runs.
 */
public final class SparseConvNhwcSpeed {

    /** name, c, h(=w), k, r(=s), pad. */
    private static final Object[][] LAYERS = {
        {"sq 3x3 16->64 55x55", 16, 55, 64, 3, 1},
        {"sq 3x3 32->128 27x27", 32, 27, 128, 3, 1},
        {"sq 3x3 64->256 13x13", 64, 13, 256, 3, 1},
        {"sq 1x1 512->1000 13x13", 512, 13, 1000, 1, 0},
        {"rn 3x3 64->64 56x56", 64, 56, 64, 3, 1},
        {"rn 3x3 128->128 28x28", 128, 28, 128, 3, 1},
        {"rn 3x3 256->256 14x14", 256, 14, 256, 3, 1},
        {"rn 1x1 256->64 56x56", 256, 56, 64, 1, 0},
    };
    private static final double[] ZEROS = {0.3, 0.5, 0.7, 0.85};

    private SparseConvNhwcSpeed() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 0.3;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        String filter = args.length > 2 ? args[2] : "";
        ExecutionContext ctx = new ExecutionContext(ThreadPool.of(threads));
        System.out.printf("java %s, sparse kernel %s, bits %s, %d thread(s)%n", System.getProperty("java.version"),
                SparseKernels.conv().name(), SparseKernels.bits().name(), threads);
        System.out.printf("%-24s %-10s %5s %8s %8s %8s %7s %8s %8s %6s%n", "layer", "pattern", "zeros", "dense ms",
                "sparse ms", "bits ms", "ratio", "live GF/s", "dense GF/s", "eff");
        for (Object[] spec : LAYERS) {
            if (!((String) spec[0]).contains(filter)) {
                continue;
            }
            int c = (Integer) spec[1], hw = (Integer) spec[2], k = (Integer) spec[3], r = (Integer) spec[4];
            int pad = (Integer) spec[5];
            Random rnd = new Random(1);
            float[] wts = new float[k * c * r * r];
            for (int i = 0; i < wts.length; i++) {
                wts[i] = rnd.nextFloat() - 0.5f;
            }
            float[] packed = new float[ConvNhwc.packedLength(k, c, r, r, 1)];
            ConvNhwc.packInto(wts, 0, k, c, r, r, 1, packed);
            int variant = ConvNhwc.chooseVariant(1, c, hw, hw, k, hw, hw, r, r, 1, 1, pad, pad, 1, 1, 1);
            ConvNhwcLayer layer = ConvNhwc.prepacked(packed, 1, c, hw, hw, k, hw, hw, r, r, 1, 1, pad, pad, 1, 1, 1,
                    c, k, variant);
            float[] bias = new float[k];
            float[] y = new float[hw * hw * k];
            long[] bits = new long[ActivationBits.words(hw * hw, c)];
            double macs = (double) hw * hw * k * c * r * r;
            float[] x0 = pattern(rnd, false, 0.5, hw, c);
            double dense = best(seconds, () -> ConvNhwc.run(ctx, layer, x0, 0, y, 0, bias, Epilogue.RELU, 0, 0, null, 0));
            for (boolean blobs : new boolean[] {false, true}) {
                double[] ratios = new double[ZEROS.length];
                for (int zi = 0; zi < ZEROS.length; zi++) {
                    float[] x = pattern(rnd, blobs, ZEROS[zi], hw, c);
                    double build = best(seconds, () -> ActivationBits.build(x, 0, 0, hw * hw, c, c, bits, 0));
                    long zeros = ActivationBits.build(x, 0, 0, hw * hw, c, c, bits, 0);
                    double sparse = best(seconds, () -> SparseConvNhwc.run(ctx, layer, x, 0, bits, 0, y, 0, bias,
                            Epilogue.RELU, 0, 0, null, 0));
                    ratios[zi] = (sparse + build) / dense;
                    double live = 2 * liveMacs(layer, bits) / sparse * 1e-9;
                    double denseRate = 2 * macs / dense * 1e-9;
                    // eff: the sparse kernel's live-MAC rate as a fraction of the dense kernel's MAC rate
                    System.out.printf("%-24s %-10s %5.2f %8.3f %8.3f %8.3f %7.2f %8.1f %8.1f %6.2f%n", spec[0],
                            blobs ? "blobs" : "random", (double) zeros / ((double) hw * hw * c), dense * 1e3,
                            sparse * 1e3, build * 1e3, ratios[zi], live, denseRate, live / denseRate);
                }
                System.out.printf("%-24s %-10s break-even: measured %s, model %.2f%n", spec[0],
                        blobs ? "blobs" : "random", crossing(ratios), SparseConvNhwc.breakEven(layer));
            }
        }
    }

    /** The zero fraction where the ratio crosses 1, linearly interpolated (extrapolated at the ends). */
    private static String crossing(double[] ratios) {
        for (int i = 0; i + 1 < ZEROS.length; i++) {
            if ((ratios[i] - 1) * (ratios[i + 1] - 1) <= 0) {
                return String.format("%.2f", interpolate(i, ratios));
            }
        }
        int i = ratios[0] < 1 ? 0 : ZEROS.length - 2;
        return String.format("~%.2f", interpolate(i, ratios));
    }

    private static double interpolate(int i, double[] ratios) {
        return ZEROS[i] + (1 - ratios[i]) * (ZEROS[i + 1] - ZEROS[i]) / (ratios[i + 1] - ratios[i]);
    }

    /**
     * x [hw, hw, c] with a fraction z of zeros: independent per element, or (blobs) where a blurred
     * noise field per channel falls below its z quantile (spatially correlated, as after ReLU).
     */
    static float[] pattern(Random rnd, boolean blobs, double z, int hw, int c) {
        float[] x = new float[hw * hw * c];
        if (!blobs) {
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextDouble() < z ? 0f : rnd.nextFloat() + 0.01f;
            }
            return x;
        }
        float[] field = new float[hw * hw];
        float[] blurred = new float[hw * hw];
        for (int ci = 0; ci < c; ci++) {
            for (int i = 0; i < field.length; i++) {
                field[i] = rnd.nextFloat();
            }
            for (int pass = 0; pass < 3; pass++) { // 3 box blurs: blobs of a few pixels
                for (int yy = 0; yy < hw; yy++) {
                    for (int xx = 0; xx < hw; xx++) {
                        float sum = 0;
                        int count = 0;
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                int a = yy + dy, b = xx + dx;
                                if (a >= 0 && a < hw && b >= 0 && b < hw) {
                                    sum += field[a * hw + b];
                                    count++;
                                }
                            }
                        }
                        blurred[yy * hw + xx] = sum / count;
                    }
                }
                System.arraycopy(blurred, 0, field, 0, field.length);
            }
            float[] sorted = field.clone();
            Arrays.sort(sorted);
            float threshold = sorted[Math.min(sorted.length - 1, (int) (z * sorted.length))];
            for (int p = 0; p < hw * hw; p++) {
                x[p * c + ci] = field[p] < threshold ? 0f : field[p];
            }
        }
        return x;
    }

    /** Multiply-adds with a live activation: per output pixel and tap, K times the live input channels. */
    static double liveMacs(ConvNhwcLayer l, long[] bits) {
        int wpp = ActivationBits.wordsPerPixel(l.inChannels());
        double live = 0;
        for (int oy = 0; oy < l.outHeight(); oy++) {
            for (int ox = 0; ox < l.outWidth(); ox++) {
                for (int ry = 0; ry < l.kernelH(); ry++) {
                    for (int sx = 0; sx < l.kernelW(); sx++) {
                        int iy = oy * l.strideH() - l.padTop() + ry * l.dilationH();
                        int ix = ox * l.strideW() - l.padLeft() + sx * l.dilationW();
                        if (iy < 0 || iy >= l.inHeight() || ix < 0 || ix >= l.inWidth()) {
                            continue;
                        }
                        int p = iy * l.inWidth() + ix;
                        for (int i = 0; i < wpp; i++) {
                            live += Long.bitCount(bits[p * wpp + i]);
                        }
                    }
                }
            }
        }
        return live * l.outChannels();
    }

    /**
     * Best seconds of one call: runs for the budget and then on until the best has not improved for
     * 20 calls and half the time spent, so a C2 compile that finishes late (the machine is shared; C1
     * code of the Vector API boxes every vector and runs 10-50x slower) is not measured.
     */
    private static double best(double seconds, Runnable call) {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long best = Long.MAX_VALUE;
        long improved = start;
        int since = 0;
        while (true) {
            long t = System.nanoTime();
            call.run();
            long now = System.nanoTime();
            if (now - t < best * 0.99) {
                best = now - t;
                improved = now;
                since = 0;
            } else {
                since++;
            }
            if (now >= end && since >= 20 && now - improved >= (now - start) / 2) {
                return best * 1e-9;
            }
        }
    }
}
