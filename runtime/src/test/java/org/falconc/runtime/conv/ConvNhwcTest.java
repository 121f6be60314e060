package org.falconc.runtime.conv;

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
import org.falconc.runtime.KernelTolerance;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;
import org.falconc.runtime.sparse.ActivationBits;
import org.junit.jupiter.api.Test;

class ConvNhwcTest {

    private static final ThreadPool ONE = ThreadPool.of(1);
    private static final ThreadPool TWO = ThreadPool.of(2);
    private static final int[] CHANNELS = {1, 2, 3, 5, 16, 17, 31, 48, 64, 70};
    private static final int[] ACTIVATIONS = {
        Epilogue.NONE, Epilogue.RELU, Epilogue.CLIP, Epilogue.LEAKY_RELU, Epilogue.HARD_SWISH, Epilogue.SIGMOID,
        Epilogue.THRESHOLDED_RELU,
    };
    private static final int[] DIRECT = {
        ConvNhwc.DIRECT_5X4, ConvNhwc.DIRECT_6X4, ConvNhwc.DIRECT_10X2, ConvNhwc.DIRECT_12X1, ConvNhwc.DIRECT_24X1,
    };
    /** Written to y before each run: elements outside the output channels must keep it. */
    private static final float UNTOUCHED = 1234.5f;

    static float p0(int act) {
        return act == Epilogue.THRESHOLDED_RELU ? 0.2f : Approx.p0(act);
    }

    static float p1(int act) {
        return Approx.p1(act);
    }

    /** One convolution problem: NHWC inputs at offsets of larger arrays, and the naive result. */
    static final class Case {
        final int n, c, h, w, k, r, s, sh, sw, pt, pl, dh, dw, group, act, ips, ops, oh, ow;
        final int xOff = 3, yOff = 2, resOff = 5;
        final float[] x, weights, bias, residual;
        final ExactSums expected;

        Case(Random rnd, int n, int c, int h, int w, int k, int r, int s, int sh, int sw, int pt, int pl, int pb,
             int pr, int dh, int dw, int group, int act, boolean bias, boolean residual, int ips, int ops) {
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
            this.oh = (h + pt + pb - dh * (r - 1) - 1) / sh + 1;
            this.ow = (w + pl + pr - dw * (s - 1) - 1) / sw + 1;
            assertTrue(oh >= 1 && ow >= 1, "window larger than the padded input");
            this.x = Approx.random(rnd, xOff + n * h * w * ips + 4);
            this.weights = Approx.random(rnd, k * (c / group) * r * s);
            this.bias = bias ? Approx.random(rnd, k) : null;
            this.residual = residual ? Approx.random(rnd, resOff + n * oh * ow * k) : null;
            float[] dense = residual ? Arrays.copyOfRange(this.residual, resOff, this.residual.length) : null;
            this.expected = NaiveConvNhwc.conv(x, xOff, ips, weights, this.bias, dense, n, c, h, w, k, oh, ow, r, s,
                    sh, sw, pt, pl, dh, dw, group);
        }

        float[] newOutput() {
            float[] y = new float[yOff + n * oh * ow * ops + 3];
            Arrays.fill(y, UNTOUCHED);
            return y;
        }

        int[] variants() {
            if (ConvNhwc.fitsDepthwise3x3(c, k, r, s, dh, dw, group)) {
                return new int[] {ConvNhwc.DEPTHWISE, ConvNhwc.DEPTHWISE_3X3};
            }
            return ConvNhwc.isDepthwise(c, group) ? new int[] {ConvNhwc.DEPTHWISE} : DIRECT;
        }

        ConvNhwcLayer layer(int variant) {
            float[] packed = new float[ConvNhwc.packedLength(k, c, r, s, group)];
            ConvNhwc.packInto(weights, 0, k, c, r, s, group, packed);
            return ConvNhwc.prepacked(packed, n, c, h, w, k, oh, ow, r, s, sh, sw, pt, pl, dh, dw, group, ips, ops,
                    variant);
        }

