package org.falconc.runtime.ops;

import org.falconc.runtime.parallel.ExecutionContext;

/**
 * Layout changes between NCHW and channels-last (NHWC) at the edges of a channels-last region:
 * per image a [C, HW] ↔ [HW, C] transpose, cache-blocked in tiles of {@value #CHANNEL_BLOCK}
 * channels by {@value #PIXEL_BLOCK} pixels so both sides of a tile stay in L1 and every cache line
 * is used whole. Tasks are (image, block of pixels), run in parallel on {@code ctx} (null runs on
 * the calling thread). The channels-last side may have a pixel stride above c (a channel slice of a
 * wider tensor); the floats between a pixel's c channels and the next pixel are never touched.
 */
public final class Reorder {
    /** Channels per tile: a tile's reads (or writes) on the NCHW side are this many streams. */
    static final int CHANNEL_BLOCK = 16;
    /** Pixels per tile: 64 floats are four cache lines of each NCHW row. */
    static final int PIXEL_BLOCK = 64;

    private Reorder() {
    }

    /**
     * [N, C, HW] → [N, HW, C]: y[b, p, ch] at yOff + (b·hw + p)·outPixelStride + ch takes
     * x[b, ch, p] of dense NCHW x.
     */
    public static void toNhwc(ExecutionContext ctx, float[] x, int xOff, float[] y, int yOff, int n, int c, int hw,
                              int outPixelStride) {
        check(n, c, hw, outPixelStride);
        int blocks = (hw + PIXEL_BLOCK - 1) / PIXEL_BLOCK;
        TaskRanges.run(ctx, n * blocks, (long) PIXEL_BLOCK * c, (start, end, lane) -> {
            for (int t = start; t < end; t++) {
                int b = t / blocks;
                int p0 = t % blocks * PIXEL_BLOCK;
                int p1 = Math.min(hw, p0 + PIXEL_BLOCK);
                int xb = xOff + b * c * hw;
                int yb = yOff + b * hw * outPixelStride;
                for (int c0 = 0; c0 < c; c0 += CHANNEL_BLOCK) {
                    int c1 = Math.min(c, c0 + CHANNEL_BLOCK);
                    for (int ch = c0; ch < c1; ch++) {
                        int src = xb + ch * hw;
                        int dst = yb + ch;
                        for (int p = p0; p < p1; p++) {
                            y[dst + p * outPixelStride] = x[src + p];
                        }
                    }
                }
            }
        });
    }

    /**
     * [N, HW, C] → [N, C, HW]: dense NCHW y[b, ch, p] takes x[b, p, ch] at
     * xOff + (b·hw + p)·inPixelStride + ch.
     */
    public static void toNchw(ExecutionContext ctx, float[] x, int xOff, float[] y, int yOff, int n, int c, int hw,
                              int inPixelStride) {
        check(n, c, hw, inPixelStride);
        int blocks = (hw + PIXEL_BLOCK - 1) / PIXEL_BLOCK;
        TaskRanges.run(ctx, n * blocks, (long) PIXEL_BLOCK * c, (start, end, lane) -> {
            for (int t = start; t < end; t++) {
                int b = t / blocks;
                int p0 = t % blocks * PIXEL_BLOCK;
                int p1 = Math.min(hw, p0 + PIXEL_BLOCK);
                int xb = xOff + b * hw * inPixelStride;
                int yb = yOff + b * c * hw;
                for (int c0 = 0; c0 < c; c0 += CHANNEL_BLOCK) {
                    int c1 = Math.min(c, c0 + CHANNEL_BLOCK);
                    // Writes run along a channel's pixels (contiguous); reads stay inside the tile.
                    for (int ch = c0; ch < c1; ch++) {
                        int dst = yb + ch * hw;
                        int src = xb + ch;
                        for (int p = p0; p < p1; p++) {
                            y[dst + p] = x[src + p * inPixelStride];
                        }
                    }
                }
            }
        });
    }

    private static void check(int n, int c, int hw, int pixelStride) {
        if (n < 0 || c < 0 || hw < 0 || pixelStride < c) {
            throw new IllegalArgumentException("bad reorder: n=" + n + " c=" + c + " hw=" + hw
                    + " pixelStride=" + pixelStride);
        }
    }
}
