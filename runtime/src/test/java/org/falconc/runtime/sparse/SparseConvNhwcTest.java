package org.falconc.runtime.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import org.falconc.runtime.Approx;
import org.falconc.runtime.Epilogue;
import org.falconc.runtime.ExactSums;
import org.falconc.runtime.conv.ConvNhwc;
import org.falconc.runtime.conv.ConvNhwcLayer;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;
import org.junit.jupiter.api.Test;

class SparseConvNhwcTest {

    private static final ThreadPool ONE = ThreadPool.of(1);
    private static final ThreadPool TWO = ThreadPool.of(2);
    private static final int[] CHANNELS = {1, 3, 16, 17, 48, 64, 70, 130};
    private static final double[] ZERO_FRACTIONS = {0, 0.3, 0.6, 0.9, 1.0};
    private static final int[] ACTIVATIONS = {
        Epilogue.NONE, Epilogue.RELU, Epilogue.CLIP, Epilogue.LEAKY_RELU, Epilogue.HARD_SWISH, Epilogue.SIGMOID,
        Epilogue.THRESHOLDED_RELU,
    };
    /** Written to y before each run: elements outside the output channels must keep it. */
    private static final float UNTOUCHED = 1234.5f;

    static float p0(int act) {
        return act == Epilogue.THRESHOLDED_RELU ? 0.2f : Approx.p0(act);
    }

    /** One problem: a sparse NHWC input at an offset of a larger array, its bits, the naive result. */
    static final class Case {
        final int n, c, h, w, k, r, s, sh, sw, pt, pl, dh, dw, group, act, ips, ops, oh, ow;
        final int xOff = 3, yOff = 2, resOff = 5, bitsOff = 7;
        final double zeros;
        final float[] x, weights, bias, residual;
        final ExactSums expected;
        final long[] bits;

        /**
         * x has a fraction {@code zeros} of zero elements (+0.0 and -0.0) among random values; the channels
         * between a pixel's C and the next pixel are NaN (never read). With {@code dropLive}, bits of some
         * non-zero elements are cleared too: the kernel must take them as zero.
         */
        Case(Random rnd, int n, int c, int h, int w, int k, int r, int s, int sh, int sw, int pt, int pl, int pb,
             int pr, int dh, int dw, int group, int act, boolean bias, boolean residual, int ips, int ops,
             double zeros, boolean dropLive) {
            this.n = n;
            this.c = c;
            this.h = h;
            this.w = w;
            this.k = k;
            this.r = r;
            this.s = s;
            this.sh = sh;
            this.sw = sw;
            this.pt = pt;
            this.pl = pl;
            this.dh = dh;
            this.dw = dw;
            this.group = group;
            this.act = act;
            this.ips = ips;
            this.ops = ops;
            this.zeros = zeros;
            this.oh = (h + pt + pb - dh * (r - 1) - 1) / sh + 1;
            this.ow = (w + pl + pr - dw * (s - 1) - 1) / sw + 1;
            assertTrue(oh >= 1 && ow >= 1, "window larger than the padded input");
            int pixels = n * h * w;
            this.x = Approx.random(rnd, xOff + pixels * ips + 4);
            for (int p = 0; p < pixels; p++) {
                for (int ci = 0; ci < ips; ci++) {
                    int i = xOff + p * ips + ci;
                    if (ci >= c) {
                        x[i] = Float.NaN;
                    } else if (rnd.nextDouble() < zeros) {
                        x[i] = rnd.nextBoolean() ? 0f : -0f;
                    } else if (x[i] == 0f) {
                        x[i] = 0.5f;
                    }
                }
            }
            this.bits = new long[bitsOff + ActivationBits.words(pixels, c) + 2];
            Arrays.fill(bits, 0xdeadbeefL); // words outside the tensor's must not matter
            ActivationBits.build(x, xOff, 0, pixels, c, ips, bits, bitsOff);
            if (dropLive) {
                int wpp = ActivationBits.wordsPerPixel(c);
                for (int i = bitsOff; i < bitsOff + pixels * wpp; i++) {
                    bits[i] &= rnd.nextLong();
                }
            }
            this.weights = Approx.random(rnd, k * (c / group) * r * s);
            this.bias = bias ? Approx.random(rnd, k) : null;
            this.residual = residual ? Approx.random(rnd, resOff + n * oh * ow * k) : null;
            this.expected = NaiveSparseConvNhwc.conv(x, xOff, ips, bits, bitsOff, weights, this.bias, this.residual,
                    resOff, n, c, h, w, k, oh, ow, r, s, sh, sw, pt, pl, dh, dw, group);
        }