        void check(NhwcKernel kernel, int variant, ThreadPool pool) {
            ConvNhwcLayer layer = layer(variant);
            float[] y = newOutput();
            // The output's bits too, from the store epilogue (or the pass after it): 2 guard words either side.
            int words = ActivationBits.words(n * oh * ow, k);
            long[] bits = new long[words + 4];
            Arrays.fill(bits, 0x5a5a5a5a5a5a5a5aL);
            ConvNhwc.run(new ExecutionContext(pool), kernel, layer, x, xOff, y, yOff, bias, act, p0(act), p1(act),
                    residual, resOff, bits, 2);
            String what = this + " " + layer + " " + kernel.name() + " threads " + pool.threads();
            long[] expectedBits = new long[words + 4];
            Arrays.fill(expectedBits, 0x5a5a5a5a5a5a5a5aL);
            ActivationBits.build(y, yOff, 0, n * oh * ow, k, ops, expectedBits, 2);
            assertArrayEquals(expectedBits, bits, what + ": output bits");
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
                expected.check(pixel * k + oc, y[i], act, p0(act), p1(act), what + ": pixel " + pixel + " channel " + oc);
            }
        }

        /** Every variant that fits, vector and scalar kernels, 1 and 2 threads. */
        void checkAll() {
            for (int variant : variants()) {
                for (NhwcKernel kernel : new NhwcKernel[] {NhwcKernels.best(), NhwcKernels.scalar()}) {
                    for (ThreadPool pool : new ThreadPool[] {ONE, TWO}) {
                        check(kernel, variant, pool);
                    }
                }
            }
        }

