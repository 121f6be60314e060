package org.falconc.runtime.conv;

import org.falconc.runtime.Epilogue;

/**
 * The inner loops of {@link ConvNhwc}: register blocks of the direct convolution, the depthwise
 * pixel loop and the fused store. Two implementations: {@link ScalarNhwcKernel} (always available)
 * and {@code VectorNhwcKernel} (Vector API, loaded reflectively by {@link NhwcKernels}).
 *
 * <p>Direct-convolution weights are panels of {@link ConvNhwc#PANEL_WIDTH} output channels
 * ({@link ConvNhwc#packInto}), so a block of {@code nv} vectors (never crossing a panel) reads its
 * {@code nv * lanes()} weights of one (tap, input channel) contiguously. A block computes {@link #rows(int)} output pixels
 * into a tile (row m at {@code m * tileStride()}); the driver then stores the tile with
 * {@link #store}. The driver loops over the taps and calls {@link #direct} once per tap (or per
 * run of contiguous taps), the tile carrying the sums.
 */
abstract class NhwcKernel {

    /** Output channels are padded to a multiple of this (a multiple of every supported vector length). */
    static final int PANEL = 16;

    /** Store modes: the reduction in one pass, or split into input-channel chunks accumulated in y. */
    static final int ONLY = 0;
    static final int FIRST = 1;
    static final int MIDDLE = 2;
    static final int LAST = 3;

    /** Floats per vector (the scalar kernel works on whole panels). */
    abstract int lanes();

    abstract String name();

    /** Output pixels of the register block with {@code nv} vectors of output channels. */
    abstract int rows(int nv);

    /** Output pixels of the taller 4-vector block ({@link ConvNhwc#DIRECT_6X4}). */
    abstract int tallRows();

    /** Output pixels of the taller 1-vector block ({@link ConvNhwc#DIRECT_24X1}). */
    final int tallRows1() {
        return 24;
    }

    /** Floats per tile row: the widest block. */
    final int tileStride() {
        return 4 * lanes();
    }

    /** Floats of a tile holding the largest block. */
    final int tileLength() {
        int most = Math.max(Math.max(Math.max(rows(1), tallRows()), Math.max(rows(2), rows(4))), tallRows1());
        return most * tileStride();
    }

    /**
     * Computes {@code mr} (1, {@link #rows(int) rows(nv)}, for 4 vectors {@link #tallRows()}, for 1
     * {@link #tallRows1()}) output
     * pixels x {@code nv * lanes()} output channels over
     * {@code inner} reduction steps into {@code tile}, starting from zero or ({@code load}) from the
     * tile: step ci reads input {@code x[xo[xoOff + m] + xAdd + ci]} and weight vector j at
     * {@code w[wb + ci * ws + j * lanes()]} ({@code ws}: the panel width).
     */
    abstract void direct(int nv, int mr, boolean load, float[] x, int[] xo, int xoOff, int xAdd, int inner,
                         float[] w, int wb, int ws, float[] tile);

    /**
     * Depthwise sums of {@code count} output pixels for output channels {@code [0, k)},
     * {@code k = mult * C}: {@code tile[tb + p * tileRow + oc]}. Tap t of pixel p reads input
     * {@code x[xb + p * pixStep + tapX[t] + oc / mult]} and weight {@code w[wb + tapW[t] + oc]}.
     */
    void depthwise(float[] x, int xb, int pixStep, int count, int[] tapX, int[] tapW, int taps,
                   float[] w, int wb, int k, int mult, float[] tile, int tb, int tileRow) {
        depthwiseScalar(x, xb, pixStep, count, tapX, tapW, taps, w, wb, 0, k, mult, tile, tb, tileRow);
    }