        float[] newOutput() {
            float[] y = new float[yOff + n * oh * ow * ops + 3];
            Arrays.fill(y, UNTOUCHED);
            return y;
        }

        ConvNhwcLayer layer() {
            float[] packed = new float[ConvNhwc.packedLength(k, c, r, s, group)];
            ConvNhwc.packInto(weights, 0, k, c, r, s, group, packed);
            int variant = ConvNhwc.chooseVariant(n, c, h, w, k, oh, ow, r, s, sh, sw, pt, pl, dh, dw, group);
            return ConvNhwc.prepacked(packed, n, c, h, w, k, oh, ow, r, s, sh, sw, pt, pl, dh, dw, group, ips, ops,
                    variant);
        }

        float[] runSparse(SparseNhwcKernel kernel, ThreadPool pool, ConvNhwcLayer layer) {
            float[] y = newOutput();
            // The output's bits too, from the store epilogue (or the pass after it): 2 guard words either side.
            int words = ActivationBits.words(n * oh * ow, k);
            long[] outBits = new long[words + 4];
            Arrays.fill(outBits, 0x5a5a5a5a5a5a5a5aL);
            SparseConvNhwc.run(new ExecutionContext(pool), kernel, layer, x, xOff, bits, bitsOff, y, yOff, bias,
                    act, p0(act), Approx.p1(act), residual, resOff, outBits, 2);
            long[] expectedBits = new long[words + 4];
            Arrays.fill(expectedBits, 0x5a5a5a5a5a5a5a5aL);
            ActivationBits.build(y, yOff, 0, n * oh * ow, k, ops, expectedBits, 2);
            assertArrayEquals(expectedBits, outBits, this + " " + kernel.name() + " threads " + pool.threads()
                    + ": output bits");
            return y;
        }

        float[] runDense(ConvNhwcLayer layer) {
            float[] y = newOutput();
            ConvNhwc.run(new ExecutionContext(ONE), layer, x, xOff, y, yOff, bias, act, p0(act), Approx.p1(act),
                    residual, resOff);
            return y;
        }

        /**
         * Vector and scalar kernels, 1 and 2 threads, against the naive twin; with {@code againstDense} (the
         * bits are those of x) the dense kernel too, which then computes the same sums.
         */
        void checkAll(boolean againstDense) {
            ConvNhwcLayer layer = layer();
            if (againstDense) {
                check(runDense(layer), this + " " + layer + " dense kernel");
            }
            for (SparseNhwcKernel kernel : new SparseNhwcKernel[] {SparseKernels.conv(), new ScalarSparseNhwcKernel()}) {
                for (ThreadPool pool : new ThreadPool[] {ONE, TWO}) {
                    float[] y = runSparse(kernel, pool, layer);
                    check(y, this + " " + layer + " " + kernel.name() + " threads " + pool.threads());
                }
            }
        }

        private void check(float[] y, String what) {
            for (int i = 0; i < y.length; i++) {
                int rel = i - yOff;
                int pixel = Math.floorDiv(rel, ops);
                int oc = rel - pixel * ops;
                boolean output = rel >= 0 && pixel < n * oh * ow && oc < k;
                if (!output) {
                    if (Float.floatToRawIntBits(y[i]) != Float.floatToRawIntBits(UNTOUCHED)) {
                        fail(what + ": element " + i + " outside the output channels changed to " + y[i]);
                    }
                    continue;
                }
                expected.check(pixel * k + oc, y[i], act, p0(act), Approx.p1(act),
                        what + ": pixel " + pixel + " channel " + oc);
            }
        }

