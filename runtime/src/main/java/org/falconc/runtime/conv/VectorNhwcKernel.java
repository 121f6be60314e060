package org.falconc.runtime.conv;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.falconc.runtime.Epilogue;

/**
 * The Vector API {@link NhwcKernel}. Direct convolution: a register block of output pixels x vectors
 * of output channels, each reduction step broadcasting one input value per pixel and FMA-ing it
 * against the block's weight vectors; the accumulators are explicit locals (C2 keeps only those in
 * registers) over a tap's input channels (one counted loop: C2 on JDK 17 boxes vectors carried
 * through nested loops, so the driver loops over taps and the block reloads its tile). Blocks:
 * 5 x 4 and 6 x 4 vectors, 10 x 2 and 12 x 1 (at most 24 accumulators: more spill). Only loaded by
 * {@link NhwcKernels} when the jdk.incubator.vector module is present.
 */
final class VectorNhwcKernel extends NhwcKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /**
     * Weight floats per (tap, input channel) of a full panel: the 5x4 block's stride at 16 lanes, a
     * constant so C2 hoists the weight loads' range checks (3x3 512ch 7x7 ~10% faster than with the
     * stride a parameter). The 6x4 block keeps the parameter: with the constant C2's code for its 24
     * accumulators ran 20-25% slower on 14x14-56x56 layers (measured on Zen 5, JDK 17).
     */
    private static final int PW = ConvNhwc.PANEL_WIDTH;
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
    int tallRows() {
        return 6;
    }

    @Override
    void direct(int nv, int mr, boolean load, float[] x, int[] xo, int xoOff, int xAdd, int inner,
                float[] w, int wb, int ws, float[] tile) {
        boolean single = mr == 1;
        if (nv == 4) {
            if (single) {
                pixel4(load, x, xo, xoOff, xAdd, inner, w, wb, ws, tile, 0);
            } else if (ws != PW) {
                // A narrower last panel (only below 16 lanes, where 4 vectors are less than a panel): by pixel.
                for (int m = 0; m < mr; m++) {
                    pixel4(load, x, xo, xoOff + m, xAdd, inner, w, wb, ws, tile, m * T);
                }
            } else if (mr == 6) {
                block4Tall(load, x, xo, xoOff, xAdd, inner, w, wb, ws, tile);
            } else {
                block4(load, x, xo, xoOff, xAdd, inner, w, wb, tile);
            }
        } else if (nv == 2) {
            if (single) {
                pixel2(load, x, xo, xoOff, xAdd, inner, w, wb, ws, tile);
            } else {
                block2(load, x, xo, xoOff, xAdd, inner, w, wb, ws, tile);
            }
        } else if (nv == 1) {
            if (single) {
                pixel1(load, x, xo, xoOff, xAdd, inner, w, wb, ws, tile);
            } else if (mr == 24) {
                block1Tall(load, x, xo, xoOff, xAdd, inner, w, wb, ws, tile);
            } else {
                block1(load, x, xo, xoOff, xAdd, inner, w, wb, ws, tile);
            }
        } else {
            throw new IllegalArgumentException("no register block of " + nv + " vectors");
        }
    }

    /** 5 pixels x 4 vectors: 20 accumulators (small maps: 7x7 has 5-pixel rows and borders). */
    private static void block4(boolean load, float[] x, int[] xo, int xoOff, int xAdd, int inner,
                               float[] w, int wb, float[] tile) {
        int x0 = xo[xoOff + 0] + xAdd;
        int x1 = xo[xoOff + 1] + xAdd;
        int x2 = xo[xoOff + 2] + xAdd;
        int x3 = xo[xoOff + 3] + xAdd;
        int x4 = xo[xoOff + 4] + xAdd;
        FloatVector c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33, c40, c41, c42, c43;
        if (load) {
            c00 = FloatVector.fromArray(S, tile, 0 * T + 0 * L);
            c01 = FloatVector.fromArray(S, tile, 0 * T + 1 * L);
            c02 = FloatVector.fromArray(S, tile, 0 * T + 2 * L);
            c03 = FloatVector.fromArray(S, tile, 0 * T + 3 * L);
            c10 = FloatVector.fromArray(S, tile, 1 * T + 0 * L);
            c11 = FloatVector.fromArray(S, tile, 1 * T + 1 * L);
            c12 = FloatVector.fromArray(S, tile, 1 * T + 2 * L);
            c13 = FloatVector.fromArray(S, tile, 1 * T + 3 * L);
            c20 = FloatVector.fromArray(S, tile, 2 * T + 0 * L);
            c21 = FloatVector.fromArray(S, tile, 2 * T + 1 * L);
            c22 = FloatVector.fromArray(S, tile, 2 * T + 2 * L);
            c23 = FloatVector.fromArray(S, tile, 2 * T + 3 * L);
            c30 = FloatVector.fromArray(S, tile, 3 * T + 0 * L);
            c31 = FloatVector.fromArray(S, tile, 3 * T + 1 * L);
            c32 = FloatVector.fromArray(S, tile, 3 * T + 2 * L);
            c33 = FloatVector.fromArray(S, tile, 3 * T + 3 * L);
            c40 = FloatVector.fromArray(S, tile, 4 * T + 0 * L);
            c41 = FloatVector.fromArray(S, tile, 4 * T + 1 * L);
            c42 = FloatVector.fromArray(S, tile, 4 * T + 2 * L);
            c43 = FloatVector.fromArray(S, tile, 4 * T + 3 * L);
        } else {
            c00 = FloatVector.zero(S);
            c01 = FloatVector.zero(S);
            c02 = FloatVector.zero(S);
            c03 = FloatVector.zero(S);
            c10 = FloatVector.zero(S);
            c11 = FloatVector.zero(S);
            c12 = FloatVector.zero(S);
            c13 = FloatVector.zero(S);
            c20 = FloatVector.zero(S);
            c21 = FloatVector.zero(S);
            c22 = FloatVector.zero(S);
            c23 = FloatVector.zero(S);
            c30 = FloatVector.zero(S);
            c31 = FloatVector.zero(S);
            c32 = FloatVector.zero(S);
            c33 = FloatVector.zero(S);
            c40 = FloatVector.zero(S);
            c41 = FloatVector.zero(S);
            c42 = FloatVector.zero(S);
            c43 = FloatVector.zero(S);
        }
        for (int ci = 0; ci < inner; ci++) {
            // Indices linear in ci (invariant offsets only) so C2 hoists the range checks.
            int wi = wb + ci * PW;
            FloatVector w0 = FloatVector.fromArray(S, w, wi);
            FloatVector w1 = FloatVector.fromArray(S, w, wi + 1 * L);
            FloatVector w2 = FloatVector.fromArray(S, w, wi + 2 * L);
            FloatVector w3 = FloatVector.fromArray(S, w, wi + 3 * L);
            FloatVector b0 = FloatVector.broadcast(S, x[x0 + ci]);
            c00 = b0.fma(w0, c00);
            c01 = b0.fma(w1, c01);
            c02 = b0.fma(w2, c02);
            c03 = b0.fma(w3, c03);
            FloatVector b1 = FloatVector.broadcast(S, x[x1 + ci]);
            c10 = b1.fma(w0, c10);
            c11 = b1.fma(w1, c11);
            c12 = b1.fma(w2, c12);
            c13 = b1.fma(w3, c13);
            FloatVector b2 = FloatVector.broadcast(S, x[x2 + ci]);
            c20 = b2.fma(w0, c20);
            c21 = b2.fma(w1, c21);
            c22 = b2.fma(w2, c22);
            c23 = b2.fma(w3, c23);
            FloatVector b3 = FloatVector.broadcast(S, x[x3 + ci]);
            c30 = b3.fma(w0, c30);
            c31 = b3.fma(w1, c31);
            c32 = b3.fma(w2, c32);
            c33 = b3.fma(w3, c33);
            FloatVector b4 = FloatVector.broadcast(S, x[x4 + ci]);
            c40 = b4.fma(w0, c40);
            c41 = b4.fma(w1, c41);
            c42 = b4.fma(w2, c42);
            c43 = b4.fma(w3, c43);
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

    /** 6 pixels x 4 vectors: 24 accumulators, the most that stay in registers (large maps). */
    private static void block4Tall(boolean load, float[] x, int[] xo, int xoOff, int xAdd, int inner,
                               float[] w, int wb, int ws, float[] tile) {
        int x0 = xo[xoOff + 0] + xAdd;
        int x1 = xo[xoOff + 1] + xAdd;
        int x2 = xo[xoOff + 2] + xAdd;
        int x3 = xo[xoOff + 3] + xAdd;
        int x4 = xo[xoOff + 4] + xAdd;
        int x5 = xo[xoOff + 5] + xAdd;
        FloatVector c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23;
        FloatVector c30, c31, c32, c33, c40, c41, c42, c43, c50, c51, c52, c53;
        if (load) {
            c00 = FloatVector.fromArray(S, tile, 0 * T + 0 * L);
            c01 = FloatVector.fromArray(S, tile, 0 * T + 1 * L);
            c02 = FloatVector.fromArray(S, tile, 0 * T + 2 * L);
            c03 = FloatVector.fromArray(S, tile, 0 * T + 3 * L);
            c10 = FloatVector.fromArray(S, tile, 1 * T + 0 * L);
            c11 = FloatVector.fromArray(S, tile, 1 * T + 1 * L);
            c12 = FloatVector.fromArray(S, tile, 1 * T + 2 * L);
            c13 = FloatVector.fromArray(S, tile, 1 * T + 3 * L);
            c20 = FloatVector.fromArray(S, tile, 2 * T + 0 * L);
            c21 = FloatVector.fromArray(S, tile, 2 * T + 1 * L);
            c22 = FloatVector.fromArray(S, tile, 2 * T + 2 * L);
            c23 = FloatVector.fromArray(S, tile, 2 * T + 3 * L);
            c30 = FloatVector.fromArray(S, tile, 3 * T + 0 * L);
            c31 = FloatVector.fromArray(S, tile, 3 * T + 1 * L);
            c32 = FloatVector.fromArray(S, tile, 3 * T + 2 * L);
            c33 = FloatVector.fromArray(S, tile, 3 * T + 3 * L);
            c40 = FloatVector.fromArray(S, tile, 4 * T + 0 * L);
            c41 = FloatVector.fromArray(S, tile, 4 * T + 1 * L);
            c42 = FloatVector.fromArray(S, tile, 4 * T + 2 * L);
            c43 = FloatVector.fromArray(S, tile, 4 * T + 3 * L);
            c50 = FloatVector.fromArray(S, tile, 5 * T + 0 * L);
            c51 = FloatVector.fromArray(S, tile, 5 * T + 1 * L);
            c52 = FloatVector.fromArray(S, tile, 5 * T + 2 * L);
            c53 = FloatVector.fromArray(S, tile, 5 * T + 3 * L);
        } else {
            c00 = FloatVector.zero(S);
            c01 = FloatVector.zero(S);
            c02 = FloatVector.zero(S);
            c03 = FloatVector.zero(S);
            c10 = FloatVector.zero(S);
            c11 = FloatVector.zero(S);
            c12 = FloatVector.zero(S);
            c13 = FloatVector.zero(S);
            c20 = FloatVector.zero(S);
            c21 = FloatVector.zero(S);
            c22 = FloatVector.zero(S);
            c23 = FloatVector.zero(S);
            c30 = FloatVector.zero(S);
            c31 = FloatVector.zero(S);
            c32 = FloatVector.zero(S);
            c33 = FloatVector.zero(S);
            c40 = FloatVector.zero(S);
            c41 = FloatVector.zero(S);
            c42 = FloatVector.zero(S);
            c43 = FloatVector.zero(S);
            c50 = FloatVector.zero(S);
            c51 = FloatVector.zero(S);
            c52 = FloatVector.zero(S);
            c53 = FloatVector.zero(S);
        }
        for (int ci = 0; ci < inner; ci++) {
            // Indices linear in ci (invariant offsets only) so C2 hoists the range checks.
            int wi = wb + ci * ws;
            FloatVector w0 = FloatVector.fromArray(S, w, wi);
            FloatVector w1 = FloatVector.fromArray(S, w, wi + 1 * L);
            FloatVector w2 = FloatVector.fromArray(S, w, wi + 2 * L);
            FloatVector w3 = FloatVector.fromArray(S, w, wi + 3 * L);
            FloatVector b0 = FloatVector.broadcast(S, x[x0 + ci]);
            c00 = b0.fma(w0, c00);
            c01 = b0.fma(w1, c01);
            c02 = b0.fma(w2, c02);
            c03 = b0.fma(w3, c03);
            FloatVector b1 = FloatVector.broadcast(S, x[x1 + ci]);
            c10 = b1.fma(w0, c10);
            c11 = b1.fma(w1, c11);
            c12 = b1.fma(w2, c12);
            c13 = b1.fma(w3, c13);
            FloatVector b2 = FloatVector.broadcast(S, x[x2 + ci]);
            c20 = b2.fma(w0, c20);
            c21 = b2.fma(w1, c21);
            c22 = b2.fma(w2, c22);
            c23 = b2.fma(w3, c23);
            FloatVector b3 = FloatVector.broadcast(S, x[x3 + ci]);
            c30 = b3.fma(w0, c30);
            c31 = b3.fma(w1, c31);
            c32 = b3.fma(w2, c32);
            c33 = b3.fma(w3, c33);
            FloatVector b4 = FloatVector.broadcast(S, x[x4 + ci]);
            c40 = b4.fma(w0, c40);
            c41 = b4.fma(w1, c41);
            c42 = b4.fma(w2, c42);
            c43 = b4.fma(w3, c43);
            FloatVector b5 = FloatVector.broadcast(S, x[x5 + ci]);
            c50 = b5.fma(w0, c50);
            c51 = b5.fma(w1, c51);
            c52 = b5.fma(w2, c52);
            c53 = b5.fma(w3, c53);
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
        c50.intoArray(tile, 5 * T + 0 * L);
        c51.intoArray(tile, 5 * T + 1 * L);
        c52.intoArray(tile, 5 * T + 2 * L);
        c53.intoArray(tile, 5 * T + 3 * L);
    }

    /** 10 pixels x 2 vectors. */
    private static void block2(boolean load, float[] x, int[] xo, int xoOff, int xAdd, int inner,
                               float[] w, int wb, int ws, float[] tile) {
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
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71, c80, c81, c90, c91;
        if (load) {
            c00 = FloatVector.fromArray(S, tile, 0 * T + 0 * L);
            c01 = FloatVector.fromArray(S, tile, 0 * T + 1 * L);
            c10 = FloatVector.fromArray(S, tile, 1 * T + 0 * L);
            c11 = FloatVector.fromArray(S, tile, 1 * T + 1 * L);
            c20 = FloatVector.fromArray(S, tile, 2 * T + 0 * L);
            c21 = FloatVector.fromArray(S, tile, 2 * T + 1 * L);
            c30 = FloatVector.fromArray(S, tile, 3 * T + 0 * L);
            c31 = FloatVector.fromArray(S, tile, 3 * T + 1 * L);
            c40 = FloatVector.fromArray(S, tile, 4 * T + 0 * L);
            c41 = FloatVector.fromArray(S, tile, 4 * T + 1 * L);
            c50 = FloatVector.fromArray(S, tile, 5 * T + 0 * L);
            c51 = FloatVector.fromArray(S, tile, 5 * T + 1 * L);
            c60 = FloatVector.fromArray(S, tile, 6 * T + 0 * L);
            c61 = FloatVector.fromArray(S, tile, 6 * T + 1 * L);
            c70 = FloatVector.fromArray(S, tile, 7 * T + 0 * L);
            c71 = FloatVector.fromArray(S, tile, 7 * T + 1 * L);
            c80 = FloatVector.fromArray(S, tile, 8 * T + 0 * L);
            c81 = FloatVector.fromArray(S, tile, 8 * T + 1 * L);
            c90 = FloatVector.fromArray(S, tile, 9 * T + 0 * L);
            c91 = FloatVector.fromArray(S, tile, 9 * T + 1 * L);
        } else {
            c00 = FloatVector.zero(S);
            c01 = FloatVector.zero(S);
            c10 = FloatVector.zero(S);
            c11 = FloatVector.zero(S);
            c20 = FloatVector.zero(S);
            c21 = FloatVector.zero(S);
            c30 = FloatVector.zero(S);
            c31 = FloatVector.zero(S);
            c40 = FloatVector.zero(S);
            c41 = FloatVector.zero(S);
            c50 = FloatVector.zero(S);
            c51 = FloatVector.zero(S);
            c60 = FloatVector.zero(S);
            c61 = FloatVector.zero(S);
            c70 = FloatVector.zero(S);
            c71 = FloatVector.zero(S);
            c80 = FloatVector.zero(S);
            c81 = FloatVector.zero(S);
            c90 = FloatVector.zero(S);
            c91 = FloatVector.zero(S);
        }
        for (int ci = 0; ci < inner; ci++) {
            // Indices linear in ci (invariant offsets only) so C2 hoists the range checks.
            int wi = wb + ci * ws;
            FloatVector w0 = FloatVector.fromArray(S, w, wi);
            FloatVector w1 = FloatVector.fromArray(S, w, wi + 1 * L);
            FloatVector b0 = FloatVector.broadcast(S, x[x0 + ci]);
            c00 = b0.fma(w0, c00);
            c01 = b0.fma(w1, c01);
            FloatVector b1 = FloatVector.broadcast(S, x[x1 + ci]);
            c10 = b1.fma(w0, c10);
            c11 = b1.fma(w1, c11);
            FloatVector b2 = FloatVector.broadcast(S, x[x2 + ci]);
            c20 = b2.fma(w0, c20);
            c21 = b2.fma(w1, c21);
            FloatVector b3 = FloatVector.broadcast(S, x[x3 + ci]);
            c30 = b3.fma(w0, c30);
            c31 = b3.fma(w1, c31);
            FloatVector b4 = FloatVector.broadcast(S, x[x4 + ci]);
            c40 = b4.fma(w0, c40);
            c41 = b4.fma(w1, c41);
            FloatVector b5 = FloatVector.broadcast(S, x[x5 + ci]);
            c50 = b5.fma(w0, c50);
            c51 = b5.fma(w1, c51);
            FloatVector b6 = FloatVector.broadcast(S, x[x6 + ci]);
            c60 = b6.fma(w0, c60);
            c61 = b6.fma(w1, c61);
            FloatVector b7 = FloatVector.broadcast(S, x[x7 + ci]);
            c70 = b7.fma(w0, c70);
            c71 = b7.fma(w1, c71);
            FloatVector b8 = FloatVector.broadcast(S, x[x8 + ci]);
            c80 = b8.fma(w0, c80);
            c81 = b8.fma(w1, c81);
            FloatVector b9 = FloatVector.broadcast(S, x[x9 + ci]);
            c90 = b9.fma(w0, c90);
            c91 = b9.fma(w1, c91);
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

    /** 12 pixels x 1 vector. */
    private static void block1(boolean load, float[] x, int[] xo, int xoOff, int xAdd, int inner,
                               float[] w, int wb, int ws, float[] tile) {
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
        FloatVector c00, c10, c20, c30, c40, c50, c60, c70, c80, c90, c100, c110;
        if (load) {
            c00 = FloatVector.fromArray(S, tile, 0 * T + 0 * L);
            c10 = FloatVector.fromArray(S, tile, 1 * T + 0 * L);
            c20 = FloatVector.fromArray(S, tile, 2 * T + 0 * L);
            c30 = FloatVector.fromArray(S, tile, 3 * T + 0 * L);
            c40 = FloatVector.fromArray(S, tile, 4 * T + 0 * L);
            c50 = FloatVector.fromArray(S, tile, 5 * T + 0 * L);
            c60 = FloatVector.fromArray(S, tile, 6 * T + 0 * L);
            c70 = FloatVector.fromArray(S, tile, 7 * T + 0 * L);
            c80 = FloatVector.fromArray(S, tile, 8 * T + 0 * L);
            c90 = FloatVector.fromArray(S, tile, 9 * T + 0 * L);
            c100 = FloatVector.fromArray(S, tile, 10 * T + 0 * L);
            c110 = FloatVector.fromArray(S, tile, 11 * T + 0 * L);
        } else {
            c00 = FloatVector.zero(S);
            c10 = FloatVector.zero(S);
            c20 = FloatVector.zero(S);
            c30 = FloatVector.zero(S);
            c40 = FloatVector.zero(S);
            c50 = FloatVector.zero(S);
            c60 = FloatVector.zero(S);
            c70 = FloatVector.zero(S);
            c80 = FloatVector.zero(S);
            c90 = FloatVector.zero(S);
            c100 = FloatVector.zero(S);
            c110 = FloatVector.zero(S);
        }
        for (int ci = 0; ci < inner; ci++) {
            // Indices linear in ci (invariant offsets only) so C2 hoists the range checks.
            int wi = wb + ci * ws;
            FloatVector w0 = FloatVector.fromArray(S, w, wi);
            FloatVector b0 = FloatVector.broadcast(S, x[x0 + ci]);
            c00 = b0.fma(w0, c00);
            FloatVector b1 = FloatVector.broadcast(S, x[x1 + ci]);
            c10 = b1.fma(w0, c10);
            FloatVector b2 = FloatVector.broadcast(S, x[x2 + ci]);
            c20 = b2.fma(w0, c20);
            FloatVector b3 = FloatVector.broadcast(S, x[x3 + ci]);
            c30 = b3.fma(w0, c30);
            FloatVector b4 = FloatVector.broadcast(S, x[x4 + ci]);
            c40 = b4.fma(w0, c40);
            FloatVector b5 = FloatVector.broadcast(S, x[x5 + ci]);
            c50 = b5.fma(w0, c50);
            FloatVector b6 = FloatVector.broadcast(S, x[x6 + ci]);
            c60 = b6.fma(w0, c60);
            FloatVector b7 = FloatVector.broadcast(S, x[x7 + ci]);
            c70 = b7.fma(w0, c70);
            FloatVector b8 = FloatVector.broadcast(S, x[x8 + ci]);
            c80 = b8.fma(w0, c80);
            FloatVector b9 = FloatVector.broadcast(S, x[x9 + ci]);
            c90 = b9.fma(w0, c90);
            FloatVector b10 = FloatVector.broadcast(S, x[x10 + ci]);
            c100 = b10.fma(w0, c100);
            FloatVector b11 = FloatVector.broadcast(S, x[x11 + ci]);
            c110 = b11.fma(w0, c110);
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
    private static void pixel4(boolean load, float[] x, int[] xo, int xoOff, int xAdd, int inner,
                               float[] w, int wb, int ws, float[] tile, int ti) {
        int x0 = xo[xoOff + 0] + xAdd;
        FloatVector c00, c01, c02, c03;
        if (load) {
            c00 = FloatVector.fromArray(S, tile, ti + 0 * L);
            c01 = FloatVector.fromArray(S, tile, ti + 1 * L);
            c02 = FloatVector.fromArray(S, tile, ti + 2 * L);
            c03 = FloatVector.fromArray(S, tile, ti + 3 * L);
        } else {
            c00 = FloatVector.zero(S);
            c01 = FloatVector.zero(S);
            c02 = FloatVector.zero(S);
            c03 = FloatVector.zero(S);
        }
        for (int ci = 0; ci < inner; ci++) {
            // Indices linear in ci (invariant offsets only) so C2 hoists the range checks.
            int wi = wb + ci * ws;
            FloatVector w0 = FloatVector.fromArray(S, w, wi);
            FloatVector w1 = FloatVector.fromArray(S, w, wi + 1 * L);
            FloatVector w2 = FloatVector.fromArray(S, w, wi + 2 * L);
            FloatVector w3 = FloatVector.fromArray(S, w, wi + 3 * L);
            FloatVector b0 = FloatVector.broadcast(S, x[x0 + ci]);
            c00 = b0.fma(w0, c00);
            c01 = b0.fma(w1, c01);
            c02 = b0.fma(w2, c02);
            c03 = b0.fma(w3, c03);
        }
        c00.intoArray(tile, ti + 0 * L);
        c01.intoArray(tile, ti + 1 * L);
        c02.intoArray(tile, ti + 2 * L);
        c03.intoArray(tile, ti + 3 * L);
    }

    /** One pixel x 2 vectors. */
    private static void pixel2(boolean load, float[] x, int[] xo, int xoOff, int xAdd, int inner,
                               float[] w, int wb, int ws, float[] tile) {
        int x0 = xo[xoOff + 0] + xAdd;
        FloatVector c00, c01;
        if (load) {
            c00 = FloatVector.fromArray(S, tile, 0 * T + 0 * L);
            c01 = FloatVector.fromArray(S, tile, 0 * T + 1 * L);
        } else {
            c00 = FloatVector.zero(S);
            c01 = FloatVector.zero(S);
        }
        for (int ci = 0; ci < inner; ci++) {
            // Indices linear in ci (invariant offsets only) so C2 hoists the range checks.
            int wi = wb + ci * ws;
            FloatVector w0 = FloatVector.fromArray(S, w, wi);
            FloatVector w1 = FloatVector.fromArray(S, w, wi + 1 * L);
            FloatVector b0 = FloatVector.broadcast(S, x[x0 + ci]);
            c00 = b0.fma(w0, c00);
            c01 = b0.fma(w1, c01);
        }
        c00.intoArray(tile, 0 * T + 0 * L);
        c01.intoArray(tile, 0 * T + 1 * L);
    }

    /** 24 pixels x 1 vector: 24 accumulators (few output channels: more pixels per weight load and call). */
    private static void block1Tall(boolean load, float[] x, int[] xo, int xoOff, int xAdd, int inner,
                                   float[] w, int wb, int ws, float[] tile) {
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
        int x12 = xo[xoOff + 12] + xAdd;
        int x13 = xo[xoOff + 13] + xAdd;
        int x14 = xo[xoOff + 14] + xAdd;
        int x15 = xo[xoOff + 15] + xAdd;
        int x16 = xo[xoOff + 16] + xAdd;
        int x17 = xo[xoOff + 17] + xAdd;
        int x18 = xo[xoOff + 18] + xAdd;
        int x19 = xo[xoOff + 19] + xAdd;
        int x20 = xo[xoOff + 20] + xAdd;
        int x21 = xo[xoOff + 21] + xAdd;
        int x22 = xo[xoOff + 22] + xAdd;
        int x23 = xo[xoOff + 23] + xAdd;
        FloatVector c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20, c21, c22, c23;
        if (load) {
            c0 = FloatVector.fromArray(S, tile, 0 * T);
            c1 = FloatVector.fromArray(S, tile, 1 * T);
            c2 = FloatVector.fromArray(S, tile, 2 * T);
            c3 = FloatVector.fromArray(S, tile, 3 * T);
            c4 = FloatVector.fromArray(S, tile, 4 * T);
            c5 = FloatVector.fromArray(S, tile, 5 * T);
            c6 = FloatVector.fromArray(S, tile, 6 * T);
            c7 = FloatVector.fromArray(S, tile, 7 * T);
            c8 = FloatVector.fromArray(S, tile, 8 * T);
            c9 = FloatVector.fromArray(S, tile, 9 * T);
            c10 = FloatVector.fromArray(S, tile, 10 * T);
            c11 = FloatVector.fromArray(S, tile, 11 * T);
            c12 = FloatVector.fromArray(S, tile, 12 * T);
            c13 = FloatVector.fromArray(S, tile, 13 * T);
            c14 = FloatVector.fromArray(S, tile, 14 * T);
            c15 = FloatVector.fromArray(S, tile, 15 * T);
            c16 = FloatVector.fromArray(S, tile, 16 * T);
            c17 = FloatVector.fromArray(S, tile, 17 * T);
            c18 = FloatVector.fromArray(S, tile, 18 * T);
            c19 = FloatVector.fromArray(S, tile, 19 * T);
            c20 = FloatVector.fromArray(S, tile, 20 * T);
            c21 = FloatVector.fromArray(S, tile, 21 * T);
            c22 = FloatVector.fromArray(S, tile, 22 * T);
            c23 = FloatVector.fromArray(S, tile, 23 * T);
        } else {
            c0 = FloatVector.zero(S);
            c1 = FloatVector.zero(S);
            c2 = FloatVector.zero(S);
            c3 = FloatVector.zero(S);
            c4 = FloatVector.zero(S);
            c5 = FloatVector.zero(S);
            c6 = FloatVector.zero(S);
            c7 = FloatVector.zero(S);
            c8 = FloatVector.zero(S);
            c9 = FloatVector.zero(S);
            c10 = FloatVector.zero(S);
            c11 = FloatVector.zero(S);
            c12 = FloatVector.zero(S);
            c13 = FloatVector.zero(S);
            c14 = FloatVector.zero(S);
            c15 = FloatVector.zero(S);
            c16 = FloatVector.zero(S);
            c17 = FloatVector.zero(S);
            c18 = FloatVector.zero(S);
            c19 = FloatVector.zero(S);
            c20 = FloatVector.zero(S);
            c21 = FloatVector.zero(S);
            c22 = FloatVector.zero(S);
            c23 = FloatVector.zero(S);
        }
        for (int ci = 0; ci < inner; ci++) {
            // Indices linear in ci (invariant offsets only) so C2 hoists the range checks.
            FloatVector w0 = FloatVector.fromArray(S, w, wb + ci * ws);
            c0 = FloatVector.broadcast(S, x[x0 + ci]).fma(w0, c0);
            c1 = FloatVector.broadcast(S, x[x1 + ci]).fma(w0, c1);
            c2 = FloatVector.broadcast(S, x[x2 + ci]).fma(w0, c2);
            c3 = FloatVector.broadcast(S, x[x3 + ci]).fma(w0, c3);
            c4 = FloatVector.broadcast(S, x[x4 + ci]).fma(w0, c4);
            c5 = FloatVector.broadcast(S, x[x5 + ci]).fma(w0, c5);
            c6 = FloatVector.broadcast(S, x[x6 + ci]).fma(w0, c6);
            c7 = FloatVector.broadcast(S, x[x7 + ci]).fma(w0, c7);
            c8 = FloatVector.broadcast(S, x[x8 + ci]).fma(w0, c8);
            c9 = FloatVector.broadcast(S, x[x9 + ci]).fma(w0, c9);
            c10 = FloatVector.broadcast(S, x[x10 + ci]).fma(w0, c10);
            c11 = FloatVector.broadcast(S, x[x11 + ci]).fma(w0, c11);
            c12 = FloatVector.broadcast(S, x[x12 + ci]).fma(w0, c12);
            c13 = FloatVector.broadcast(S, x[x13 + ci]).fma(w0, c13);
            c14 = FloatVector.broadcast(S, x[x14 + ci]).fma(w0, c14);
            c15 = FloatVector.broadcast(S, x[x15 + ci]).fma(w0, c15);
            c16 = FloatVector.broadcast(S, x[x16 + ci]).fma(w0, c16);
            c17 = FloatVector.broadcast(S, x[x17 + ci]).fma(w0, c17);
            c18 = FloatVector.broadcast(S, x[x18 + ci]).fma(w0, c18);
            c19 = FloatVector.broadcast(S, x[x19 + ci]).fma(w0, c19);
            c20 = FloatVector.broadcast(S, x[x20 + ci]).fma(w0, c20);
            c21 = FloatVector.broadcast(S, x[x21 + ci]).fma(w0, c21);
            c22 = FloatVector.broadcast(S, x[x22 + ci]).fma(w0, c22);
            c23 = FloatVector.broadcast(S, x[x23 + ci]).fma(w0, c23);
        }
        c0.intoArray(tile, 0 * T);
        c1.intoArray(tile, 1 * T);
        c2.intoArray(tile, 2 * T);
        c3.intoArray(tile, 3 * T);
        c4.intoArray(tile, 4 * T);
        c5.intoArray(tile, 5 * T);
        c6.intoArray(tile, 6 * T);
        c7.intoArray(tile, 7 * T);
        c8.intoArray(tile, 8 * T);
        c9.intoArray(tile, 9 * T);
        c10.intoArray(tile, 10 * T);
        c11.intoArray(tile, 11 * T);
        c12.intoArray(tile, 12 * T);
        c13.intoArray(tile, 13 * T);
        c14.intoArray(tile, 14 * T);
        c15.intoArray(tile, 15 * T);
        c16.intoArray(tile, 16 * T);
        c17.intoArray(tile, 17 * T);
        c18.intoArray(tile, 18 * T);
        c19.intoArray(tile, 19 * T);
        c20.intoArray(tile, 20 * T);
        c21.intoArray(tile, 21 * T);
        c22.intoArray(tile, 22 * T);
        c23.intoArray(tile, 23 * T);
    }


    /** One pixel x 1 vector. */
    private static void pixel1(boolean load, float[] x, int[] xo, int xoOff, int xAdd, int inner,
                               float[] w, int wb, int ws, float[] tile) {
        int x0 = xo[xoOff + 0] + xAdd;
        FloatVector c00;
        if (load) {
            c00 = FloatVector.fromArray(S, tile, 0 * T + 0 * L);
        } else {
            c00 = FloatVector.zero(S);
        }
        for (int ci = 0; ci < inner; ci++) {
            // Indices linear in ci (invariant offsets only) so C2 hoists the range checks.
            int wi = wb + ci * ws;
            FloatVector w0 = FloatVector.fromArray(S, w, wi);
            FloatVector b0 = FloatVector.broadcast(S, x[x0 + ci]);
            c00 = b0.fma(w0, c00);
        }
        c00.intoArray(tile, 0 * T + 0 * L);
    }


    @Override
    void depthwise(float[] x, int xb, int pixStep, int count, int[] tapX, int[] tapW, int taps,
                   float[] w, int wb, int k, int mult, float[] tile, int tb, int tileRow) {
        if (mult != 1) {
            // A channel multiplier repeats each input channel: rare, left to the plain loops.
            super.depthwise(x, xb, pixStep, count, tapX, tapW, taps, w, wb, k, mult, tile, tb, tileRow);
            return;
        }
        int full = k - k % L;
        for (int c = 0; c < full; c += L) {
            int p = 0;
            for (; p + 8 <= count; p += 8) {
                depthwise8(x, xb + p * pixStep + c, pixStep, tapX, tapW, taps, w, wb + c, tile, tb + p * tileRow + c,
                        tileRow);
            }
            for (; p + 4 <= count; p += 4) {
                depthwise4(x, xb + p * pixStep + c, pixStep, tapX, tapW, taps, w, wb + c, tile, tb + p * tileRow + c,
                        tileRow);
            }
            for (; p < count; p++) {
                depthwise1(x, xb + p * pixStep + c, tapX, tapW, taps, w, wb + c, tile, tb + p * tileRow + c);
            }
        }
        if (full < k) {
            depthwiseScalar(x, xb, pixStep, count, tapX, tapW, taps, w, wb, full, k, 1, tile, tb, tileRow);
        }
    }

    /**
     * Eight pixels x one vector of channels over the taps: each weight vector load serves eight FMAs
     * (the loop is bound by its loads and index checks, 20% faster than four pixels). A method of one
     * loop (through the tap offset tables): C2 on JDK 17 boxes vectors carried through nested loops.
     */
    private static void depthwise8(float[] x, int xp, int pixStep, int[] tapX, int[] tapW, int taps, float[] w,
                                   int wc, float[] tile, int ti, int tileRow) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = FloatVector.zero(S);
        FloatVector a2 = FloatVector.zero(S);
        FloatVector a3 = FloatVector.zero(S);
        FloatVector a4 = FloatVector.zero(S);
        FloatVector a5 = FloatVector.zero(S);
        FloatVector a6 = FloatVector.zero(S);
        FloatVector a7 = FloatVector.zero(S);
        for (int t = 0; t < taps; t++) {
            int xi = xp + tapX[t];
            FloatVector wv = FloatVector.fromArray(S, w, wc + tapW[t]);
            a0 = FloatVector.fromArray(S, x, xi).fma(wv, a0);
            a1 = FloatVector.fromArray(S, x, xi + pixStep).fma(wv, a1);
            a2 = FloatVector.fromArray(S, x, xi + 2 * pixStep).fma(wv, a2);
            a3 = FloatVector.fromArray(S, x, xi + 3 * pixStep).fma(wv, a3);
            a4 = FloatVector.fromArray(S, x, xi + 4 * pixStep).fma(wv, a4);
            a5 = FloatVector.fromArray(S, x, xi + 5 * pixStep).fma(wv, a5);
            a6 = FloatVector.fromArray(S, x, xi + 6 * pixStep).fma(wv, a6);
            a7 = FloatVector.fromArray(S, x, xi + 7 * pixStep).fma(wv, a7);
        }
        a0.intoArray(tile, ti);
        a1.intoArray(tile, ti + tileRow);
        a2.intoArray(tile, ti + 2 * tileRow);
        a3.intoArray(tile, ti + 3 * tileRow);
        a4.intoArray(tile, ti + 4 * tileRow);
        a5.intoArray(tile, ti + 5 * tileRow);
        a6.intoArray(tile, ti + 6 * tileRow);
        a7.intoArray(tile, ti + 7 * tileRow);
    }

    /** Four pixels x one vector of channels over the taps (the rest of a run after the eights). */
    private static void depthwise4(float[] x, int xp, int pixStep, int[] tapX, int[] tapW, int taps, float[] w,
                                   int wc, float[] tile, int ti, int tileRow) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = FloatVector.zero(S);
        FloatVector a2 = FloatVector.zero(S);
        FloatVector a3 = FloatVector.zero(S);
        for (int t = 0; t < taps; t++) {
            int xi = xp + tapX[t];
            FloatVector wv = FloatVector.fromArray(S, w, wc + tapW[t]);
            a0 = FloatVector.fromArray(S, x, xi).fma(wv, a0);
            a1 = FloatVector.fromArray(S, x, xi + pixStep).fma(wv, a1);
            a2 = FloatVector.fromArray(S, x, xi + 2 * pixStep).fma(wv, a2);
            a3 = FloatVector.fromArray(S, x, xi + 3 * pixStep).fma(wv, a3);
        }
        a0.intoArray(tile, ti);
        a1.intoArray(tile, ti + tileRow);
        a2.intoArray(tile, ti + 2 * tileRow);
        a3.intoArray(tile, ti + 3 * tileRow);
    }

    /** One pixel x one vector of channels over the taps. */
    private static void depthwise1(float[] x, int xp, int[] tapX, int[] tapW, int taps, float[] w, int wc,
                                   float[] tile, int ti) {
        FloatVector a0 = FloatVector.zero(S);
        for (int t = 0; t < taps; t++) {
            a0 = FloatVector.fromArray(S, x, xp + tapX[t]).fma(FloatVector.fromArray(S, w, wc + tapW[t]), a0);
        }
        a0.intoArray(tile, ti);
    }

    /**
     * Per channel vector (its nine weight vectors in registers), blocks of 8 pixels along the row at
     * stride 1, 4 at stride 2 (the row's rest: one shifted block of 8 or 4), each block loading every packed input column once for
     * the taps that read it. Strides above 2 and rows of under 4 pixels take the scalar loops.
     */
    @Override
    void depthwise3x3(float[] x, int o0, int o1, int o2, int cols, int sw, int count, float[] w, int kPad, int chans,
                      float[] bias, float lo, float hi, float[] out, int ob, int outRow) {
        if (sw > 2 || count < 4 || chans % L != 0) {
            super.depthwise3x3(x, o0, o1, o2, cols, sw, count, w, kPad, chans, bias, lo, hi, out, ob, outRow);
            return;
        }
        int step = sw * PANEL;
        for (int c = 0; c < chans; c += L) {
            int pb = c / PANEL * cols * PANEL + c % PANEL;
            int a0 = o0 + pb, a1 = o1 + pb, a2 = o2 + pb;
            int ti = ob + c;
            int p;
            if (sw == 1) {
                p = count / 8 * 8;
                if (p > 0) {
                    dw3s1p8(x, a0, a1, a2, p / 8, w, c, kPad, bias, c, lo, hi, out, ti, outRow);
                }
            } else { // stride 2: blocks of 4 (8 pixels' 17 input columns per kernel row spill)
                p = count / 4 * 4;
                dw3s2p4(x, a0, a1, a2, p / 4, w, c, kPad, bias, c, lo, hi, out, ti, outRow);
            }
            while (p < count) {
                int at;
                if (sw == 1 && count - p > 4 && count >= 8) {
                    at = count - 8; // the last block ends on the row's last pixel (recomputing a few)
                    int d = at * step;
                    dw3s1p8(x, a0 + d, a1 + d, a2 + d, 1, w, c, kPad, bias, c, lo, hi, out, ti + at * outRow, outRow);
                    p = count;
                } else {
                    at = Math.min(p, count - 4);
                    int d = at * step;
                    if (sw == 1) {
                        dw3s1p4(x, a0 + d, a1 + d, a2 + d, 1, w, c, kPad, bias, c, lo, hi, out, ti + at * outRow,
                                outRow);
                    } else {
                        dw3s2p4(x, a0 + d, a1 + d, a2 + d, 1, w, c, kPad, bias, c, lo, hi, out, ti + at * outRow,
                                outRow);
                    }
                    p = at + 4;
                }
            }
        }
    }

    @Override
    void packRow(float[] x, int xb, int ips, int w, int c, int left, float[] dst, int db, int cols, int kPad) {
        int full = c - c % L;
        FloatVector zero = FloatVector.zero(S);
        for (int pc = 0; pc < cols; pc++) {
            int ix = pc - left;
            int d = db + pc * PANEL;
            if (ix < 0 || ix >= w) {
                for (int cv = 0; cv < kPad; cv += L) {
                    zero.intoArray(dst, d + cv / PANEL * cols * PANEL + cv % PANEL);
                }
                continue;
            }
            int xs = xb + ix * ips;
            int cv = 0;
            for (; cv < full; cv += L) {
                FloatVector.fromArray(S, x, xs + cv).intoArray(dst, d + cv / PANEL * cols * PANEL + cv % PANEL);
            }
            for (; cv < kPad; cv++) {
                dst[d + cv / PANEL * cols * PANEL + cv % PANEL] = cv < c ? x[xs + cv] : 0f;
            }
        }
    }

    /** 8 pixels at stride 1 per block: 10 packed input columns per kernel row, each loaded once. */
    private static void dw3s1p8(float[] x, int o0, int o1, int o2, int blocks, float[] w, int wc, int kPad,
                                float[] bias, int bc, float lo, float hi, float[] out, int ti, int outRow) {
        FloatVector w00 = FloatVector.fromArray(S, w, wc + 0 * kPad);
        FloatVector w01 = FloatVector.fromArray(S, w, wc + 1 * kPad);
        FloatVector w02 = FloatVector.fromArray(S, w, wc + 2 * kPad);
        FloatVector w10 = FloatVector.fromArray(S, w, wc + 3 * kPad);
        FloatVector w11 = FloatVector.fromArray(S, w, wc + 4 * kPad);
        FloatVector w12 = FloatVector.fromArray(S, w, wc + 5 * kPad);
        FloatVector w20 = FloatVector.fromArray(S, w, wc + 6 * kPad);
        FloatVector w21 = FloatVector.fromArray(S, w, wc + 7 * kPad);
        FloatVector w22 = FloatVector.fromArray(S, w, wc + 8 * kPad);
        FloatVector bv = FloatVector.fromArray(S, bias, bc);
        FloatVector lov = FloatVector.broadcast(S, lo);
        FloatVector hiv = FloatVector.broadcast(S, hi);
        for (int i = 0; i < blocks; i++) {
            // Input indices: invariant + constant * i, so C2 hoists their range checks.
            int r0 = o0 + i * 128;
            FloatVector v00 = FloatVector.fromArray(S, x, r0);
            FloatVector a0 = v00.mul(w00);
            FloatVector v01 = FloatVector.fromArray(S, x, r0 + 16);
            a0 = v01.fma(w01, a0);
            FloatVector a1 = v01.mul(w00);
            FloatVector v02 = FloatVector.fromArray(S, x, r0 + 32);
            a0 = v02.fma(w02, a0);
            a1 = v02.fma(w01, a1);
            FloatVector a2 = v02.mul(w00);
            FloatVector v03 = FloatVector.fromArray(S, x, r0 + 48);
            a1 = v03.fma(w02, a1);
            a2 = v03.fma(w01, a2);
            FloatVector a3 = v03.mul(w00);
            FloatVector v04 = FloatVector.fromArray(S, x, r0 + 64);
            a2 = v04.fma(w02, a2);
            a3 = v04.fma(w01, a3);
            FloatVector a4 = v04.mul(w00);
            FloatVector v05 = FloatVector.fromArray(S, x, r0 + 80);
            a3 = v05.fma(w02, a3);
            a4 = v05.fma(w01, a4);
            FloatVector a5 = v05.mul(w00);
            FloatVector v06 = FloatVector.fromArray(S, x, r0 + 96);
            a4 = v06.fma(w02, a4);
            a5 = v06.fma(w01, a5);
            FloatVector a6 = v06.mul(w00);
            FloatVector v07 = FloatVector.fromArray(S, x, r0 + 112);
            a5 = v07.fma(w02, a5);
            a6 = v07.fma(w01, a6);
            FloatVector a7 = v07.mul(w00);
            FloatVector v08 = FloatVector.fromArray(S, x, r0 + 128);
            a6 = v08.fma(w02, a6);
            a7 = v08.fma(w01, a7);
            FloatVector v09 = FloatVector.fromArray(S, x, r0 + 144);
            a7 = v09.fma(w02, a7);
            int r1 = o1 + i * 128;
            FloatVector v10 = FloatVector.fromArray(S, x, r1);
            a0 = v10.fma(w10, a0);
            FloatVector v11 = FloatVector.fromArray(S, x, r1 + 16);
            a0 = v11.fma(w11, a0);
            a1 = v11.fma(w10, a1);
            FloatVector v12 = FloatVector.fromArray(S, x, r1 + 32);
            a0 = v12.fma(w12, a0);
            a1 = v12.fma(w11, a1);
            a2 = v12.fma(w10, a2);
            FloatVector v13 = FloatVector.fromArray(S, x, r1 + 48);
            a1 = v13.fma(w12, a1);
            a2 = v13.fma(w11, a2);
            a3 = v13.fma(w10, a3);
            FloatVector v14 = FloatVector.fromArray(S, x, r1 + 64);
            a2 = v14.fma(w12, a2);
            a3 = v14.fma(w11, a3);
            a4 = v14.fma(w10, a4);
            FloatVector v15 = FloatVector.fromArray(S, x, r1 + 80);
            a3 = v15.fma(w12, a3);
            a4 = v15.fma(w11, a4);
            a5 = v15.fma(w10, a5);
            FloatVector v16 = FloatVector.fromArray(S, x, r1 + 96);
            a4 = v16.fma(w12, a4);
            a5 = v16.fma(w11, a5);
            a6 = v16.fma(w10, a6);
            FloatVector v17 = FloatVector.fromArray(S, x, r1 + 112);
            a5 = v17.fma(w12, a5);
            a6 = v17.fma(w11, a6);
            a7 = v17.fma(w10, a7);
            FloatVector v18 = FloatVector.fromArray(S, x, r1 + 128);
            a6 = v18.fma(w12, a6);
            a7 = v18.fma(w11, a7);
            FloatVector v19 = FloatVector.fromArray(S, x, r1 + 144);
            a7 = v19.fma(w12, a7);
            int r2 = o2 + i * 128;
            FloatVector v20 = FloatVector.fromArray(S, x, r2);
            a0 = v20.fma(w20, a0);
            FloatVector v21 = FloatVector.fromArray(S, x, r2 + 16);
            a0 = v21.fma(w21, a0);
            a1 = v21.fma(w20, a1);
            FloatVector v22 = FloatVector.fromArray(S, x, r2 + 32);
            a0 = v22.fma(w22, a0);
            a1 = v22.fma(w21, a1);
            a2 = v22.fma(w20, a2);
            FloatVector v23 = FloatVector.fromArray(S, x, r2 + 48);
            a1 = v23.fma(w22, a1);
            a2 = v23.fma(w21, a2);
            a3 = v23.fma(w20, a3);
            FloatVector v24 = FloatVector.fromArray(S, x, r2 + 64);
            a2 = v24.fma(w22, a2);
            a3 = v24.fma(w21, a3);
            a4 = v24.fma(w20, a4);
            FloatVector v25 = FloatVector.fromArray(S, x, r2 + 80);
            a3 = v25.fma(w22, a3);
            a4 = v25.fma(w21, a4);
            a5 = v25.fma(w20, a5);
            FloatVector v26 = FloatVector.fromArray(S, x, r2 + 96);
            a4 = v26.fma(w22, a4);
            a5 = v26.fma(w21, a5);
            a6 = v26.fma(w20, a6);
            FloatVector v27 = FloatVector.fromArray(S, x, r2 + 112);
            a5 = v27.fma(w22, a5);
            a6 = v27.fma(w21, a6);
            a7 = v27.fma(w20, a7);
            FloatVector v28 = FloatVector.fromArray(S, x, r2 + 128);
            a6 = v28.fma(w22, a6);
            a7 = v28.fma(w21, a7);
            FloatVector v29 = FloatVector.fromArray(S, x, r2 + 144);
            a7 = v29.fma(w22, a7);
            int t = ti + i * 8 * outRow;
            a0.add(bv).max(lov).min(hiv).intoArray(out, t);
            a1.add(bv).max(lov).min(hiv).intoArray(out, t + 1 * outRow);
            a2.add(bv).max(lov).min(hiv).intoArray(out, t + 2 * outRow);
            a3.add(bv).max(lov).min(hiv).intoArray(out, t + 3 * outRow);
            a4.add(bv).max(lov).min(hiv).intoArray(out, t + 4 * outRow);
            a5.add(bv).max(lov).min(hiv).intoArray(out, t + 5 * outRow);
            a6.add(bv).max(lov).min(hiv).intoArray(out, t + 6 * outRow);
            a7.add(bv).max(lov).min(hiv).intoArray(out, t + 7 * outRow);
        }
    }

    /** 4 pixels at stride 1 per block: 6 packed input columns per kernel row, each loaded once. */
    private static void dw3s1p4(float[] x, int o0, int o1, int o2, int blocks, float[] w, int wc, int kPad,
                                float[] bias, int bc, float lo, float hi, float[] out, int ti, int outRow) {
        FloatVector w00 = FloatVector.fromArray(S, w, wc + 0 * kPad);
        FloatVector w01 = FloatVector.fromArray(S, w, wc + 1 * kPad);
        FloatVector w02 = FloatVector.fromArray(S, w, wc + 2 * kPad);
        FloatVector w10 = FloatVector.fromArray(S, w, wc + 3 * kPad);
        FloatVector w11 = FloatVector.fromArray(S, w, wc + 4 * kPad);
        FloatVector w12 = FloatVector.fromArray(S, w, wc + 5 * kPad);
        FloatVector w20 = FloatVector.fromArray(S, w, wc + 6 * kPad);
        FloatVector w21 = FloatVector.fromArray(S, w, wc + 7 * kPad);
        FloatVector w22 = FloatVector.fromArray(S, w, wc + 8 * kPad);
        FloatVector bv = FloatVector.fromArray(S, bias, bc);
        FloatVector lov = FloatVector.broadcast(S, lo);
        FloatVector hiv = FloatVector.broadcast(S, hi);
        for (int i = 0; i < blocks; i++) {
            // Input indices: invariant + constant * i, so C2 hoists their range checks.
            int r0 = o0 + i * 64;
            FloatVector v00 = FloatVector.fromArray(S, x, r0);
            FloatVector a0 = v00.mul(w00);
            FloatVector v01 = FloatVector.fromArray(S, x, r0 + 16);
            a0 = v01.fma(w01, a0);
            FloatVector a1 = v01.mul(w00);
            FloatVector v02 = FloatVector.fromArray(S, x, r0 + 32);
            a0 = v02.fma(w02, a0);
            a1 = v02.fma(w01, a1);
            FloatVector a2 = v02.mul(w00);
            FloatVector v03 = FloatVector.fromArray(S, x, r0 + 48);
            a1 = v03.fma(w02, a1);
            a2 = v03.fma(w01, a2);
            FloatVector a3 = v03.mul(w00);
            FloatVector v04 = FloatVector.fromArray(S, x, r0 + 64);
            a2 = v04.fma(w02, a2);
            a3 = v04.fma(w01, a3);
            FloatVector v05 = FloatVector.fromArray(S, x, r0 + 80);
            a3 = v05.fma(w02, a3);
            int r1 = o1 + i * 64;
            FloatVector v10 = FloatVector.fromArray(S, x, r1);
            a0 = v10.fma(w10, a0);
            FloatVector v11 = FloatVector.fromArray(S, x, r1 + 16);
            a0 = v11.fma(w11, a0);
            a1 = v11.fma(w10, a1);
            FloatVector v12 = FloatVector.fromArray(S, x, r1 + 32);
            a0 = v12.fma(w12, a0);
            a1 = v12.fma(w11, a1);
            a2 = v12.fma(w10, a2);
            FloatVector v13 = FloatVector.fromArray(S, x, r1 + 48);
            a1 = v13.fma(w12, a1);
            a2 = v13.fma(w11, a2);
            a3 = v13.fma(w10, a3);
            FloatVector v14 = FloatVector.fromArray(S, x, r1 + 64);
            a2 = v14.fma(w12, a2);
            a3 = v14.fma(w11, a3);
            FloatVector v15 = FloatVector.fromArray(S, x, r1 + 80);
            a3 = v15.fma(w12, a3);
            int r2 = o2 + i * 64;
            FloatVector v20 = FloatVector.fromArray(S, x, r2);
            a0 = v20.fma(w20, a0);
            FloatVector v21 = FloatVector.fromArray(S, x, r2 + 16);
            a0 = v21.fma(w21, a0);
            a1 = v21.fma(w20, a1);
            FloatVector v22 = FloatVector.fromArray(S, x, r2 + 32);
            a0 = v22.fma(w22, a0);
            a1 = v22.fma(w21, a1);
            a2 = v22.fma(w20, a2);
            FloatVector v23 = FloatVector.fromArray(S, x, r2 + 48);
            a1 = v23.fma(w22, a1);
            a2 = v23.fma(w21, a2);
            a3 = v23.fma(w20, a3);
            FloatVector v24 = FloatVector.fromArray(S, x, r2 + 64);
            a2 = v24.fma(w22, a2);
            a3 = v24.fma(w21, a3);
            FloatVector v25 = FloatVector.fromArray(S, x, r2 + 80);
            a3 = v25.fma(w22, a3);
            int t = ti + i * 4 * outRow;
            a0.add(bv).max(lov).min(hiv).intoArray(out, t);
            a1.add(bv).max(lov).min(hiv).intoArray(out, t + 1 * outRow);
            a2.add(bv).max(lov).min(hiv).intoArray(out, t + 2 * outRow);
            a3.add(bv).max(lov).min(hiv).intoArray(out, t + 3 * outRow);
        }
    }

    /** 4 pixels at stride 2 per block: 9 packed input columns per kernel row, each loaded once. */
    private static void dw3s2p4(float[] x, int o0, int o1, int o2, int blocks, float[] w, int wc, int kPad,
                                float[] bias, int bc, float lo, float hi, float[] out, int ti, int outRow) {
        FloatVector w00 = FloatVector.fromArray(S, w, wc + 0 * kPad);
        FloatVector w01 = FloatVector.fromArray(S, w, wc + 1 * kPad);
        FloatVector w02 = FloatVector.fromArray(S, w, wc + 2 * kPad);
        FloatVector w10 = FloatVector.fromArray(S, w, wc + 3 * kPad);
        FloatVector w11 = FloatVector.fromArray(S, w, wc + 4 * kPad);
        FloatVector w12 = FloatVector.fromArray(S, w, wc + 5 * kPad);
        FloatVector w20 = FloatVector.fromArray(S, w, wc + 6 * kPad);
        FloatVector w21 = FloatVector.fromArray(S, w, wc + 7 * kPad);
        FloatVector w22 = FloatVector.fromArray(S, w, wc + 8 * kPad);
        FloatVector bv = FloatVector.fromArray(S, bias, bc);
        FloatVector lov = FloatVector.broadcast(S, lo);
        FloatVector hiv = FloatVector.broadcast(S, hi);
        for (int i = 0; i < blocks; i++) {
            // Input indices: invariant + constant * i, so C2 hoists their range checks.
            int r0 = o0 + i * 128;
            FloatVector v00 = FloatVector.fromArray(S, x, r0);
            FloatVector a0 = v00.mul(w00);
            FloatVector v01 = FloatVector.fromArray(S, x, r0 + 16);
            a0 = v01.fma(w01, a0);
            FloatVector v02 = FloatVector.fromArray(S, x, r0 + 32);
            a0 = v02.fma(w02, a0);
            FloatVector a1 = v02.mul(w00);
            FloatVector v03 = FloatVector.fromArray(S, x, r0 + 48);
            a1 = v03.fma(w01, a1);
            FloatVector v04 = FloatVector.fromArray(S, x, r0 + 64);
            a1 = v04.fma(w02, a1);
            FloatVector a2 = v04.mul(w00);
            FloatVector v05 = FloatVector.fromArray(S, x, r0 + 80);
            a2 = v05.fma(w01, a2);
            FloatVector v06 = FloatVector.fromArray(S, x, r0 + 96);
            a2 = v06.fma(w02, a2);
            FloatVector a3 = v06.mul(w00);
            FloatVector v07 = FloatVector.fromArray(S, x, r0 + 112);
            a3 = v07.fma(w01, a3);
            FloatVector v08 = FloatVector.fromArray(S, x, r0 + 128);
            a3 = v08.fma(w02, a3);
            int r1 = o1 + i * 128;
            FloatVector v10 = FloatVector.fromArray(S, x, r1);
            a0 = v10.fma(w10, a0);
            FloatVector v11 = FloatVector.fromArray(S, x, r1 + 16);
            a0 = v11.fma(w11, a0);
            FloatVector v12 = FloatVector.fromArray(S, x, r1 + 32);
            a0 = v12.fma(w12, a0);
            a1 = v12.fma(w10, a1);
            FloatVector v13 = FloatVector.fromArray(S, x, r1 + 48);
            a1 = v13.fma(w11, a1);
            FloatVector v14 = FloatVector.fromArray(S, x, r1 + 64);
            a1 = v14.fma(w12, a1);
            a2 = v14.fma(w10, a2);
            FloatVector v15 = FloatVector.fromArray(S, x, r1 + 80);
            a2 = v15.fma(w11, a2);
            FloatVector v16 = FloatVector.fromArray(S, x, r1 + 96);
            a2 = v16.fma(w12, a2);
            a3 = v16.fma(w10, a3);
            FloatVector v17 = FloatVector.fromArray(S, x, r1 + 112);
            a3 = v17.fma(w11, a3);
            FloatVector v18 = FloatVector.fromArray(S, x, r1 + 128);
            a3 = v18.fma(w12, a3);
            int r2 = o2 + i * 128;
            FloatVector v20 = FloatVector.fromArray(S, x, r2);
            a0 = v20.fma(w20, a0);
            FloatVector v21 = FloatVector.fromArray(S, x, r2 + 16);
            a0 = v21.fma(w21, a0);
            FloatVector v22 = FloatVector.fromArray(S, x, r2 + 32);
            a0 = v22.fma(w22, a0);
            a1 = v22.fma(w20, a1);
            FloatVector v23 = FloatVector.fromArray(S, x, r2 + 48);
            a1 = v23.fma(w21, a1);
            FloatVector v24 = FloatVector.fromArray(S, x, r2 + 64);
            a1 = v24.fma(w22, a1);
            a2 = v24.fma(w20, a2);
            FloatVector v25 = FloatVector.fromArray(S, x, r2 + 80);
            a2 = v25.fma(w21, a2);
            FloatVector v26 = FloatVector.fromArray(S, x, r2 + 96);
            a2 = v26.fma(w22, a2);
            a3 = v26.fma(w20, a3);
            FloatVector v27 = FloatVector.fromArray(S, x, r2 + 112);
            a3 = v27.fma(w21, a3);
            FloatVector v28 = FloatVector.fromArray(S, x, r2 + 128);
            a3 = v28.fma(w22, a3);
            int t = ti + i * 4 * outRow;
            a0.add(bv).max(lov).min(hiv).intoArray(out, t);
            a1.add(bv).max(lov).min(hiv).intoArray(out, t + 1 * outRow);
            a2.add(bv).max(lov).min(hiv).intoArray(out, t + 2 * outRow);
            a3.add(bv).max(lov).min(hiv).intoArray(out, t + 3 * outRow);
        }
    }


    @Override
    void store(float[] t, int ti, float[] y, int yi, int cols, float[] bias, int bi, float[] res, int ri,
               int mode, int act, float p0, float p1) {
        boolean first = mode == ONLY || mode == FIRST;
        boolean finish = mode == ONLY || mode == LAST;
        int j = 0;
        if (!finish || act != Epilogue.SIGMOID) { // sigmoid: Epilogue.apply's exp, lane by lane
            for (; j + L <= cols; j += L) {
                FloatVector v = FloatVector.fromArray(S, t, ti + j);
                if (first) {
                    if (bias != null) {
                        v = v.add(FloatVector.fromArray(S, bias, bi + j));
                    }
                    if (res != null) {
                        v = v.add(FloatVector.fromArray(S, res, ri + j));
                    }
                } else {
                    v = v.add(FloatVector.fromArray(S, y, yi + j));
                }
                if (!finish) {
                    v.intoArray(y, yi + j);
                    continue;
                }
                // As Epilogue.apply, bit for bit (hard swish multiplies then adds: no FMA). Inline, and
                // each case stores its own result: a vector passed to a helper that C2 does not inline
                // is boxed, and a merge after the switch compiles poorly.
                switch (act) {
                    case Epilogue.RELU -> v.max(0f).intoArray(y, yi + j);
                    case Epilogue.CLIP -> v.max(p0).min(p1).intoArray(y, yi + j);
                    case Epilogue.LEAKY_RELU ->
                            v.blend(v.mul(p0), v.compare(VectorOperators.LT, 0f)).intoArray(y, yi + j);
                    case Epilogue.HARD_SWISH -> v.mul(v.mul(1f / 6f).add(0.5f).max(0f).min(1f)).intoArray(y, yi + j);
                    case Epilogue.THRESHOLDED_RELU ->
                            FloatVector.zero(S).blend(v, v.compare(VectorOperators.GT, p0)).intoArray(y, yi + j);
                    case Epilogue.NONE -> v.intoArray(y, yi + j);
                    default -> throw new IllegalArgumentException("unknown activation code " + act);
                }
            }
        }
        // Tail lanes (K not a multiple of the vector length) never touch the channels after K.
        storeScalar(t, ti, y, yi, j, cols, bias, bi, res, ri, mode, act, p0, p1);
    }
}
