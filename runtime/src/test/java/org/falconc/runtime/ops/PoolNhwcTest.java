package org.falconc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;
import org.junit.jupiter.api.Test;

/**
 * PoolNhwc against the NCHW Pool2d kernels on the same data transposed, bit for bit, on random
 * geometries (odd sizes, asymmetric pads, dilations, ceil_mode-like extra outputs, windows wholly in
 * the padding), NaN, infinities and signed zeros, pixel strides with gaps that must stay untouched,
 * on the calling thread and on 1- and 2-thread pools.
 */
class PoolNhwcTest {
    private static final int[] CHANNELS = {1, 3, 8, 17, 64, 70};
    /** Marks the floats outside the kernels' pixels: read, it would show up as NaN; written, it would change. */
    private static final float GAP = Float.intBitsToFloat(0x7fc0beef);

    private final Random rnd = new Random(11);
    private final ExecutionContext[] contexts = {
        null, new ExecutionContext(ThreadPool.of(1)), new ExecutionContext(ThreadPool.of(2)),
    };

    /** One random pooling problem: geometry, explicit pads and the output size. */
    private record Case(int n, int c, int h, int w, int oh, int ow, int kh, int kw, int sh, int sw, int pt, int pl,
                        int pb, int pr, int dh, int dw, int inStride, int outStride) {
    }

    private Case randomCase() {
        int n = 1 + rnd.nextInt(2);
        int c = CHANNELS[rnd.nextInt(CHANNELS.length)];
        int kh = 1 + rnd.nextInt(5);
        int kw = 1 + rnd.nextInt(5);
        int sh = 1 + rnd.nextInt(3);
        int sw = 1 + rnd.nextInt(3);
        int dh = 1 + rnd.nextInt(2);
        int dw = 1 + rnd.nextInt(2);
        int[] h = axis(kh, sh, dh);
        int[] w = axis(kw, sw, dw);
        int inStride = c + (rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(5));
        int outStride = c + (rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(5));
        return new Case(n, c, h[0], w[0], h[1], w[1], kh, kw, sh, sw, h[2], w[2], h[3], h[4], dh, dw, inStride,
                outStride);
    }

    /** {in, out, padBegin, padEnd, padEnd}: out is floor's or (ceil_mode-like) one more. */
    private int[] axis(int k, int s, int d) {
        int extent = (k - 1) * d + 1;
        // Pads up to the window extent, so some windows lie wholly in the padding.
        int begin = rnd.nextInt(4) == 0 ? rnd.nextInt(extent + 1) : rnd.nextInt(extent);
        int end = rnd.nextInt(extent);
        int in = Math.max(1, Math.max(extent - begin - end, 1 + rnd.nextInt(17)));
        in = Math.min(in, Math.max(17, extent));
        int out = (in + begin + end - extent) / s + 1;
        if (rnd.nextInt(3) == 0) {
            out++;
        }
        return new int[] {in, out, begin, end, end};
    }

    @Test
    void maxPoolMatchesPool2dBitForBit() {
        for (int trial = 0; trial < 400; trial++) {
            Case k = randomCase();
            float[] nchw = values(k.n * k.c * k.h * k.w, trial % 2 == 0);
            float[] expected = new float[k.n * k.c * k.oh * k.ow];
            Pool2d.maxPool(null, nchw, 0, expected, 0, k.n * k.c, k.h, k.w, k.oh, k.ow, k.kh, k.kw, k.sh, k.sw, k.pt,
                    k.pl, k.dh, k.dw);
            for (ExecutionContext ctx : contexts) {
                int xOff = rnd.nextInt(4);
                int yOff = rnd.nextInt(4);
                float[] x = toNhwc(nchw, xOff, k.n, k.c, k.h * k.w, k.inStride);
                float[] y = gaps(yOff + k.n * k.oh * k.ow * k.outStride + rnd.nextInt(3));
                PoolNhwc.maxPool(ctx, x, xOff, y, yOff, k.n, k.c, k.h, k.w, k.oh, k.ow, k.kh, k.kw, k.sh, k.sw, k.pt,
                        k.pl, k.dh, k.dw, k.inStride, k.outStride);
                assertNhwcEquals(expected, y, yOff, k.n, k.c, k.oh * k.ow, k.outStride, true,
                        "maxPool " + k + threads(ctx));
            }
        }
    }