        @Override
        public String toString() {
            return "N" + n + " " + h + "x" + w + "x" + c + " K" + k + " " + r + "x" + s + " stride " + sh + "," + sw
                    + " pads " + pt + "," + pl + " -> " + oh + "x" + ow + " dil " + dh + "," + dw + " group " + group
                    + " act " + act + (bias != null ? " +bias" : "") + (residual != null ? " +res" : "")
                    + " strides " + ips + "," + ops + " zeros " + zeros;
        }
    }

    private static int pick(Random rnd, int[] values) {
        return values[rnd.nextInt(values.length)];
    }

    @Test
    void randomShapesMatchNaiveAndDense() {
        Random rnd = new Random(20240612);
        int done = 0;
        for (int trial = 0; done < 80; trial++) {
            int group = 1;
            int c;
            int k;
            if (trial % 4 == 3) { // grouped
                group = 2;
                c = 2 * pick(rnd, new int[] {3, 16, 17, 35, 65}); // 1 would be depthwise
                k = 2 * pick(rnd, new int[] {1, 3, 16, 17, 35});
            } else {
                c = pick(rnd, CHANNELS);
                k = pick(rnd, CHANNELS);
            }
            int r = trial % 5 == 0 ? 1 : 1 + rnd.nextInt(3);
            int s = trial % 5 == 0 ? 1 : 1 + rnd.nextInt(3);
            int h = 1 + rnd.nextInt(11);
            int w = 1 + rnd.nextInt(11);
            int sh = 1 + rnd.nextInt(2);
            int sw = 1 + rnd.nextInt(2);
            int dh = rnd.nextInt(4) == 0 ? 2 : 1;
            int dw = rnd.nextInt(4) == 0 ? 2 : 1;
            int pt = rnd.nextInt(3), pl = rnd.nextInt(3), pb = rnd.nextInt(3), pr = rnd.nextInt(3);
            if (h + pt + pb - dh * (r - 1) - 1 < 0 || w + pl + pr - dw * (s - 1) - 1 < 0) {
                continue;
            }
            int ips = c + (rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(5) : 0);
            int ops = k + (rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(5) : 0);
            new Case(rnd, 1 + rnd.nextInt(2), c, h, w, k, r, s, sh, sw, pt, pl, pb, pr, dh, dw, group,
                    ACTIVATIONS[trial % ACTIVATIONS.length], rnd.nextBoolean(), rnd.nextInt(3) == 0, ips, ops,
                    ZERO_FRACTIONS[trial % ZERO_FRACTIONS.length], false).checkAll(true);
            done++;
        }
    }

    @Test
    void typicalLayersAtEveryZeroFraction() {
        Random rnd = new Random(17);
        for (double z : ZERO_FRACTIONS) {
            // 3x3 pad 1 with residual and ReLU, batch 2; C = 130 takes several channel chunks per tap.
            new Case(rnd, 2, 64, 9, 11, 64, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, Epilogue.RELU, true, true, 64, 64,
                    z, false).checkAll(true);
            new Case(rnd, 1, 130, 7, 6, 70, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, Epilogue.NONE, true, false, 133, 72,
                    z, false).checkAll(true);
            // 1x1 (squeeze, expand), 1x1 stride 2.
            new Case(rnd, 2, 48, 7, 7, 130, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, Epilogue.CLIP, true, true, 48, 130,
                    z, false).checkAll(true);
            new Case(rnd, 1, 70, 9, 8, 17, 1, 1, 2, 2, 0, 0, 0, 0, 1, 1, 1, Epilogue.SIGMOID, false, true, 70, 17,
                    z, false).checkAll(true);
            // Stride 2 asymmetric pads, dilation 2, groups 2 (the second group's channels straddle a bit word).
            new Case(rnd, 1, 17, 12, 13, 48, 3, 3, 2, 2, 0, 1, 1, 0, 1, 1, 1, Epilogue.HARD_SWISH, true, false, 17,
                    48, z, false).checkAll(true);
            new Case(rnd, 1, 16, 13, 13, 17, 3, 3, 1, 1, 2, 2, 2, 2, 2, 2, 1, Epilogue.LEAKY_RELU, true, true, 16,
                    17, z, false).checkAll(true);
            new Case(rnd, 2, 130, 6, 7, 34, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 2, Epilogue.THRESHOLDED_RELU, true, true,
                    131, 34, z, false).checkAll(true);
            // First-layer shape: 3 channels, 7x7 stride 2.
            new Case(rnd, 1, 3, 15, 13, 16, 7, 7, 2, 2, 3, 3, 3, 3, 1, 1, 1, Epilogue.RELU, true, false, 3, 16,
                    z, false).checkAll(true);
        }
    }

