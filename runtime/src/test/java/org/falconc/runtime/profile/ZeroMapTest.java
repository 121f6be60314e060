package org.falconc.runtime.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.falconc.runtime.Epilogue;
import org.falconc.runtime.conv.Conv2d;
import org.falconc.runtime.conv.ConvNhwc;
import org.falconc.runtime.conv.ConvNhwcLayer;
import org.falconc.runtime.conv.PackedConv;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;
import org.falconc.runtime.sparse.ActivationBits;
import org.falconc.runtime.sparse.DecomposedConv;
import org.junit.jupiter.api.Test;

/**
 * The zero map a profile with capture on records for a convolution equals the naive per-pixel share
 * of zero channels of the first image of the input the kernel read: channels-last with a pixel
 * stride wider than the channels (the gap is never counted), NCHW at an offset, and the sparse path
 * of a decomposed convolution; only the first call of a layer is kept, and nothing is captured with
 * capture off.
 */
class ZeroMapTest {
    private static final int N = 2, C = 6, H = 7, W = 5, K = 16, STRIDE = 9;

    /** ReLU-like values: about half zero, the rest positive; the pixel-stride gap is all zero. */
    private static float[] nhwcInput(Random rnd, int offset) {
        float[] x = new float[offset + N * H * W * STRIDE];
        for (int p = 0; p < N * H * W; p++) {
            for (int ch = 0; ch < C; ch++) {
                // some pixels all zero, some none, the others mixed
                int row = p / W % H;
                boolean zero = row == 0 || row != 1 && rnd.nextBoolean();
                x[offset + p * STRIDE + ch] = zero ? 0f : 0.1f + rnd.nextFloat();
            }
        }
        return x;
    }

    /** Per pixel of image 0 of x [N, H, W, C] (pixel stride STRIDE): zero channels / C. */
    private static float[] naiveNhwc(float[] x, int offset) {
        float[] share = new float[H * W];
        for (int y = 0; y < H; y++) {
            for (int xx = 0; xx < W; xx++) {
                int zeros = 0;
                for (int ch = 0; ch < C; ch++) {
                    if (x[offset + (y * W + xx) * STRIDE + ch] == 0f) {
                        zeros++;
                    }
                }
                share[y * W + xx] = (float) zeros / C;
            }
        }
        return share;
    }

    private static ConvNhwcLayer nhwcLayer(Random rnd) {
        float[] w = random(rnd, K * C * 9);
        float[] panels = new float[ConvNhwc.packedLength(K, C, 3, 3, 1)];
        ConvNhwc.packInto(w, 0, K, C, 3, 3, 1, panels);
        int variant = ConvNhwc.chooseVariant(N, C, H, W, K, H, W, 3, 3, 1, 1, 1, 1, 1, 1, 1);
        return ConvNhwc.prepacked(panels, N, C, H, W, K, H, W, 3, 3, 1, 1, 1, 1, 1, 1, 1, STRIDE, K, variant);
    }

