package org.falconc.runtime.conv;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.falconc.runtime.Epilogue;

/**
 * The Vector API {@link NhwcKernel}. Direct convolution: a register block of output pixels x vectors
 * of output channels, each reduction step broadcasting one input value per pixel and FMA-ing it
 * against the block's weight vectors; the accumulators are explicit locals (C2 keeps only those in
 * registers) and stay there over the whole taps x input-channel reduction. Blocks: 5 x 4 vectors,
 * 10 x 2 and 12 x 1 (under 24 accumulators: more spill). Only loaded by {@link NhwcKernels} when the
 * jdk.incubator.vector module is present.
 */
final class VectorNhwcKernel extends NhwcKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Tile row stride: the widest block. */
    private static final int T = 4 * L;

    VectorNhwcKernel() {
        if (L > PANEL || PANEL % L != 0) {
            throw new IllegalStateException("vector species does not tile a weight panel: " + S);
        }
    }

    @Override
    int lanes() {
        return L;
    }

    @Override
    String name() {
        return "vector (" + S + ")";
    }

    @Override
    int rows(int nv) {
        return nv == 4 ? 5 : nv == 2 ? 10 : 12;
    }

    @Override
    void direct(int nv, boolean single, float[] x, int[] xo, int xoOff, int xAdd,
                int rowStep, int ryN, int colStep, int sxN, int inner,
                float[] w, int wb, int wRow, int wCol, int o1, int o2, int o3, float[] tile) {
        if (nv == 4) {
            if (single) {
                pixel4(x, xo, xoOff, xAdd, rowStep, ryN, colStep, sxN, inner, w, wb, wRow, wCol, o1, o2, o3, tile);
            } else {
                block4(x, xo, xoOff, xAdd, rowStep, ryN, colStep, sxN, inner, w, wb, wRow, wCol, o1, o2, o3, tile);
            }
        } else if (nv == 2) {
            if (single) {
                pixel2(x, xo, xoOff, xAdd, rowStep, ryN, colStep, sxN, inner, w, wb, wRow, wCol, o1, tile);
            } else {
                block2(x, xo, xoOff, xAdd, rowStep, ryN, colStep, sxN, inner, w, wb, wRow, wCol, o1, tile);
            }
        } else if (nv == 1) {
            if (single) {
                pixel1(x, xo, xoOff, xAdd, rowStep, ryN, colStep, sxN, inner, w, wb, wRow, wCol, tile);
            } else {
                block1(x, xo, xoOff, xAdd, rowStep, ryN, colStep, sxN, inner, w, wb, wRow, wCol, tile);
            }
        } else {
            throw new IllegalArgumentException("no register block of " + nv + " vectors");
        }
    }

    /** 5 pixels x 4 vectors: 20 accumulators. */
    private static void block4(float[] x, int[] xo, int xoOff, int xAdd, int rowStep, int ryN, int colStep, int sxN,
                               int inner, float[] w, int wb, int wRow, int wCol, int o1, int o2, int o3, float[] tile) {
        int x0 = xo[xoOff + 0] + xAdd;
        int x1 = xo[xoOff + 1] + xAdd;
        int x2 = xo[xoOff + 2] + xAdd;
        int x3 = xo[xoOff + 3] + xAdd;
        int x4 = xo[xoOff + 4] + xAdd;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S);
        FloatVector c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S);
        FloatVector c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c22 = FloatVector.zero(S);
        FloatVector c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        FloatVector c32 = FloatVector.zero(S);
        FloatVector c33 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c41 = FloatVector.zero(S);
        FloatVector c42 = FloatVector.zero(S);
        FloatVector c43 = FloatVector.zero(S);
        for (int ry = 0; ry < ryN; ry++) {
            for (int sx = 0; sx < sxN; sx++) {
                int xt = ry * rowStep + sx * colStep;
                int wt = wb + ry * wRow + sx * wCol;
                int a0 = x0 + xt;
                int a1 = x1 + xt;
                int a2 = x2 + xt;
                int a3 = x3 + xt;
                int a4 = x4 + xt;
                for (int ci = 0; ci < inner; ci++) {
                    int wi = wt + ci * PANEL;
                    FloatVector w0 = FloatVector.fromArray(S, w, wi);
                    FloatVector w1 = FloatVector.fromArray(S, w, wi + o1);
                    FloatVector w2 = FloatVector.fromArray(S, w, wi + o2);
                    FloatVector w3 = FloatVector.fromArray(S, w, wi + o3);
                    FloatVector b0 = FloatVector.broadcast(S, x[a0 + ci]);
                    c00 = b0.fma(w0, c00);
                    c01 = b0.fma(w1, c01);
                    c02 = b0.fma(w2, c02);
                    c03 = b0.fma(w3, c03);
                    FloatVector b1 = FloatVector.broadcast(S, x[a1 + ci]);
                    c10 = b1.fma(w0, c10);
                    c11 = b1.fma(w1, c11);
                    c12 = b1.fma(w2, c12);
                    c13 = b1.fma(w3, c13);
                    FloatVector b2 = FloatVector.broadcast(S, x[a2 + ci]);
                    c20 = b2.fma(w0, c20);
                    c21 = b2.fma(w1, c21);
                    c22 = b2.fma(w2, c22);
                    c23 = b2.fma(w3, c23);
                    FloatVector b3 = FloatVector.broadcast(S, x[a3 + ci]);
                    c30 = b3.fma(w0, c30);
                    c31 = b3.fma(w1, c31);
                    c32 = b3.fma(w2, c32);
                    c33 = b3.fma(w3, c33);
                    FloatVector b4 = FloatVector.broadcast(S, x[a4 + ci]);
                    c40 = b4.fma(w0, c40);
                    c41 = b4.fma(w1, c41);
                    c42 = b4.fma(w2, c42);
                    c43 = b4.fma(w3, c43);
                }
            }
        }
        c00.intoArray(tile, 0 * T + 0 * L);
        c01.intoArray(tile, 0 * T + 1 * L);
        c02.intoArray(tile, 0 * T + 2 * L);
        c03.intoArray(tile, 0 * T + 3 * L);
        c10.intoArray(tile, 1 * T + 0 * L);
        c11.intoArray(tile, 1 * T + 1 * L);
        c12.intoArray(tile, 1 * T + 2 * L);
        c13.intoArray(tile, 1 * T + 3 * L);
        c20.intoArray(tile, 2 * T + 0 * L);
        c21.intoArray(tile, 2 * T + 1 * L);
        c22.intoArray(tile, 2 * T + 2 * L);
        c23.intoArray(tile, 2 * T + 3 * L);
        c30.intoArray(tile, 3 * T + 0 * L);
        c31.intoArray(tile, 3 * T + 1 * L);
        c32.intoArray(tile, 3 * T + 2 * L);
        c33.intoArray(tile, 3 * T + 3 * L);
        c40.intoArray(tile, 4 * T + 0 * L);
        c41.intoArray(tile, 4 * T + 1 * L);
        c42.intoArray(tile, 4 * T + 2 * L);
        c43.intoArray(tile, 4 * T + 3 * L);
    }

    /** 10 pixels x 2 vectors: 20 accumulators. */
    private static void block2(float[] x, int[] xo, int xoOff, int xAdd, int rowStep, int ryN, int colStep, int sxN,
                               int inner, float[] w, int wb, int wRow, int wCol, int o1, float[] tile) {
        int x0 = xo[xoOff + 0] + xAdd;
        int x1 = xo[xoOff + 1] + xAdd;
        int x2 = xo[xoOff + 2] + xAdd;
        int x3 = xo[xoOff + 3] + xAdd;
        int x4 = xo[xoOff + 4] + xAdd;
        int x5 = xo[xoOff + 5] + xAdd;
        int x6 = xo[xoOff + 6] + xAdd;
        int x7 = xo[xoOff + 7] + xAdd;
        int x8 = xo[xoOff + 8] + xAdd;
        int x9 = xo[xoOff + 9] + xAdd;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        FloatVector c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S);
        FloatVector c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S);
        FloatVector c71 = FloatVector.zero(S);
        FloatVector c80 = FloatVector.zero(S);
        FloatVector c81 = FloatVector.zero(S);
        FloatVector c90 = FloatVector.zero(S);
        FloatVector c91 = FloatVector.zero(S);
        for (int ry = 0; ry < ryN; ry++) {
            for (int sx = 0; sx < sxN; sx++) {
                int xt = ry * rowStep + sx * colStep;
                int wt = wb + ry * wRow + sx * wCol;
                int a0 = x0 + xt;
                int a1 = x1 + xt;
                int a2 = x2 + xt;
                int a3 = x3 + xt;
                int a4 = x4 + xt;
                int a5 = x5 + xt;
                int a6 = x6 + xt;
                int a7 = x7 + xt;
                int a8 = x8 + xt;
                int a9 = x9 + xt;
                for (int ci = 0; ci < inner; ci++) {
                    int wi = wt + ci * PANEL;
                    FloatVector w0 = FloatVector.fromArray(S, w, wi);
                    FloatVector w1 = FloatVector.fromArray(S, w, wi + o1);
                    FloatVector b0 = FloatVector.broadcast(S, x[a0 + ci]);
                    c00 = b0.fma(w0, c00);
                    c01 = b0.fma(w1, c01);
                    FloatVector b1 = FloatVector.broadcast(S, x[a1 + ci]);
                    c10 = b1.fma(w0, c10);
                    c11 = b1.fma(w1, c11);
                    FloatVector b2 = FloatVector.broadcast(S, x[a2 + ci]);
                    c20 = b2.fma(w0, c20);
                    c21 = b2.fma(w1, c21);
                    FloatVector b3 = FloatVector.broadcast(S, x[a3 + ci]);
                    c30 = b3.fma(w0, c30);
                    c31 = b3.fma(w1, c31);
                    FloatVector b4 = FloatVector.broadcast(S, x[a4 + ci]);
                    c40 = b4.fma(w0, c40);
                    c41 = b4.fma(w1, c41);
                    FloatVector b5 = FloatVector.broadcast(S, x[a5 + ci]);
                    c50 = b5.fma(w0, c50);
                    c51 = b5.fma(w1, c51);
                    FloatVector b6 = FloatVector.broadcast(S, x[a6 + ci]);
                    c60 = b6.fma(w0, c60);
                    c61 = b6.fma(w1, c61);
                    FloatVector b7 = FloatVector.broadcast(S, x[a7 + ci]);
                    c70 = b7.fma(w0, c70);
                    c71 = b7.fma(w1, c71);
                    FloatVector b8 = FloatVector.broadcast(S, x[a8 + ci]);
                    c80 = b8.fma(w0, c80);
                    c81 = b8.fma(w1, c81);
                    FloatVector b9 = FloatVector.broadcast(S, x[a9 + ci]);
                    c90 = b9.fma(w0, c90);
                    c91 = b9.fma(w1, c91);
                }
            }
        }
        c00.intoArray(tile, 0 * T + 0 * L);
        c01.intoArray(tile, 0 * T + 1 * L);
        c10.intoArray(tile, 1 * T + 0 * L);
        c11.intoArray(tile, 1 * T + 1 * L);
        c20.intoArray(tile, 2 * T + 0 * L);
        c21.intoArray(tile, 2 * T + 1 * L);
        c30.intoArray(tile, 3 * T + 0 * L);
        c31.intoArray(tile, 3 * T + 1 * L);
        c40.intoArray(tile, 4 * T + 0 * L);
        c41.intoArray(tile, 4 * T + 1 * L);
        c50.intoArray(tile, 5 * T + 0 * L);
        c51.intoArray(tile, 5 * T + 1 * L);
        c60.intoArray(tile, 6 * T + 0 * L);
        c61.intoArray(tile, 6 * T + 1 * L);
        c70.intoArray(tile, 7 * T + 0 * L);
        c71.intoArray(tile, 7 * T + 1 * L);
        c80.intoArray(tile, 8 * T + 0 * L);
        c81.intoArray(tile, 8 * T + 1 * L);
        c90.intoArray(tile, 9 * T + 0 * L);
        c91.intoArray(tile, 9 * T + 1 * L);
    }

    /** 12 pixels x 1 vector: 12 accumulators (load-bound: one weight vector per 12 FMAs). */
    private static void block1(float[] x, int[] xo, int xoOff, int xAdd, int rowStep, int ryN, int colStep, int sxN,
                               int inner, float[] w, int wb, int wRow, int wCol, float[] tile) {
        int x0 = xo[xoOff + 0] + xAdd;
        int x1 = xo[xoOff + 1] + xAdd;
        int x2 = xo[xoOff + 2] + xAdd;
        int x3 = xo[xoOff + 3] + xAdd;
        int x4 = xo[xoOff + 4] + xAdd;
        int x5 = xo[xoOff + 5] + xAdd;
        int x6 = xo[xoOff + 6] + xAdd;
        int x7 = xo[xoOff + 7] + xAdd;
        int x8 = xo[xoOff + 8] + xAdd;
        int x9 = xo[xoOff + 9] + xAdd;
        int x10 = xo[xoOff + 10] + xAdd;
        int x11 = xo[xoOff + 11] + xAdd;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S);
        FloatVector c80 = FloatVector.zero(S);
        FloatVector c90 = FloatVector.zero(S);
        FloatVector c100 = FloatVector.zero(S);
        FloatVector c110 = FloatVector.zero(S);
        for (int ry = 0; ry < ryN; ry++) {
            for (int sx = 0; sx < sxN; sx++) {
                int xt = ry * rowStep + sx * colStep;
                int wt = wb + ry * wRow + sx * wCol;
                int a0 = x0 + xt;
                int a1 = x1 + xt;
                int a2 = x2 + xt;
                int a3 = x3 + xt;
                int a4 = x4 + xt;
                int a5 = x5 + xt;
                int a6 = x6 + xt;
                int a7 = x7 + xt;
                int a8 = x8 + xt;
                int a9 = x9 + xt;
                int a10 = x10 + xt;
                int a11 = x11 + xt;
                for (int ci = 0; ci < inner; ci++) {
                    int wi = wt + ci * PANEL;
                    FloatVector w0 = FloatVector.fromArray(S, w, wi);
                    FloatVector b0 = FloatVector.broadcast(S, x[a0 + ci]);
                    c00 = b0.fma(w0, c00);
                    FloatVector b1 = FloatVector.broadcast(S, x[a1 + ci]);
                    c10 = b1.fma(w0, c10);
                    FloatVector b2 = FloatVector.broadcast(S, x[a2 + ci]);
                    c20 = b2.fma(w0, c20);
                    FloatVector b3 = FloatVector.broadcast(S, x[a3 + ci]);
                    c30 = b3.fma(w0, c30);
                    FloatVector b4 = FloatVector.broadcast(S, x[a4 + ci]);
                    c40 = b4.fma(w0, c40);
                    FloatVector b5 = FloatVector.broadcast(S, x[a5 + ci]);
                    c50 = b5.fma(w0, c50);
                    FloatVector b6 = FloatVector.broadcast(S, x[a6 + ci]);
                    c60 = b6.fma(w0, c60);
                    FloatVector b7 = FloatVector.broadcast(S, x[a7 + ci]);
                    c70 = b7.fma(w0, c70);
                    FloatVector b8 = FloatVector.broadcast(S, x[a8 + ci]);
                    c80 = b8.fma(w0, c80);
                    FloatVector b9 = FloatVector.broadcast(S, x[a9 + ci]);
                    c90 = b9.fma(w0, c90);
                    FloatVector b10 = FloatVector.broadcast(S, x[a10 + ci]);
                    c100 = b10.fma(w0, c100);
                    FloatVector b11 = FloatVector.broadcast(S, x[a11 + ci]);
                    c110 = b11.fma(w0, c110);
                }
            }
        }
        c00.intoArray(tile, 0 * T + 0 * L);
        c10.intoArray(tile, 1 * T + 0 * L);
        c20.intoArray(tile, 2 * T + 0 * L);
        c30.intoArray(tile, 3 * T + 0 * L);
        c40.intoArray(tile, 4 * T + 0 * L);
        c50.intoArray(tile, 5 * T + 0 * L);
        c60.intoArray(tile, 6 * T + 0 * L);
        c70.intoArray(tile, 7 * T + 0 * L);
        c80.intoArray(tile, 8 * T + 0 * L);
        c90.intoArray(tile, 9 * T + 0 * L);
        c100.intoArray(tile, 10 * T + 0 * L);
        c110.intoArray(tile, 11 * T + 0 * L);
    }

    /** One pixel x 4 vectors (border and leftover pixels). */
    private static void pixel4(float[] x, int[] xo, int xoOff, int xAdd, int rowStep, int ryN, int colStep, int sxN,
                               int inner, float[] w, int wb, int wRow, int wCol, int o1, int o2, int o3, float[] tile) {
        int x0 = xo[xoOff + 0] + xAdd;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S);
        FloatVector c03 = FloatVector.zero(S);
        for (int ry = 0; ry < ryN; ry++) {
            for (int sx = 0; sx < sxN; sx++) {
                int xt = ry * rowStep + sx * colStep;
                int wt = wb + ry * wRow + sx * wCol;
                int a0 = x0 + xt;
                for (int ci = 0; ci < inner; ci++) {
                    int wi = wt + ci * PANEL;
                    FloatVector w0 = FloatVector.fromArray(S, w, wi);
                    FloatVector w1 = FloatVector.fromArray(S, w, wi + o1);
                    FloatVector w2 = FloatVector.fromArray(S, w, wi + o2);
                    FloatVector w3 = FloatVector.fromArray(S, w, wi + o3);
                    FloatVector b0 = FloatVector.broadcast(S, x[a0 + ci]);
                    c00 = b0.fma(w0, c00);
                    c01 = b0.fma(w1, c01);
                    c02 = b0.fma(w2, c02);
                    c03 = b0.fma(w3, c03);
                }
            }
        }
        c00.intoArray(tile, 0 * T + 0 * L);
        c01.intoArray(tile, 0 * T + 1 * L);
        c02.intoArray(tile, 0 * T + 2 * L);
        c03.intoArray(tile, 0 * T + 3 * L);
    }

    /** One pixel x 2 vectors. */
    private static void pixel2(float[] x, int[] xo, int xoOff, int xAdd, int rowStep, int ryN, int colStep, int sxN,
                               int inner, float[] w, int wb, int wRow, int wCol, int o1, float[] tile) {
        int x0 = xo[xoOff + 0] + xAdd;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        for (int ry = 0; ry < ryN; ry++) {
            for (int sx = 0; sx < sxN; sx++) {
                int xt = ry * rowStep + sx * colStep;
                int wt = wb + ry * wRow + sx * wCol;
                int a0 = x0 + xt;
                for (int ci = 0; ci < inner; ci++) {
                    int wi = wt + ci * PANEL;
                    FloatVector w0 = FloatVector.fromArray(S, w, wi);
                    FloatVector w1 = FloatVector.fromArray(S, w, wi + o1);
                    FloatVector b0 = FloatVector.broadcast(S, x[a0 + ci]);
                    c00 = b0.fma(w0, c00);
                    c01 = b0.fma(w1, c01);
                }
            }
        }
        c00.intoArray(tile, 0 * T + 0 * L);
        c01.intoArray(tile, 0 * T + 1 * L);
    }

    /** One pixel x 1 vector. */
    private static void pixel1(float[] x, int[] xo, int xoOff, int xAdd, int rowStep, int ryN, int colStep, int sxN,
                               int inner, float[] w, int wb, int wRow, int wCol, float[] tile) {
        int x0 = xo[xoOff + 0] + xAdd;
        FloatVector c00 = FloatVector.zero(S);
        for (int ry = 0; ry < ryN; ry++) {
            for (int sx = 0; sx < sxN; sx++) {
                int xt = ry * rowStep + sx * colStep;
                int wt = wb + ry * wRow + sx * wCol;
                int a0 = x0 + xt;
                for (int ci = 0; ci < inner; ci++) {
                    int wi = wt + ci * PANEL;
                    FloatVector w0 = FloatVector.fromArray(S, w, wi);
                    FloatVector b0 = FloatVector.broadcast(S, x[a0 + ci]);
                    c00 = b0.fma(w0, c00);
                }
            }
        }
        c00.intoArray(tile, 0 * T + 0 * L);
    }

    @Override
    void depthwise(float[] x, int xb, int pixStep, int count, int rowStep, int ryN, int colStep, int sxN,
                   float[] w, int wb, int wRow, int wCol, int k, int mult, float[] tile, int tb, int tileRow) {
        if (mult != 1) {
            // A channel multiplier repeats each input channel: rare, left to the plain loops.
            super.depthwise(x, xb, pixStep, count, rowStep, ryN, colStep, sxN, w, wb, wRow, wCol, k, mult,
                    tile, tb, tileRow);
            return;
        }
        int full = k - k % L;
        for (int c = 0; c < full; c += L) {
            int p = 0;
            // Four pixels per step share each weight vector load.
            for (; p + 4 <= count; p += 4) {
                int xp = xb + p * pixStep + c;
                FloatVector a0 = FloatVector.zero(S);
                FloatVector a1 = FloatVector.zero(S);
                FloatVector a2 = FloatVector.zero(S);
                FloatVector a3 = FloatVector.zero(S);
                for (int ry = 0; ry < ryN; ry++) {
                    for (int sx = 0; sx < sxN; sx++) {
                        int xi = xp + ry * rowStep + sx * colStep;
                        FloatVector wv = FloatVector.fromArray(S, w, wb + ry * wRow + sx * wCol + c);
                        a0 = FloatVector.fromArray(S, x, xi).fma(wv, a0);
                        a1 = FloatVector.fromArray(S, x, xi + pixStep).fma(wv, a1);
                        a2 = FloatVector.fromArray(S, x, xi + 2 * pixStep).fma(wv, a2);
                        a3 = FloatVector.fromArray(S, x, xi + 3 * pixStep).fma(wv, a3);
                    }
                }
                int ti = tb + p * tileRow + c;
                a0.intoArray(tile, ti);
                a1.intoArray(tile, ti + tileRow);
                a2.intoArray(tile, ti + 2 * tileRow);
                a3.intoArray(tile, ti + 3 * tileRow);
            }
            for (; p < count; p++) {
                int xp = xb + p * pixStep + c;
                FloatVector a0 = FloatVector.zero(S);
                for (int ry = 0; ry < ryN; ry++) {
                    for (int sx = 0; sx < sxN; sx++) {
                        FloatVector wv = FloatVector.fromArray(S, w, wb + ry * wRow + sx * wCol + c);
                        a0 = FloatVector.fromArray(S, x, xp + ry * rowStep + sx * colStep).fma(wv, a0);
                    }
                }
                a0.intoArray(tile, tb + p * tileRow + c);
            }
        }
        if (full < k) {
            depthwiseScalar(x, xb, pixStep, count, rowStep, ryN, colStep, sxN, w, wb, wRow, wCol, full, k, 1,
                    tile, tb, tileRow);
        }
    }

    @Override
    void store(float[] t, int ti, float[] y, int yi, int cols, float[] bias, int bi, float[] res, int ri,
               int mode, int act, float p0, float p1) {
        boolean finish = mode == ONLY || mode == LAST;
        int j = 0;
        if (!finish || act != Epilogue.SIGMOID) { // sigmoid: Epilogue.apply's exp, lane by lane
            if (mode == ONLY || mode == FIRST) {
                for (; j + L <= cols; j += L) {
                    FloatVector v = FloatVector.fromArray(S, t, ti + j);
                    if (bias != null) {
                        v = v.add(FloatVector.fromArray(S, bias, bi + j));
                    }
                    if (res != null) {
                        v = v.add(FloatVector.fromArray(S, res, ri + j));
                    }
                    if (finish) {
                        activateInto(v, act, p0, p1, y, yi + j);
                    } else {
                        v.intoArray(y, yi + j);
                    }
                }
            } else {
                for (; j + L <= cols; j += L) {
                    FloatVector v = FloatVector.fromArray(S, t, ti + j).add(FloatVector.fromArray(S, y, yi + j));
                    if (finish) {
                        activateInto(v, act, p0, p1, y, yi + j);
                    } else {
                        v.intoArray(y, yi + j);
                    }
                }
            }
        }
        // Tail lanes (K not a multiple of the vector length) never touch the channels after K.
        storeScalar(t, ti, y, yi, j, cols, bias, bi, res, ri, mode, act, p0, p1);
    }

    /**
     * Applies the activation as {@link Epilogue#apply} does, bit for bit (hard swish multiplies then
     * adds, no FMA), and stores: each case stores its own result, no vector merge after the switch.
     */
    private static void activateInto(FloatVector v, int act, float p0, float p1, float[] y, int yi) {
        switch (act) {
            case Epilogue.RELU -> v.max(0f).intoArray(y, yi);
            case Epilogue.CLIP -> v.max(p0).min(p1).intoArray(y, yi);
            case Epilogue.LEAKY_RELU -> v.blend(v.mul(p0), v.compare(VectorOperators.LT, 0f)).intoArray(y, yi);
            case Epilogue.HARD_SWISH -> v.mul(v.mul(1f / 6f).add(0.5f).max(0f).min(1f)).intoArray(y, yi);
            case Epilogue.THRESHOLDED_RELU ->
                    FloatVector.zero(S).blend(v, v.compare(VectorOperators.GT, p0)).intoArray(y, yi);
            case Epilogue.NONE -> v.intoArray(y, yi);
            default -> throw new IllegalArgumentException("unknown activation code " + act);
        }
    }
}