    @Test
    void clearedBitsCountAsZero() {
        Random rnd = new Random(23);
        // Bits cleared at random on non-zero elements: the kernel must follow the bits, not the values.
        new Case(rnd, 2, 70, 8, 9, 64, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, Epilogue.NONE, true, false, 70, 64, 0.3,
                true).checkAll(false);
        new Case(rnd, 1, 130, 5, 6, 34, 3, 3, 2, 1, 1, 0, 1, 1, 1, 2, 2, Epilogue.RELU, false, true, 132, 36, 0,
                true).checkAll(false);
    }

    @Test
    void depthwiseStaysDense() {
        float[] packed = new float[ConvNhwc.packedLength(16, 16, 3, 3, 16)];
        ConvNhwcLayer layer = ConvNhwc.prepacked(packed, 1, 16, 5, 5, 16, 5, 5, 3, 3, 1, 1, 1, 1, 1, 1, 16, 16, 16,
                ConvNhwc.DEPTHWISE);
        assertTrue(!SparseConvNhwc.supports(layer));
        assertEquals(1.0, SparseConvNhwc.breakEven(layer));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparseConvNhwc.run(
                new ExecutionContext(ONE), layer, new float[400], 0, new long[25], 0, new float[400], 0, null,
                Epilogue.NONE, 0, 0, null, 0));
        assertTrue(e.getMessage().contains("depthwise"), e.getMessage());
    }

    @Test
    void rejectsShortArrays() {
        float[] packed = new float[ConvNhwc.packedLength(16, 8, 3, 3, 1)];
        ConvNhwcLayer layer = ConvNhwc.prepacked(packed, 1, 8, 5, 5, 16, 5, 5, 3, 3, 1, 1, 1, 1, 1, 1, 1, 8, 16,
                ConvNhwc.DIRECT_12X1);
        ExecutionContext ctx = new ExecutionContext(ONE);
        assertThrows(IllegalArgumentException.class, () -> SparseConvNhwc.run(ctx, layer, new float[200], 0,
                new long[24], 0, new float[400], 0, null, Epilogue.NONE, 0, 0, null, 0)); // 25 bit words needed
        assertThrows(IllegalArgumentException.class, () -> SparseConvNhwc.run(ctx, layer, new float[199], 0,
                new long[25], 0, new float[400], 0, null, Epilogue.NONE, 0, 0, null, 0)); // input too short
        SparseConvNhwc.run(ctx, layer, new float[200], 0, new long[25], 0, new float[400], 0, null, Epilogue.NONE,
                0, 0, null, 0);
    }

    @Test
    void breakEvenIsAFractionAndFavoursLargeReductions() {
        double small = SparseConvNhwc.breakEven(layer(16, 55, 64, 3));
        double large = SparseConvNhwc.breakEven(layer(256, 14, 256, 3));
        for (double z : new double[] {small, large}) {
            assertTrue(z > 0 && z < 1, "break-even " + z);
        }
        assertTrue(large <= small, "256-channel 3x3 " + large + " vs 16-channel " + small);
    }

    private static ConvNhwcLayer layer(int c, int hw, int k, int r) {
        int pad = r / 2;
        float[] packed = new float[ConvNhwc.packedLength(k, c, r, r, 1)];
        int variant = ConvNhwc.chooseVariant(1, c, hw, hw, k, hw, hw, r, r, 1, 1, pad, pad, 1, 1, 1);
        return ConvNhwc.prepacked(packed, 1, c, hw, hw, k, hw, hw, r, r, 1, 1, pad, pad, 1, 1, 1, c, k, variant);
    }
}