    @Test
    void averagePoolWithExplicitEndPadsMatchesPool2dBitForBit() {
        for (int trial = 0; trial < 400; trial++) {
            Case k = randomCase();
            boolean countPad = trial % 2 == 0;
            float[] nchw = values(k.n * k.c * k.h * k.w, false);
            float[] expected = new float[k.n * k.c * k.oh * k.ow];
            Pool2d.averagePool(null, nchw, 0, expected, 0, k.n * k.c, k.h, k.w, k.oh, k.ow, k.kh, k.kw, k.sh, k.sw,
                    k.pt, k.pl, k.pb, k.pr, k.dh, k.dw, countPad);
            for (ExecutionContext ctx : contexts) {
                int xOff = rnd.nextInt(4);
                int yOff = rnd.nextInt(4);
                float[] x = toNhwc(nchw, xOff, k.n, k.c, k.h * k.w, k.inStride);
                float[] y = gaps(yOff + k.n * k.oh * k.ow * k.outStride);
                PoolNhwc.averagePool(ctx, x, xOff, y, yOff, k.n, k.c, k.h, k.w, k.oh, k.ow, k.kh, k.kw, k.sh, k.sw,
                        k.pt, k.pl, k.pb, k.pr, k.dh, k.dw, countPad, k.inStride, k.outStride);
                assertNhwcEquals(expected, y, yOff, k.n, k.c, k.oh * k.ow, k.outStride, false,
                        "averagePool countPad=" + countPad + " " + k + threads(ctx));
            }
        }
    }

    @Test
    void averagePoolWithImpliedEndPadsMatchesPool2d() {
        for (int trial = 0; trial < 400; trial++) {
            Case k = randomCase();
            boolean countPad = trial % 2 == 0;
            int pb = NhwcPoolGeometry.impliedEndPad(k.h, k.oh, k.kh, k.sh, k.pt, k.dh);
            int pr = NhwcPoolGeometry.impliedEndPad(k.w, k.ow, k.kw, k.sw, k.pl, k.dw);
            float[] nchw = values(k.n * k.c * k.h * k.w, false);
            float[] expected = new float[k.n * k.c * k.oh * k.ow];
            Pool2d.averagePool(null, nchw, 0, expected, 0, k.n * k.c, k.h, k.w, k.oh, k.ow, k.kh, k.kw, k.sh, k.sw,
                    k.pt, k.pl, pb, pr, k.dh, k.dw, countPad);
            ExecutionContext ctx = contexts[trial % contexts.length];
            float[] x = toNhwc(nchw, 0, k.n, k.c, k.h * k.w, k.inStride);
            float[] y = gaps(k.n * k.oh * k.ow * k.outStride);
            PoolNhwc.averagePool(ctx, x, 0, y, 0, k.n, k.c, k.h, k.w, k.oh, k.ow, k.kh, k.kw, k.sh, k.sw, k.pt, k.pl,
                    k.dh, k.dw, countPad, k.inStride, k.outStride);
            assertNhwcEquals(expected, y, 0, k.n, k.c, k.oh * k.ow, k.outStride, false, "implied pads " + k);
            if (pb <= k.pb && pr <= k.pr) {
                // No window reaches past the explicit pads: the implied pads give ONNX's divisor too.
                Pool2d.averagePool(null, nchw, 0, expected, 0, k.n * k.c, k.h, k.w, k.oh, k.ow, k.kh, k.kw, k.sh,
                        k.sw, k.pt, k.pl, k.pb, k.pr, k.dh, k.dw, countPad);
                assertNhwcEquals(expected, y, 0, k.n, k.c, k.oh * k.ow, k.outStride, false, "explicit pads " + k);
            }
        }
    }

