package org.falconc.runtime.sparse;

import java.util.BitSet;
import java.util.Random;

/** Naive twins of the mask kernels and of the covered-block rule, and zero-pattern inputs. */
final class NaiveMasks {

    private NaiveMasks() {
    }

    /** The mask of x [N, C, Q] at {@code x[off]}: straight from the definition, element by element. */
    static boolean[] of(float[] x, int off, int n, int c, int q, int block) {
        int nb = (q + block - 1) / block;
        boolean[] m = new boolean[n * c * nb];
        for (int plane = 0; plane < n * c; plane++) {
            for (int p = 0; p < q; p++) {
                float v = x[off + plane * q + p];
                if (v != 0f || Float.isNaN(v)) {
                    m[plane * nb + p / block] = true;
                }
            }
        }
        return m;
    }

    /** The doc's rule, element by element: blocks of every (iy, ix) in the tile's row x column window. */
    static BitSet coveredByRule(int h, int w, int oh, int ow, int r, int s, int sh, int sw, int pt, int pl,
                                int dh, int dw, int unitPixels, int block, int tile) {
        int p0 = tile * unitPixels;
        int p1 = Math.min(oh * ow, p0 + unitPixels);
        int oy0 = p0 / ow;
        int oy1 = (p1 - 1) / ow;
        BitSet set = new BitSet();
        for (int iy = oy0 * sh - pt; iy <= oy1 * sh - pt + (r - 1) * dh; iy++) {
            if (iy < 0 || iy >= h) {
                continue;
            }
            int lo = oy0 == oy1 ? (p0 % ow) * sw - pl : 0;
            int hi = oy0 == oy1 ? ((p1 - 1) % ow) * sw - pl + (s - 1) * dw : w - 1;
            for (int ix = lo; ix <= hi; ix++) {
                if (ix >= 0 && ix < w) {
                    set.set((iy * w + ix) / block);
                }
            }
        }
        return set;
    }

    /** Blocks actually read by some tap of some output pixel of the tile. */
    static BitSet coveredByTaps(int h, int w, int oh, int ow, int r, int s, int sh, int sw, int pt, int pl,
                                int dh, int dw, int unitPixels, int block, int tile) {
        BitSet set = new BitSet();
        for (int p = tile * unitPixels; p < Math.min(oh * ow, (tile + 1) * unitPixels); p++) {
            int oy = p / ow;
            int ox = p % ow;
            for (int ry = 0; ry < r; ry++) {
                for (int sx = 0; sx < s; sx++) {
                    int iy = oy * sh - pt + ry * dh;
                    int ix = ox * sw - pl + sx * dw;
                    if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                        set.set((iy * w + ix) / block);
                    }
                }
            }
        }
        return set;
    }

    /**
     * A post-ReLU-like input [N, C, H*W] with zero patterns by {@code mode}: 0 all zero, 1 all
     * live (no zero), 2 ReLU of random values plus whole zero channels and zero rectangles, 3 very
     * sparse (few non-zeros).
     */
    static float[] input(Random rnd, int n, int c, int h, int w, int mode) {
        float[] x = new float[n * c * h * w];
        if (mode == 0) {
            return x;
        }
        for (int i = 0; i < x.length; i++) {
            float v = rnd.nextFloat() * 2f - 1f;
            x[i] = mode == 1 ? (v == 0f ? 0.5f : v) : mode == 3 ? (rnd.nextInt(40) == 0 ? v : 0f) : Math.max(v, 0f);
        }
        if (mode == 2) {
            for (int plane = 0; plane < n * c; plane++) {
                int base = plane * h * w;
                if (rnd.nextInt(3) == 0) {
                    java.util.Arrays.fill(x, base, base + h * w, 0f);
                    continue;
                }
                for (int rect = rnd.nextInt(3); rect > 0; rect--) {
                    int y0 = rnd.nextInt(h);
                    int x0 = rnd.nextInt(w);
                    int y1 = y0 + rnd.nextInt(h - y0) + 1;
                    int x1 = x0 + rnd.nextInt(w - x0) + 1;
                    for (int iy = y0; iy < y1; iy++) {
                        java.util.Arrays.fill(x, base + iy * w + x0, base + iy * w + x1, 0f);
                    }
                }
            }
        }
        return x;
    }
}
