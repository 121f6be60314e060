package org.falconc.runtime.conv;

import org.falconc.runtime.Epilogue;
import org.falconc.runtime.gemm.ScratchSlots;
import org.falconc.runtime.parallel.ExecutionContext;

/**
 * Driver of the depthwise NHWC convolution ({@code group == C}, {@code K = m * C}): a task is
 * (image, output-row block); each row's columns are cut into runs sharing one valid tap range (the
 * interior, then each border column), whose sums the kernel writes (one loop over the run's taps,
 * through offset tables) to a row tile
 * {@code [OW][K padded to 16]}; the fused store then moves the row to y. The {@link ConvNhwc#DEPTHWISE_3X3}
 * variant computes a row's interior columns with {@link NhwcKernel#depthwise3x3} instead (a kernel row
 * outside the input reads a zero row), leaving only the border columns to the tap-table loop.
 */
final class NhwcDepthwiseConv {

    /** Int scratch slots (per lane): the taps' input and weight offsets. */
    private static final int TAP_X_SLOT = 4;
    private static final int TAP_W_SLOT = 5;

    private NhwcDepthwiseConv() {
    }

    static void run(ExecutionContext ctx, NhwcKernel kernel, ConvNhwcLayer l, float[] x, int xOff, float[] y,
                    int yOff, float[] bias, int act, float p0, float p1, float[] res, int resOff) {
        int n = l.batch();
        int oh = l.outHeight();
        int rowBlocks = ConvNhwc.rowBlocks(ctx.threads(), n, oh);
        int rowsPerTask = ConvNhwc.ceilDiv(oh, rowBlocks);
        int blocks = ConvNhwc.ceilDiv(oh, rowsPerTask);
        ctx.pool().parallelFor(n * blocks, (task, lane) -> {
            int b = task / blocks;
            int oy0 = task % blocks * rowsPerTask;
            int oy1 = Math.min(oh, oy0 + rowsPerTask);
            if (l.variant() == ConvNhwc.DEPTHWISE_3X3) {
                rows3x3(ctx, lane, kernel, l, b, oy0, oy1, x, xOff, y, yOff, bias, act, p0, p1, res, resOff);
                return;
            }
            for (int oy = oy0; oy < oy1; oy++) {
                row(ctx, lane, kernel, l, b, oy, x, xOff, y, yOff, bias, act, p0, p1, res, resOff);
            }
        });
    }

