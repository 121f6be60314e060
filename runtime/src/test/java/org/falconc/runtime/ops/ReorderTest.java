package org.falconc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;
import org.junit.jupiter.api.Test;

/**
 * Reorder against naive index loops, element by element, with offsets, pixel strides whose gaps must
 * stay untouched, sizes around the tile sizes, and the NCHW → NHWC → NCHW round trip.
 */
class ReorderTest {
    private static final int[] CHANNELS = {1, 3, 8, 15, 16, 17, 64, 70};
    private static final float GAP = -12345f;

    private final Random rnd = new Random(5);
    private final ExecutionContext[] contexts = {
        null, new ExecutionContext(ThreadPool.of(1)), new ExecutionContext(ThreadPool.of(2)),
    };

    @Test
    void toNhwcAndBackMatchNaiveLoops() {
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rnd.nextInt(3);
            int c = CHANNELS[rnd.nextInt(CHANNELS.length)];
            int hw = trial < 250 ? 1 + rnd.nextInt(200) : 3000 + rnd.nextInt(200);
            check(n, c, hw, c + (rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(5)), contexts[trial % contexts.length]);
        }
    }

    @Test
    void networkBoundaryShapesRunInParallelLikeNaive() {
        check(1, 3, 224 * 224, 3, contexts[2]);
        check(2, 64, 56 * 56, 64, contexts[2]);
        check(1, 70, 31 * 29, 96, contexts[2]); // a channel slice of a 96-channel Concat output
    }

    private void check(int n, int c, int hw, int stride, ExecutionContext ctx) {
        String what = "n=" + n + " c=" + c + " hw=" + hw + " stride=" + stride;
        int xOff = rnd.nextInt(4);
        int yOff = rnd.nextInt(4);
        float[] nchw = new float[xOff + n * c * hw + 3];
        for (int i = 0; i < nchw.length; i++) {
            nchw[i] = i - 0.25f;
        }
        float[] nhwc = new float[yOff + n * hw * stride + 3];
        Arrays.fill(nhwc, GAP);
        Reorder.toNhwc(ctx, nchw, xOff, nhwc, yOff, n, c, hw, stride);
        float[] expected = new float[nhwc.length];
        Arrays.fill(expected, GAP);
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < hw; p++) {
                    expected[yOff + (b * hw + p) * stride + ch] = nchw[xOff + (b * c + ch) * hw + p];
                }
            }
        }
        TestData.assertBitsEqual(expected, nhwc, "toNhwc " + what);

        float[] back = new float[nchw.length];
        Arrays.fill(back, GAP);
        Reorder.toNchw(ctx, nhwc, yOff, back, xOff, n, c, hw, stride);
        for (int i = 0; i < back.length; i++) {
            boolean inside = i >= xOff && i < xOff + n * c * hw;
            assertEquals(inside ? nchw[i] : GAP, back[i], "round trip " + what + " at " + i);
        }

        // toNchw on its own: a channels-last source whose gaps hold values that must not be read.
        float[] src = new float[nhwc.length];
        for (int i = 0; i < src.length; i++) {
            src[i] = 1000f + i;
        }
        float[] dense = new float[n * c * hw];
        Reorder.toNchw(ctx, src, yOff, dense, 0, n, c, hw, stride);
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < hw; p++) {
                    int i = (b * c + ch) * hw + p;
                    if (dense[i] != src[yOff + (b * hw + p) * stride + ch]) {
                        assertEquals(src[yOff + (b * hw + p) * stride + ch], dense[i], "toNchw " + what + " at " + i);
                    }
                }
            }
        }
    }
}