        @Override
        public String toString() {
            return "N" + n + " " + h + "x" + w + "x" + c + " K" + k + " " + r + "x" + s + " stride " + sh + "," + sw
                    + " pads " + pt + "," + pl + " -> " + oh + "x" + ow + " dil " + dh + "," + dw + " group " + group
                    + " act " + act + (bias != null ? " +bias" : "") + (residual != null ? " +res" : "")
                    + " strides " + ips + "," + ops;
        }
    }

    private static int pick(Random rnd, int[] values) {
        return values[rnd.nextInt(values.length)];
    }

    @Test
    void randomShapesMatchNaive() {
        Random rnd = new Random(20240611);
        int done = 0;
        for (int trial = 0; done < 110; trial++) {
            int group = 1;
            int c;
            int k;
            if (trial % 6 == 1) { // depthwise, channel multiplier 1 or 2
                c = pick(rnd, CHANNELS);
                group = c;
                k = c * (1 + rnd.nextInt(2));
            } else if (trial % 6 == 3) { // grouped
                group = 2 + rnd.nextInt(2);
                c = group * pick(rnd, new int[] {1, 2, 3, 5, 16, 17});
                k = group * pick(rnd, new int[] {1, 3, 5, 16, 17, 31});
            } else {
                c = pick(rnd, CHANNELS);
                k = pick(rnd, CHANNELS);
            }
            int r = trial % 5 == 0 ? 1 : 1 + rnd.nextInt(3);
            int s = trial % 5 == 0 ? 1 : 1 + rnd.nextInt(3);
            int h = 1 + rnd.nextInt(13);
            int w = 1 + rnd.nextInt(13);
            int sh = 1 + rnd.nextInt(3);
            int sw = 1 + rnd.nextInt(3);
            int dh = rnd.nextInt(4) == 0 ? 2 : 1;
            int dw = rnd.nextInt(4) == 0 ? 2 : 1;
            int pt = rnd.nextInt(3), pl = rnd.nextInt(3), pb = rnd.nextInt(3), pr = rnd.nextInt(3);
            if (h + pt + pb - dh * (r - 1) - 1 < 0 || w + pl + pr - dw * (s - 1) - 1 < 0) {
                continue;
            }
            int ips = c + (rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(5) : 0);
            int ops = k + (rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(5) : 0);
            new Case(rnd, 1 + rnd.nextInt(2), c, h, w, k, r, s, sh, sw, pt, pl, pb, pr, dh, dw, group,
                    ACTIVATIONS[trial % ACTIVATIONS.length], rnd.nextBoolean(), rnd.nextInt(3) == 0, ips, ops)
                    .checkAll();
            done++;
        }
    }

    @Test
    void typicalLayersMatchNaive() {
        Random rnd = new Random(7);
        // First layer: C = 3, 7x7 stride 2 pad 3 (the column taps and channels fuse into one run).
        new Case(rnd, 1, 3, 23, 21, 64, 7, 7, 2, 2, 3, 3, 3, 3, 1, 1, 1, Epilogue.RELU, true, false, 3, 64).checkAll();
        // 3x3 pad 1, 64 channels, residual and ReLU; 1x1 expand and squeeze; batch 2.
        new Case(rnd, 2, 64, 9, 11, 64, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, Epilogue.RELU, true, true, 64, 64).checkAll();
        new Case(rnd, 2, 64, 7, 7, 70, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, Epilogue.NONE, true, true, 64, 70).checkAll();
        new Case(rnd, 1, 64, 13, 13, 16, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, Epilogue.CLIP, true, false, 64, 16)
                .checkAll();
        // 1x1 stride 2 (ResNet downsample), 3x3 stride 2 asymmetric pads, dilation 2.
        new Case(rnd, 1, 48, 13, 12, 31, 1, 1, 2, 2, 0, 0, 0, 0, 1, 1, 1, Epilogue.NONE, false, true, 48, 31)
                .checkAll();
        new Case(rnd, 1, 17, 12, 13, 48, 3, 3, 2, 2, 0, 1, 1, 0, 1, 1, 1, Epilogue.HARD_SWISH, true, false, 17, 48)
                .checkAll();
        new Case(rnd, 1, 16, 13, 13, 17, 3, 3, 1, 1, 2, 2, 2, 2, 2, 2, 1, Epilogue.LEAKY_RELU, true, true, 16, 17)
                .checkAll();
        // Groups 2 and 3.
        new Case(rnd, 2, 32, 9, 8, 64, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 2, Epilogue.RELU, true, true, 32, 64).checkAll();
        new Case(rnd, 1, 48, 7, 9, 96, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 3, Epilogue.SIGMOID, true, false, 48, 96)
                .checkAll();
        // Kernel larger than the map (every pixel a border pixel), 5x5 on 2x3.
        new Case(rnd, 1, 5, 2, 3, 17, 5, 5, 1, 1, 2, 2, 2, 2, 1, 1, 1, Epilogue.NONE, true, false, 5, 17).checkAll();
    }

    @Test
    void depthwiseMatchesNaive() {
        Random rnd = new Random(11);
        // 3x3 pad 1, C a multiple of the vector length (144 as in MobileNetV2) and a tail (17).
        new Case(rnd, 2, 144, 9, 10, 144, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 144, Epilogue.CLIP, true, false, 144, 144)
                .checkAll();
        new Case(rnd, 1, 17, 13, 11, 17, 3, 3, 2, 2, 0, 1, 1, 1, 1, 1, 17, Epilogue.HARD_SWISH, true, true, 20, 19)
                .checkAll();
        // 5x5 dilated, asymmetric pads, channel multiplier 2; stride 3.
        new Case(rnd, 1, 16, 12, 12, 32, 5, 5, 1, 1, 4, 3, 2, 4, 2, 2, 16, Epilogue.RELU, false, true, 16, 32)
                .checkAll();
        new Case(rnd, 2, 48, 13, 7, 48, 3, 3, 3, 3, 1, 0, 1, 2, 1, 1, 48, Epilogue.NONE, true, false, 50, 48)
                .checkAll();
    }

    @Test
    void depthwise3x3MatchesNaive() {
        Random rnd = new Random(17);
        // n, c, h, w, stride h, w, pads t, l, b, r, act, bias, residual, extra input / output pixel stride
        int[][] shapes = {
            {2, 32, 15, 23, 1, 1, 1, 1, 1, 1, Epilogue.CLIP, 1, 1, 3, 1}, // 8-pixel blocks, shifted last block
            {1, 48, 11, 11, 2, 2, 1, 1, 1, 1, Epilogue.RELU, 1, 0, 0, 0}, // stride 2
            {1, 96, 12, 17, 2, 2, 0, 1, 1, 1, Epilogue.NONE, 1, 0, 0, 2}, // stride 2, MobileNet-style pads
            {1, 64, 7, 7, 1, 1, 1, 1, 1, 1, Epilogue.HARD_SWISH, 1, 1, 0, 0}, // 7-pixel rows: two blocks of 4
            {1, 17, 9, 13, 1, 1, 1, 1, 1, 1, Epilogue.SIGMOID, 0, 1, 2, 3}, // channel tail (17 of a 32 panel)
            {1, 20, 5, 1, 1, 1, 1, 1, 1, 1, Epilogue.NONE, 1, 0, 0, 0}, // 1-pixel rows
            {1, 20, 4, 2, 1, 1, 1, 1, 1, 1, Epilogue.NONE, 1, 0, 1, 0}, // 2-pixel rows
            {2, 16, 6, 3, 1, 1, 1, 1, 1, 1, Epilogue.RELU, 1, 1, 0, 0}, // 3-pixel rows
            {1, 16, 13, 13, 3, 3, 1, 1, 1, 1, Epilogue.NONE, 1, 0, 0, 0}, // stride 3: the scalar loops
            {1, 33, 10, 11, 2, 1, 0, 2, 2, 0, Epilogue.LEAKY_RELU, 1, 1, 0, 1}, // asymmetric pads and strides
            {1, 16, 8, 20, 1, 2, 2, 2, 2, 2, Epilogue.RELU, 0, 0, 0, 0}, // pads 2: whole kernel rows outside
            {1, 40, 6, 19, 1, 1, 0, 0, 0, 0, Epilogue.NONE, 1, 0, 5, 0}, // no padding
            {1, 160, 7, 7, 1, 1, 1, 1, 1, 1, Epilogue.CLIP, 1, 0, 0, 0}, // many channels, 7x7
        };
        for (int[] g : shapes) {
            new Case(rnd, g[0], g[1], g[2], g[3], g[1], 3, 3, g[4], g[5], g[6], g[7], g[8], g[9], 1, 1, g[1], g[10],
                    g[11] == 1, g[12] == 1, g[1] + g[13], g[1] + g[14]).checkAll();
        }
    }

    @Test
    void longReductionsAccumulateInChunks() {
        Random rnd = new Random(5);
        // 4 * 9 * 128 * 64 bytes of weights per 4-vector block: chunks of kernel rows, which cut the border
        // segments' row ranges (pads 2 and 1, dilation 2 too).
        new Case(rnd, 2, 128, 7, 6, 70, 3, 3, 1, 1, 2, 1, 1, 2, 1, 1, 1, Epilogue.HARD_SWISH, true, true, 128, 75)
                .checkAll();
        new Case(rnd, 1, 128, 9, 8, 64, 3, 3, 1, 1, 2, 2, 2, 2, 2, 1, 1, Epilogue.RELU, false, true, 130, 64)
                .checkAll();
        // 4 * 3 * 300 * 64 bytes per kernel row: input-channel chunks; epilogue after the last.
        new Case(rnd, 1, 300, 6, 5, 70, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, Epilogue.RELU, true, true, 300, 70)
                .checkAll();
        new Case(rnd, 1, 1100, 3, 4, 20, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, Epilogue.SIGMOID, true, true, 1100, 21)
                .checkAll();
    }

    @Test
    void readsAChannelSliceAndWritesIntoAConcatSlice() {
        Random rnd = new Random(3);
        int n = 2, h = 6, w = 7, big = 40;
        float[] x = Approx.random(rnd, n * h * w * big);
        float[] concat = new float[n * h * w * 50];
        Arrays.fill(concat, UNTOUCHED);
        // Two convolutions read channels [10, 26) of x and fill channels [0, 17) and [17, 48) of a 50-channel
        // concat output; channels 48 and 49 stay untouched.
        int[][] halves = {{17, 0}, {31, 17}};
        float[][] expected = new float[2][];
        for (int[] half : halves) {
            int k = half[0];
            float[] wts = Approx.random(rnd, k * 16 * 9);
            float[] packed = new float[ConvNhwc.packedLength(k, 16, 3, 3, 1)];
            ConvNhwc.packInto(wts, 0, k, 16, 3, 3, 1, packed);
            int variant = ConvNhwc.chooseVariant(n, 16, h, w, k, h, w, 3, 3, 1, 1, 1, 1, 1, 1, 1);
            ConvNhwcLayer layer = ConvNhwc.prepacked(packed, n, 16, h, w, k, h, w, 3, 3, 1, 1, 1, 1, 1, 1, 1, big, 50,
                    variant);
            ConvNhwc.run(new ExecutionContext(TWO), layer, x, 10, concat, half[1], null, Epilogue.NONE, 0, 0, null, 0);
            ExactSums ref = NaiveConvNhwc.conv(x, 10, big, wts, null, null, n, 16, h, w, k, h, w, 3, 3, 1, 1, 1, 1,
                    1, 1, 1);
            for (int p = 0; p < n * h * w; p++) {
                for (int oc = 0; oc < k; oc++) {
                    ref.check(p * k + oc, concat[p * 50 + half[1] + oc], Epilogue.NONE, 0, 0,
                            "pixel " + p + " channel " + oc);
                }
            }
        }
        for (int p = 0; p < n * h * w; p++) {
            assertEquals(UNTOUCHED, concat[p * 50 + 48]);
            assertEquals(UNTOUCHED, concat[p * 50 + 49]);
        }
    }

    @Test
    void naiveTwinMatchesTheNchwOracle() {
        Random rnd = new Random(13);
        int[][] shapes = { // n, c, h, w, k, r, s, sh, sw, pt, pl, pb, pr, dh, dw, group
            {2, 6, 7, 9, 4, 3, 3, 2, 1, 1, 0, 2, 1, 1, 2, 2},
            {1, 3, 11, 10, 5, 5, 3, 1, 2, 2, 1, 0, 1, 2, 1, 1},
            {1, 8, 5, 6, 16, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 8},
        };
        for (int[] g : shapes) {
            int n = g[0], c = g[1], h = g[2], w = g[3], k = g[4], r = g[5], s = g[6];
            int oh = (h + g[9] + g[11] - g[13] * (r - 1) - 1) / g[7] + 1;
            int ow = (w + g[10] + g[12] - g[14] * (s - 1) - 1) / g[8] + 1;
            float[] x = Approx.random(rnd, n * c * h * w);
            float[] wts = Approx.random(rnd, k * c / g[15] * r * s);
            float[] bias = Approx.random(rnd, k);
            float[] res = Approx.random(rnd, n * k * oh * ow);
            ExactSums nchw = NaiveConv.conv2d(x, wts, bias, n, c, h, w, k, oh, ow, r, s, g[7], g[8], g[9], g[10],
                    g[13], g[14], g[15], res);
            ExactSums nhwc = NaiveConvNhwc.conv(NaiveConvNhwc.toNhwc(x, n, c, h, w), 0, c, wts, bias,
                    NaiveConvNhwc.toNhwc(res, n, k, oh, ow), n, c, h, w, k, oh, ow, r, s,
                    g[7], g[8], g[9], g[10], g[13], g[14], g[15]);
            for (int b = 0; b < n; b++) {
                for (int p = 0; p < oh * ow; p++) {
                    for (int oc = 0; oc < k; oc++) {
                        // the same addends in another order: equal up to double rounding
                        double e = nchw.value((b * k + oc) * oh * ow + p);
                        assertEquals(e, nhwc.value((b * oh * ow + p) * k + oc), 1e-12 * (1 + Math.abs(e)));
                    }
                }
            }
        }
    }

    @Test
    void storesApplyEveryActivationOnSpecialValues() {
        float[] special = {0f, -0f, 1f, -1f, 0.2f, 0.19999999f, 0.2000001f, -0.5f, 0.7f, 3f, -3f, 2.9999998f, 1e-30f,
            -1e-30f, 1e30f, -1e30f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.3333333f, -7.25f};
        int cols = 67; // vectors and a scalar tail
        float[] t = new float[cols];
        Random rnd = new Random(1);
        for (int i = 0; i < cols; i++) {
            t[i] = i < special.length ? special[i] : (rnd.nextFloat() - 0.5f) * 10f;
        }
        for (int act : ACTIVATIONS) {
            float[][] stored = new float[2][cols];
            NhwcKernel[] kernels = {NhwcKernels.best(), NhwcKernels.scalar()};
            for (int v = 0; v < 2; v++) {
                kernels[v].store(t, 0, stored[v], 0, cols, null, 0, null, 0, NhwcKernel.ONLY, act, p0(act), p1(act));
                for (int i = 0; i < cols; i++) {
                    // the stored value is exact here: only the activation's own rounding is allowed
                    assertTrue(KernelTolerance.admits(act, p0(act), p1(act), t[i], 0, stored[v][i]),
                            kernels[v].name() + " act " + act + " of " + t[i] + " gave " + stored[v][i]);
                }
            }
            // and the vector and scalar stores agree bit for bit, so results do not depend on the kernel
            for (int i = 0; i < cols; i++) {
                assertEquals(Float.floatToIntBits(stored[1][i]), Float.floatToIntBits(stored[0][i]),
                        "act " + act + " of " + t[i] + ": scalar " + stored[1][i] + " vs vector " + stored[0][i]);
            }
        }
    }

    @Test
    void apiDescribesVariantsAndRejectsBadLayers() {
        assertEquals(ConvNhwc.DEPTHWISE_3X3,
                ConvNhwc.chooseVariant(1, 144, 56, 56, 144, 56, 56, 3, 3, 1, 1, 1, 1, 1, 1, 144));
        assertEquals(ConvNhwc.DEPTHWISE_3X3,
                ConvNhwc.chooseVariant(1, 96, 112, 112, 96, 56, 56, 3, 3, 2, 2, 1, 1, 1, 1, 96));
        assertEquals(ConvNhwc.DEPTHWISE, // dilated, 5x5, multiplier 2: the tap-table kernel
                ConvNhwc.chooseVariant(1, 144, 56, 56, 144, 56, 56, 3, 3, 1, 1, 2, 2, 2, 2, 144));
        assertEquals(ConvNhwc.DEPTHWISE, ConvNhwc.chooseVariant(1, 32, 9, 9, 32, 9, 9, 5, 5, 1, 1, 2, 2, 1, 1, 32));
        assertEquals(ConvNhwc.DEPTHWISE, ConvNhwc.chooseVariant(1, 32, 9, 9, 64, 9, 9, 3, 3, 1, 1, 1, 1, 1, 1, 32));
        assertEquals("depthwise 3x3", ConvNhwc.variantName(ConvNhwc.DEPTHWISE_3X3));
        assertEquals(ConvNhwc.DIRECT_6X4, ConvNhwc.chooseVariant(1, 64, 56, 56, 64, 56, 56, 3, 3, 1, 1, 1, 1, 1, 1, 1));
        assertEquals(ConvNhwc.DIRECT_5X4, ConvNhwc.chooseVariant(1, 512, 7, 7, 512, 7, 7, 3, 3, 1, 1, 1, 1, 1, 1, 1));
        assertEquals(ConvNhwc.DIRECT_10X2, ConvNhwc.chooseVariant(1, 16, 9, 9, 48, 9, 9, 3, 3, 1, 1, 1, 1, 1, 1, 1));
        assertEquals(ConvNhwc.DIRECT_24X1,
                ConvNhwc.chooseVariant(1, 64, 55, 55, 16, 55, 55, 1, 1, 1, 1, 0, 0, 1, 1, 1));
        assertEquals(ConvNhwc.DIRECT_10X2,
                ConvNhwc.chooseVariant(1, 96, 56, 56, 24, 56, 56, 1, 1, 1, 1, 0, 0, 1, 1, 1));
        assertTrue(ConvNhwc.variantName(ConvNhwc.DIRECT_24X1).startsWith("direct 24x"));
        assertEquals("depthwise", ConvNhwc.variantName(ConvNhwc.DEPTHWISE));
        assertTrue(ConvNhwc.variantName(ConvNhwc.DIRECT_12X1).startsWith("direct "));
        assertEquals(2 * 32 * 9 * 8, ConvNhwc.packedLength(34, 16, 3, 3, 2));
        assertEquals(9 * 48, ConvNhwc.packedLength(34, 17, 3, 3, 17));
        float[] packed = new float[ConvNhwc.packedLength(16, 8, 3, 3, 1)];
        ConvNhwcLayer layer = ConvNhwc.prepacked(packed, 1, 8, 5, 5, 16, 5, 5, 3, 3, 1, 1, 1, 1, 1, 1, 1, 8, 20,
                ConvNhwc.DIRECT_10X2);
        assertEquals(20, layer.outPixelStride());
        assertTrue(layer.toString().contains(ConvNhwc.variantName(ConvNhwc.DIRECT_10X2)), layer.toString());
        assertThrows(IllegalArgumentException.class, () -> ConvNhwc.prepacked(packed, 1, 8, 5, 5, 16, 5, 5, 3, 3,
                1, 1, 1, 1, 1, 1, 1, 7, 16, ConvNhwc.DIRECT_10X2)); // pixel stride < C
        assertThrows(IllegalArgumentException.class, () -> ConvNhwc.prepacked(packed, 1, 8, 5, 5, 16, 5, 5, 3, 3,
                1, 1, 1, 1, 1, 1, 1, 8, 16, ConvNhwc.DEPTHWISE)); // not a depthwise shape
        float[] dw = new float[ConvNhwc.packedLength(16, 16, 5, 5, 16)];
        assertThrows(IllegalArgumentException.class, () -> ConvNhwc.prepacked(dw, 1, 16, 9, 9, 16, 9, 9, 5, 5,
                1, 1, 2, 2, 1, 1, 16, 16, 16, ConvNhwc.DEPTHWISE_3X3)); // 5x5
        assertThrows(IllegalArgumentException.class, () -> ConvNhwc.prepacked(dw, 1, 16, 9, 9, 16, 5, 5, 3, 3,
                1, 1, 0, 0, 2, 2, 16, 16, 16, ConvNhwc.DEPTHWISE_3X3)); // dilated
        assertThrows(IllegalArgumentException.class, () -> ConvNhwc.prepacked(dw, 1, 16, 9, 9, 32, 9, 9, 3, 3,
                1, 1, 1, 1, 1, 1, 16, 16, 32, ConvNhwc.DEPTHWISE_3X3)); // multiplier 2
        assertThrows(IllegalArgumentException.class, () -> ConvNhwc.run(new ExecutionContext(ONE), layer,
                new float[10], 0, new float[500], 0, null, Epilogue.NONE, 0, 0, null, 0)); // input too short
    }
}