    @Test
    void ceilModeOverhangIsNotCountedAsPadding() {
        // 1x6 input, 1x3 window, stride 2, no pads, ceil_mode: the last window covers columns 4, 5 and
        // the overhang 6, which ONNX Runtime leaves out of the count_include_pad divisor.
        float[] x = {1, 2, 3, 4, 5, 6};
        float[] y = new float[3];
        PoolNhwc.averagePool(null, x, 0, y, 0, 1, 1, 1, 6, 1, 3, 1, 3, 1, 2, 0, 0, 0, 0, 1, 1, true, 1, 1);
        assertEquals(5.5f, y[2]);
        PoolNhwc.averagePool(null, x, 0, y, 0, 1, 1, 1, 6, 1, 3, 1, 3, 1, 2, 0, 0, 1, 1, true, 1, 1);
        assertEquals(11f / 3, y[2]); // implied pads: the overhang is padding
    }

    @Test
    void globalPoolsMatchPool2dBitForBit() {
        int[] channels = {1, 3, 17, 64, 70, 300};
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + rnd.nextInt(2);
            int c = channels[trial % channels.length];
            int hw = 1 + rnd.nextInt(trial < 50 ? 60 : 400);
            int stride = c + (rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(4));
            float[] nchw = values(n * c * hw, trial % 3 == 0);
            float[] avg = new float[n * c];
            float[] max = new float[n * c];
            Pool2d.globalAveragePool(null, nchw, 0, avg, 0, n * c, hw);
            Pool2d.globalMaxPool(null, nchw, 0, max, 0, n * c, hw);
            ExecutionContext ctx = contexts[trial % contexts.length];
            int xOff = rnd.nextInt(3);
            float[] x = toNhwc(nchw, xOff, n, c, hw, stride);
            float[] y = gaps(n * c + 2);
            PoolNhwc.globalAveragePool(ctx, x, xOff, y, 1, n, c, hw, stride);
            assertNhwcEquals(avg, y, 1, n, c, 1, c, false, "globalAveragePool c=" + c + " hw=" + hw);
            PoolNhwc.globalMaxPool(ctx, x, xOff, y, 1, n, c, hw, stride);
            assertNhwcEquals(max, y, 1, n, c, 1, c, false, "globalMaxPool c=" + c + " hw=" + hw);
            assertEquals(Float.floatToRawIntBits(GAP), Float.floatToRawIntBits(y[0]));
            assertEquals(Float.floatToRawIntBits(GAP), Float.floatToRawIntBits(y[y.length - 1]));
        }
    }

    @Test
    void largePoolsRunInParallelLikeSequential() {
        // SqueezeNet's 3x3/2 max pool on [2, 55, 55, 96] and a 3x3/1 padded average: big enough to split.
        int c = 96;
        float[] x = values(2 * 55 * 55 * c, true);
        float[] seq = new float[2 * 27 * 27 * c];
        float[] par = new float[seq.length];
        PoolNhwc.maxPool(null, x, 0, seq, 0, 2, c, 55, 55, 27, 27, 3, 3, 2, 2, 0, 0, 1, 1, c, c);
        PoolNhwc.maxPool(contexts[2], x, 0, par, 0, 2, c, 55, 55, 27, 27, 3, 3, 2, 2, 0, 0, 1, 1, c, c);
        TestData.assertBitsEqual(seq, par, "parallel maxPool");
        seq = new float[x.length];
        par = new float[x.length];
        PoolNhwc.averagePool(null, x, 0, seq, 0, 2, c, 55, 55, 55, 55, 3, 3, 1, 1, 1, 1, 1, 1, false, c, c);
        PoolNhwc.averagePool(contexts[2], x, 0, par, 0, 2, c, 55, 55, 55, 55, 3, 3, 1, 1, 1, 1, 1, 1, false, c, c);
        TestData.assertBitsEqual(seq, par, "parallel averagePool");
    }

    @Test
    void vectorAndScalarPixelCombinersGiveTheSameBits() {
        PixelCombiner scalar = PixelCombiners.scalar();
        PixelCombiner best = PixelCombiners.best();
        for (int trial = 0; trial < 300; trial++) {
            int c = 1 + rnd.nextInt(trial < 200 ? 40 : 300);
            float[] x = values(8 * c + 8, true);
            int count = 1 + rnd.nextInt(trial % 10 == 0 ? 60 : 8);
            int[] pixels = new int[count];
            for (int i = 0; i < count; i++) {
                pixels[i] = rnd.nextInt(7 * c + 8);
            }
            float[] a = gaps(c + 2);
            float[] b = gaps(c + 2);
            assertEquals(scalar.maxOfPixels(x, pixels, count, a, 1, c), best.maxOfPixels(x, pixels, count, b, 1, c),
                    "NaN flag " + best.name());
            TestData.assertBitsEqual(a, b, "maxOfPixels " + best.name() + " c=" + c);
            int summed = rnd.nextInt(count + 1); // 0 too: an empty window
            double divisor = rnd.nextInt(3) == 0 ? summed : 1 + rnd.nextInt(12);
            scalar.averageOfPixels(x, pixels, summed, divisor, a, 1, c, new double[c]);
            best.averageOfPixels(x, pixels, summed, divisor, b, 1, c, new double[c]);
            TestData.assertBitsEqual(a, b, "averageOfPixels " + best.name() + " c=" + c);
        }
    }

    /** Gaussian values; with {@code special}, also NaN (with payloads), ±infinity and ±0. */
    private float[] values(int count, boolean special) {
        float[] v = TestData.floats(rnd, count);
        if (special) {
            for (int i = 0; i < count; i++) {
                switch (rnd.nextInt(12)) {
                    case 0 -> v[i] = Float.intBitsToFloat(0x7fc00000 + rnd.nextInt(1000));
                    case 1 -> v[i] = Float.NEGATIVE_INFINITY;
                    case 2 -> v[i] = Float.POSITIVE_INFINITY;
                    case 3 -> v[i] = 0f;
                    case 4 -> v[i] = -0f;
                    default -> { }
                }
            }
        }
        return v;
    }

    private static float[] gaps(int length) {
        float[] v = new float[length];
        java.util.Arrays.fill(v, GAP);
        return v;
    }

    /** Dense [n, c, hw] as [n, hw, c] with the given pixel stride after {@code off} floats; the rest is GAP. */
    private static float[] toNhwc(float[] nchw, int off, int n, int c, int hw, int stride) {
        float[] v = gaps(off + n * hw * stride + 2);
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < hw; p++) {
                    v[off + (b * hw + p) * stride + ch] = nchw[(b * c + ch) * hw + p];
                }
            }
        }
        return v;
    }

    /**
     * y (channels-last from {@code off}, pixel stride {@code stride}) holds dense NCHW {@code expected}
     * bit for bit (raw bits, NaN payloads included, when {@code raw}), and GAP everywhere else.
     */
    private static void assertNhwcEquals(float[] expected, float[] y, int off, int n, int c, int hw, int stride,
                                         boolean raw, String what) {
        boolean[] covered = new boolean[y.length];
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < hw; p++) {
                    int i = off + (b * hw + p) * stride + ch;
                    covered[i] = true;
                    float e = expected[(b * c + ch) * hw + p];
                    boolean same = raw ? Float.floatToRawIntBits(e) == Float.floatToRawIntBits(y[i])
                            : Float.floatToIntBits(e) == Float.floatToIntBits(y[i]);
                    if (!same) {
                        fail(what + ": [" + b + ", pixel " + p + ", channel " + ch + "] expected " + e + " ("
                                + Integer.toHexString(Float.floatToRawIntBits(e)) + ") got " + y[i] + " ("
                                + Integer.toHexString(Float.floatToRawIntBits(y[i])) + ")");
                    }
                }
            }
        }
        for (int i = 0; i < y.length; i++) {
            if (!covered[i] && Float.floatToRawIntBits(y[i]) != Float.floatToRawIntBits(GAP)) {
                fail(what + ": float " + i + " outside the output pixels was written");
            }
        }
    }

    private static String threads(ExecutionContext ctx) {
        return ctx == null ? " (calling thread)" : " (" + ctx.threads() + " threads)";
    }
}
