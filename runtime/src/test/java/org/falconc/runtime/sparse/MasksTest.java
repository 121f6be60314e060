package org.falconc.runtime.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Random;
import org.falconc.runtime.Approx;
import org.falconc.runtime.Epilogue;
import org.falconc.runtime.conv.Conv2d;
import org.falconc.runtime.conv.PackedConv;
import org.falconc.runtime.gemm.MicroKernel;
import org.falconc.runtime.gemm.MicroKernels;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;
import org.junit.jupiter.api.Test;

/** Masks built by scanning ({@link Masks#build}) and by the convolution stores, against the naive twin. */
class MasksTest {

    private static final ThreadPool ONE = ThreadPool.of(1);
    private static final ThreadPool TWO = ThreadPool.of(2);

    @Test
    void blocksIsCeiling() {
        assertEquals(1, Masks.blocks(1, 1));
        assertEquals(4, Masks.blocks(4, 1));
        assertEquals(2, Masks.blocks(33, 32));
        assertEquals(1, Masks.blocks(32, 32));
        assertEquals(1, Masks.blocks(5, 100));
        assertEquals(2 * 3 * 2, Masks.length(2, 3, 33, 32));
    }

    @Test
    void buildMatchesNaive() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 120; trial++) {
            int n = 1 + rnd.nextInt(2);
            int c = 1 + rnd.nextInt(trial % 10 == 0 ? 64 : 6);
            int h = 1 + rnd.nextInt(trial % 10 == 0 ? 60 : 12);
            int w = 1 + rnd.nextInt(trial % 10 == 0 ? 60 : 12);
            int block = 1 + rnd.nextInt(h * w + 3);
            float[] x = NaiveMasks.input(rnd, n, c, h, w, trial % 4);
            if (trial % 7 == 0 && x.length > 0) {
                x[rnd.nextInt(x.length)] = Float.NaN;
                x[rnd.nextInt(x.length)] = -0f;
            }
            int off = 2;
            float[] xs = new float[off + x.length];
            System.arraycopy(x, 0, xs, off, x.length);
            boolean[] expected = NaiveMasks.of(x, 0, n, c, h * w, block);
            for (ThreadPool pool : new ThreadPool[] {ONE, TWO}) {
                boolean[] m = new boolean[5 + expected.length + 3];
                Arrays.fill(m, true); // stale contents must be overwritten
                Masks.build(new ExecutionContext(pool), xs, off, n, c, h * w, m, 5, block);
                assertArrayEquals(expected, Arrays.copyOfRange(m, 5, 5 + expected.length), "trial " + trial);
                assertEquals(true, m[4]);
                assertEquals(true, m[5 + expected.length]);
            }
        }
    }

    /** Conv2d.run's mask output (GEMM, direct, GEMV and depthwise paths) equals the mask of its output. */
    @Test
    void convolutionStoresWriteTheMaskOfTheirOutput() {
        Random rnd = new Random(11);
        int[][] shapes = {
            // n, c, h, w, k, r, s, stride, pad, dil, group
            {1, 8, 9, 11, 24, 3, 3, 1, 1, 1, 1},
            {2, 16, 12, 12, 40, 1, 1, 1, 0, 1, 1},   // direct 1x1
            {2, 24, 1, 1, 20, 1, 1, 1, 0, 1, 1},     // GEMV (1x1 image)
            {3, 12, 1, 3, 16, 1, 1, 1, 0, 1, 1},     // GEMV (3 pixels)
            {1, 6, 17, 13, 33, 3, 3, 2, 1, 2, 1},    // stride 2, dilation 2
            {2, 32, 15, 14, 32, 3, 3, 1, 1, 1, 32},  // depthwise
            {1, 8, 12, 12, 16, 5, 5, 2, 2, 1, 8},    // depthwise multiplier 2, stride 2
            {1, 12, 10, 10, 18, 3, 3, 1, 1, 1, 3},   // grouped
            {1, 64, 8, 40, 64, 3, 3, 1, 1, 1, 1},    // full 8x32 vector tiles
        };
        int[] acts = {Epilogue.RELU, Epilogue.THRESHOLDED_RELU, Epilogue.NONE, Epilogue.CLIP, Epilogue.SIGMOID,
            Epilogue.LEAKY_RELU};
        int trial = 0;
        for (int[] sh : shapes) {
            for (int act : acts) {
                trial++;
                int n = sh[0], c = sh[1], h = sh[2], w = sh[3], k = sh[4], r = sh[5], s = sh[6];
                int stride = sh[7], pad = sh[8], dil = sh[9], group = sh[10];
                int oh = (h + 2 * pad - dil * (r - 1) - 1) / stride + 1;
                int ow = (w + 2 * pad - dil * (s - 1) - 1) / stride + 1;
                float[] x = NaiveMasks.input(rnd, n, c, h, w, 2);
                float[] wt = Approx.random(rnd, k * (c / group) * r * s);
                float[] bias = Approx.random(rnd, k);
                for (int i = 0; i < k; i += 3) {
                    bias[i] = -100f; // whole dead channels under ReLU-like activations
                }
                float[] residual = trial % 3 == 0 ? Approx.random(rnd, n * k * oh * ow) : null;
                float p0 = act == Epilogue.THRESHOLDED_RELU ? 0.3f : Approx.p0(act);
                float p1 = Approx.p1(act);
                PackedConv packed = Conv2d.pack(wt, 0, k, c, r, s, group);
                int pixels = oh * ow;
                for (int block : new int[] {1, 3, 7, 32, 33, pixels, pixels + 5}) {
                    for (MicroKernel kernel : new MicroKernel[] {MicroKernels.best(), MicroKernels.scalar()}) {
                        for (ThreadPool pool : new ThreadPool[] {ONE, TWO}) {
                            float[] y = new float[3 + n * k * pixels];
                            int nb = Masks.blocks(pixels, block);
                            boolean[] mask = new boolean[4 + n * k * nb + 2];
                            Arrays.fill(mask, true);
                            Conv2d.run(new ExecutionContext(pool), kernel, x, 0, y, 3, packed, bias, n, c, h, w, k,
                                    oh, ow, r, s, stride, stride, pad, pad, dil, dil, group, act, p0, p1,
                                    residual, 0, mask, 4, block);
                            boolean[] expected = NaiveMasks.of(y, 3, n, k, pixels, block);
                            String what = Arrays.toString(sh) + " act " + act + " block " + block + " "
                                    + kernel.name() + " threads " + pool.threads();
                            assertArrayEquals(expected, Arrays.copyOfRange(mask, 4, 4 + expected.length), what);
                            assertEquals(true, mask[3], what);
                            assertEquals(true, mask[4 + expected.length], what);
                        }
                    }
                }
            }
        }
    }

    @Test
    void thresholdedReluMatchesOnnx() {
        assertEquals(Epilogue.THRESHOLDED_RELU, Epilogue.code("ThresholdedRelu"));
        assertEquals(2f, Epilogue.apply(Epilogue.THRESHOLDED_RELU, 1f, 0f, 2f));
        assertEquals(0f, Epilogue.apply(Epilogue.THRESHOLDED_RELU, 1f, 0f, 1f));
        assertEquals(0f, Epilogue.apply(Epilogue.THRESHOLDED_RELU, 1f, 0f, 0.5f));
        assertEquals(0f, Epilogue.apply(Epilogue.THRESHOLDED_RELU, 1f, 0f, Float.NaN));
        assertEquals(-0.5f, Epilogue.apply(Epilogue.THRESHOLDED_RELU, -1f, 0f, -0.5f));
        assertFalse(Epilogue.apply(Epilogue.THRESHOLDED_RELU, -1f, 0f, -2f) != 0f);
    }
}