    /**
     * Output rows {@code [oy0, oy1)} of the {@link ConvNhwc#DEPTHWISE_3X3} variant. Input rows are packed
     * ({@link NhwcKernel#packRow}: channel panels of 16, the padding columns zero) into a ring of three,
     * each packed once for the output rows that read it; a kernel row outside the input reads a zero
     * row. The kernel then runs without bounds logic and with constant column strides.
     */
    private static void rows3x3(ExecutionContext ctx, int lane, NhwcKernel kernel, ConvNhwcLayer l, int b, int oy0,
                                int oy1, float[] x, int xOff, float[] y, int yOff, float[] bias, int act, float p0,
                                float p1, float[] res, int resOff) {
        int h = l.inHeight(), w = l.inWidth(), ow = l.outWidth();
        int sh = l.strideH(), sw = l.strideW(), pt = l.padTop(), pl = l.padLeft(), ips = l.inPixelStride();
        int c = l.inChannels();
        int kPad = ConvNhwc.roundUp(l.outChannels(), NhwcKernel.PANEL);
        int cols = (ow - 1) * sw + 3; // packed column pc holds input column pc - padLeft
        int rowLen = kPad * cols;
        float[] tile = ctx.scratch(lane, ScratchSlots.CONV_LANE, ow * kPad);
        float[] packed = ctx.scratch(lane, ScratchSlots.CONV_ZEROS, 4 * rowLen); // zero row, then the ring
        java.util.Arrays.fill(packed, 0, rowLen, 0f);
        int[] ring = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE}; // input row in each slot
        int k = l.outChannels(), oh = l.outHeight(), ops = l.outPixelStride();
        // The epilogue fuses into the kernel without a residual, for ReLU, Clip or none, when the channels
        // are whole vectors (the kernel writes no channel past K); the zero row doubles as a zero bias.
        boolean fused = res == null && k % kernel.lanes() == 0
                && (act == Epilogue.NONE || act == Epilogue.RELU || act == Epilogue.CLIP);
        float lo = act == Epilogue.RELU ? 0f : act == Epilogue.CLIP ? p0 : Float.NEGATIVE_INFINITY;
        float hi = act == Epilogue.CLIP ? p1 : Float.POSITIVE_INFINITY;
        for (int oy = oy0; oy < oy1; oy++) {
            int iy = oy * sh - pt;
            int o0 = rowOffset(kernel, l, b, iy, x, xOff, packed, ring, rowLen, cols, c, w, h, ips, pl, kPad);
            int o1 = rowOffset(kernel, l, b, iy + 1, x, xOff, packed, ring, rowLen, cols, c, w, h, ips, pl, kPad);
            int o2 = rowOffset(kernel, l, b, iy + 2, x, xOff, packed, ring, rowLen, cols, c, w, h, ips, pl, kPad);
            if (fused) { // bias and ReLU/Clip in the kernel, straight into y
                kernel.depthwise3x3(packed, o0, o1, o2, cols, sw, ow, l.panels(), kPad, k, bias != null ? bias : packed,
                        lo, hi, y, yOff + (b * oh + oy) * ow * ops, ops);
            } else {
                kernel.depthwise3x3(packed, o0, o1, o2, cols, sw, ow, l.panels(), kPad, kPad, packed,
                        Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, tile, 0, kPad);
                store(kernel, l, b, oy, tile, kPad, y, yOff, bias, act, p0, p1, res, resOff);
            }
        }
    }

    /** Offset of input row iy's packed copy (packing it into the ring if absent), or of the zero row. */
    private static int rowOffset(NhwcKernel kernel, ConvNhwcLayer l, int b, int iy, float[] x, int xOff,
                                 float[] packed, int[] ring, int rowLen, int cols, int c, int w, int h, int ips,
                                 int pl, int kPad) {
        if (iy < 0 || iy >= h) {
            return 0;
        }
        int slot = Math.floorMod(iy, 3);
        int off = (1 + slot) * rowLen;
        if (ring[slot] != iy) {
            kernel.packRow(x, xOff + (b * h + iy) * w * ips, ips, w, c, pl, packed, off, cols, kPad);
            ring[slot] = iy;
        }
        return off;
    }

    private static void row(ExecutionContext ctx, int lane, NhwcKernel kernel, ConvNhwcLayer l, int b, int oy,
                            float[] x, int xOff, float[] y, int yOff, float[] bias, int act, float p0, float p1,
                            float[] res, int resOff) {
        int h = l.inHeight(), oh = l.outHeight(), ow = l.outWidth();
        int r = l.kernelH(), s = l.kernelW(), dh = l.dilationH();
        int ops = l.outPixelStride();
        int k = l.outChannels();
        int kPad = ConvNhwc.roundUp(k, NhwcKernel.PANEL);
        float[] tile = ctx.scratch(lane, ScratchSlots.CONV_LANE, ow * kPad);
        int[] tapX = ctx.ints(lane, TAP_X_SLOT, r * s);
        int[] tapW = ctx.ints(lane, TAP_W_SLOT, r * s);

        int iy = oy * l.strideH() - l.padTop();
        int ryLo = ConvNhwc.firstTap(iy, dh);
        int ryN = Math.max(0, ConvNhwc.endTap(iy, dh, h, r) - ryLo);
        rowTaps(l, b, iy, ryLo, ryN, x, xOff, tile, kPad, tapX, tapW, kernel);
        store(kernel, l, b, oy, tile, kPad, y, yOff, bias, act, p0, p1, res, resOff);
    }

    private static void store(NhwcKernel kernel, ConvNhwcLayer l, int b, int oy, float[] tile, int kPad, float[] y,
                              int yOff, float[] bias, int act, float p0, float p1, float[] res, int resOff) {
        int oh = l.outHeight(), ow = l.outWidth(), ops = l.outPixelStride(), k = l.outChannels();
        for (int ox = 0; ox < ow; ox++) {
            int pixel = (b * oh + oy) * ow + ox;
            kernel.store(tile, ox * kPad, y, yOff + pixel * ops, k, bias, 0, res, resOff + pixel * k,
                    NhwcKernel.ONLY, act, p0, p1);
        }
    }

    /** A row of the {@link ConvNhwc#DEPTHWISE} variant: runs of columns sharing a tap range, through tap tables. */
    private static void rowTaps(ConvNhwcLayer l, int b, int iy, int ryLo, int ryN, float[] x, int xOff,
                                float[] tile, int kPad, int[] tapX, int[] tapW, NhwcKernel kernel) {
        int h = l.inHeight(), w = l.inWidth(), ow = l.outWidth();
        int s = l.kernelW(), sw = l.strideW();
        int pl = l.padLeft(), dh = l.dilationH(), dw = l.dilationW();
        int ips = l.inPixelStride();
        int k = l.outChannels();
        int mult = k / l.inChannels();
        float[] wts = l.panels();
        for (int ox = 0; ox < ow; ) {
            int ix = ox * sw - pl;
            int sxLo = ConvNhwc.firstTap(ix, dw);
            int sxHi = ConvNhwc.endTap(ix, dw, w, s);
            int oxEnd = ox + 1;
            while (oxEnd < ow && ConvNhwc.firstTap(oxEnd * sw - pl, dw) == sxLo
                    && ConvNhwc.endTap(oxEnd * sw - pl, dw, w, s) == sxHi) {
                oxEnd++;
            }
            int sxN = Math.max(0, sxHi - sxLo);
            int taps = 0;
            for (int ry = 0; ry < ryN; ry++) {
                for (int sx = 0; sx < sxN; sx++) {
                    tapX[taps] = (ry * dh * w + sx * dw) * ips;
                    tapW[taps] = (ry * s + sx) * kPad;
                    taps++;
                }
            }
            int xb = xOff + ((b * h + iy + ryLo * dh) * w + ix + sxLo * dw) * ips;
            kernel.depthwise(x, xb, sw * ips, oxEnd - ox, tapX, tapW, taps, wts, (ryLo * s + sxLo) * kPad, k, mult,
                    tile, ox * kPad, kPad);
            ox = oxEnd;
        }
    }
}
