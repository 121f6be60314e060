package org.falconc.runtime.sparse;

import org.falconc.runtime.parallel.ExecutionContext;

/**
 * Activation masks (docs/sparsity.md): for an f32 tensor X[N, C, Q] (Q pixels, the flattened
 * spatial dims) a {@code boolean[N, C, nb]}, {@code nb = ceil(Q / B)}, with element [n, c, b] at
 * {@code maskOff + (n * C + c) * nb + b} true iff some pixel of block b ({@code [b * B, min((b + 1) * B, Q))})
 * of channel c of image n is non-zero (NaN included). One byte per (channel, block), so producers
 * running in parallel write distinct bytes without atomics.
 */
public final class Masks {

    /** Below this many elements {@link #build} runs on the calling thread only. */
    private static final int PARALLEL_MIN_ELEMENTS = 1 << 15;

    private Masks() {
    }

    /** Blocks per channel: {@code ceil(pixels / block)}. */
    public static int blocks(int pixels, int block) {
        if (block < 1) {
            throw new IllegalArgumentException("mask block must be >= 1, got " + block);
        }
        return (pixels + block - 1) / block;
    }

    /** Mask elements of an [N, C, Q] tensor: {@code n * c * blocks(pixels, block)}. */
    public static int length(int n, int c, int pixels, int block) {
        return n * c * blocks(pixels, block);
    }

    /**
     * The ActivationMask kernel: writes the mask of x [N, C, Q] (at {@code x[xOff]}) to
     * {@code mask[maskOff, maskOff + N * C * nb)}, parallel over channels.
     */
    public static void build(ExecutionContext ctx, float[] x, int xOff, int n, int c, int pixels,
                             boolean[] mask, int maskOff, int block) {
        int nb = blocks(pixels, block);
        int planes = n * c;
        if ((long) planes * pixels < PARALLEL_MIN_ELEMENTS || ctx.threads() == 1) {
            for (int plane = 0; plane < planes; plane++) {
                buildPlane(x, xOff + plane * pixels, pixels, mask, maskOff + plane * nb, block, nb);
            }
            return;
        }
        ctx.pool().parallelFor(planes, (plane, lane) ->
                buildPlane(x, xOff + plane * pixels, pixels, mask, maskOff + plane * nb, block, nb));
    }

    /** The mask of one channel: {@code nb} bytes at {@code mask[maskOff]}. */
    static void buildPlane(float[] x, int xOff, int pixels, boolean[] mask, int maskOff, int block, int nb) {
        for (int b = 0; b < nb; b++) {
            int i = xOff + b * block;
            int end = xOff + Math.min(pixels, (b + 1) * block);
            boolean live = false;
            for (; i < end; i++) {
                if (x[i] != 0f) { // NaN != 0 too
                    live = true;
                    break;
                }
            }
            mask[maskOff + b] = live;
        }
    }
}