    private static float[] random(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextFloat() - 0.5f;
        }
        return a;
    }

    private static ExecutionContext capturing(Profile p) {
        ExecutionContext ctx = new ExecutionContext(ThreadPool.of(1));
        ctx.setProfile(p);
        return ctx;
    }

    @Test
    void channelsLastWithAPixelStrideWiderThanTheChannels() {
        Random rnd = new Random(1);
        ConvNhwcLayer l = nhwcLayer(rnd);
        float[] x = nhwcInput(rnd, 3);
        Profile p = new Profile().captureZeroMaps(true);
        ExecutionContext ctx = capturing(p);
        Profiler.begin(ctx, 2);
        ConvNhwc.run(ctx, l, x, 3, new float[N * H * W * K], 0, null, Epilogue.RELU, 0, 0, null, 0);
        Profiler.end(ctx, 2);

        ZeroMap map = p.zeroMap(2);
        assertNotNull(map);
        assertEquals(H, map.height());
        assertEquals(W, map.width());
        assertEquals(C, map.channels());
        float[] expected = naiveNhwc(x, 3);
        assertArrayEquals(expected, map.shares());
        assertEquals(1f, map.share(0, 0), "row 0 is all zero");
        assertEquals(0f, map.share(1, 2), "row 1 has no zero");
        assertNull(p.zeroMap(0));
        assertNull(p.zeroMap(3));
    }

    @Test
    void theSparsePathOfADecomposedConvolutionCapturesTheSameMap() {
        Random rnd = new Random(2);
        ConvNhwcLayer l = nhwcLayer(rnd);
        float[] x = nhwcInput(rnd, 0);
        long[] bits = new long[ActivationBits.words(N * H * W, C)];
        Profile p = new Profile().captureZeroMaps(true);
        ExecutionContext ctx = capturing(p);
        ActivationBits.buildAll(ctx, x, 0, N * H * W, C, STRIDE, bits, 0);
        Profiler.begin(ctx, 0);
        DecomposedConv.run(ctx, l, x, 0, bits, 0, new float[N * H * W * K], 0, null, Epilogue.RELU, 0, 0, null, 0, 0f);
        Profiler.end(ctx, 0);
        assertEquals(1, p.sparseDecisions(0));
        assertArrayEquals(naiveNhwc(x, 0), p.zeroMap(0).shares());
    }

    @Test
    void nchwAtAnOffset() {
        Random rnd = new Random(3);
        int offset = 4;
        float[] x = new float[offset + N * C * H * W];
        for (int i = offset; i < x.length; i++) {
            x[i] = rnd.nextInt(3) == 0 ? 0.5f + rnd.nextFloat() : 0f;
        }
        PackedConv packed = Conv2d.pack(random(rnd, K * C * 9), 0, K, C, 3, 3, 1);
        Profile p = new Profile().captureZeroMaps(true);
        ExecutionContext ctx = capturing(p);
        Profiler.begin(ctx, 1);
        Conv2d.run(ctx, x, offset, new float[N * K * H * W], 0, packed, null, N, C, H, W, K, H, W, 3, 3, 1, 1, 1, 1,
                1, 1, 1, Epilogue.NONE, 0, 0, null, 0);
        Profiler.end(ctx, 1);

        float[] expected = new float[H * W];
        for (int y = 0; y < H; y++) {
            for (int xx = 0; xx < W; xx++) {
                int zeros = 0;
                for (int ch = 0; ch < C; ch++) {
                    zeros += x[offset + (ch * H + y) * W + xx] == 0f ? 1 : 0;
                }
                expected[y * W + xx] = (float) zeros / C;
            }
        }
        ZeroMap map = p.zeroMap(1);
        assertEquals(H, map.height());
        assertEquals(W, map.width());
        assertArrayEquals(expected, map.shares());
        double mean = 0;
        for (float s : expected) {
            mean += s;
        }
        assertEquals(mean / (H * W), map.zeroFraction(), 1e-6);
    }

    @Test
    void theFirstCallOfALayerIsKeptAndNothingIsCapturedWithCaptureOff() {
        Random rnd = new Random(4);
        ConvNhwcLayer l = nhwcLayer(rnd);
        float[] first = nhwcInput(rnd, 0);
        float[] second = new float[first.length]; // all zero
        Profile p = new Profile().captureZeroMaps(true);
        ExecutionContext ctx = capturing(p);
        for (float[] x : new float[][] {first, second}) {
            Profiler.begin(ctx, 0);
            ConvNhwc.run(ctx, l, x, 0, new float[N * H * W * K], 0, null, Epilogue.RELU, 0, 0, null, 0);
            Profiler.end(ctx, 0);
        }
        assertArrayEquals(naiveNhwc(first, 0), p.zeroMap(0).shares());
        assertTrue(p.zeroMap(0).zeroFraction() < 1);
        p.reset();
        assertNull(p.zeroMap(0));

        Profile off = new Profile();
        ExecutionContext plain = capturing(off);
        Profiler.begin(plain, 0);
        ConvNhwc.run(plain, l, first, 0, new float[N * H * W * K], 0, null, Epilogue.RELU, 0, 0, null, 0);
        Profiler.end(plain, 0);
        assertNull(off.zeroMap(0));
        assertTrue(off.inputZeros(0) > 0, "the counters still run");
    }
}