    /** {@link #depthwise} for output channels {@code [from, to)}, one element at a time. */
    static void depthwiseScalar(float[] x, int xb, int pixStep, int count, int[] tapX, int[] tapW, int taps,
                                float[] w, int wb, int from, int to, int mult, float[] tile, int tb, int tileRow) {
        for (int p = 0; p < count; p++) {
            int xp = xb + p * pixStep;
            int ti = tb + p * tileRow;
            for (int oc = from; oc < to; oc++) {
                int ic = oc / mult;
                float acc = 0f;
                for (int t = 0; t < taps; t++) {
                    acc += x[xp + tapX[t] + ic] * w[wb + tapW[t] + oc];
                }
                tile[ti + oc] = acc;
            }
        }
    }

    /**
     * Packs input row {@code x[xb + ix * ips + ch]} ({@code ix < w}, {@code ch < c}) for
     * {@link #depthwise3x3}: {@code dst[db + (ch / PANEL * cols + ix + left) * PANEL + ch % PANEL]} for
     * packed columns {@code [0, cols)}, zero in the columns outside the input and channels {@code [c, kPad)}.
     */
    void packRow(float[] x, int xb, int ips, int w, int c, int left, float[] dst, int db, int cols, int kPad) {
        for (int pc = 0; pc < cols; pc++) {
            int ix = pc - left;
            for (int ch = 0; ch < kPad; ch++) {
                dst[db + (ch / PANEL * cols + pc) * PANEL + ch % PANEL] = ix >= 0 && ix < w && ch < c
                        ? x[xb + ix * ips + ch] : 0f;
            }
        }
    }

    /**
     * Depthwise 3x3 (dilation 1, multiplier 1) of {@code count} output pixels of one row from three
     * packed rows ({@link #packRow}, {@code cols} columns each, kernel row j's first column at
     * {@code x[oj]}), for channels {@code c < chans} (at most kPad):
     * {@code out[ob + p * outRow + c] = min(max(sum + bias[c], lo), hi)}, the sum over kernel rows
     * {@code j < 3} and columns {@code d < 3} of
     * {@code x[oj + (c / PANEL * cols + p * sw + d) * PANEL + c % PANEL] * w[(3 * j + d) * kPad + c]}:
     * the fused bias and ReLU/Clip (or, with zero bias and infinite bounds, the plain sums).
     */
    void depthwise3x3(float[] x, int o0, int o1, int o2, int cols, int sw, int count, float[] w, int kPad, int chans,
                      float[] bias, float lo, float hi, float[] out, int ob, int outRow) {
        int[] offsets = {o0, o1, o2};
        for (int p = 0; p < count; p++) {
            for (int c = 0; c < chans; c++) {
                float acc = 0f;
                for (int j = 0; j < 3; j++) {
                    int xi = offsets[j] + (c / PANEL * cols + p * sw) * PANEL + c % PANEL;
                    for (int d = 0; d < 3; d++) {
                        acc += x[xi + d * PANEL] * w[(3 * j + d) * kPad + c];
                    }
                }
                out[ob + p * outRow + c] = Math.min(Math.max(acc + bias[c], lo), hi);
            }
        }
    }

    /**
     * Stores {@code cols} sums {@code t[ti..]} to {@code y[yi..]}: ONLY {@code act(t + bias + res)},
     * FIRST {@code t + bias + res}, MIDDLE {@code t + y}, LAST {@code act(t + y)}. bias, res may be null.
     */
    void store(float[] t, int ti, float[] y, int yi, int cols, float[] bias, int bi, float[] res, int ri,
               int mode, int act, float p0, float p1) {
        storeScalar(t, ti, y, yi, 0, cols, bias, bi, res, ri, mode, act, p0, p1);
    }

    /** {@link #store} of columns {@code [from, to)}, one element at a time. */
    static void storeScalar(float[] t, int ti, float[] y, int yi, int from, int to, float[] bias, int bi,
                            float[] res, int ri, int mode, int act, float p0, float p1) {
        for (int j = from; j < to; j++) {
            float v = t[ti + j];
            if (mode == ONLY || mode == FIRST) {
                if (bias != null) {
                    v += bias[bi + j];
                }
                if (res != null) {
                    v += res[ri + j];
                }
            } else {
                v += y[yi + j];
            }
            y[yi + j] = mode == ONLY || mode == LAST ? Epilogue.apply(act, p0, p1, v) : v;
        }
    }
}
