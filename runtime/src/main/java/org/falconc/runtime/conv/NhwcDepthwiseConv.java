package org.falconc.runtime.conv;

import org.falconc.runtime.gemm.ScratchSlots;
import org.falconc.runtime.parallel.ExecutionContext;

/**
 * Driver of the depthwise NHWC convolution ({@code group == C}, {@code K = m * C}): a task is
 * (image, output-row block); each row's columns are cut into runs sharing one valid tap range (the
 * interior, then each border column), whose sums the kernel writes (one loop over the run's taps,
 * through offset tables) to a row tile
 * {@code [OW][K padded to 16]}; the fused store then moves the row to y.
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
            for (int oy = oy0; oy < oy1; oy++) {
                row(ctx, lane, kernel, l, b, oy, x, xOff, y, yOff, bias, act, p0, p1, res, resOff);
            }
        });
    }

    private static void row(ExecutionContext ctx, int lane, NhwcKernel kernel, ConvNhwcLayer l, int b, int oy,
                            float[] x, int xOff, float[] y, int yOff, float[] bias, int act, float p0, float p1,
                            float[] res, int resOff) {
        int h = l.inHeight(), w = l.inWidth(), oh = l.outHeight(), ow = l.outWidth();
        int r = l.kernelH(), s = l.kernelW(), sw = l.strideW();
        int pl = l.padLeft(), dh = l.dilationH(), dw = l.dilationW();
        int ips = l.inPixelStride(), ops = l.outPixelStride();
        int k = l.outChannels();
        int mult = k / l.inChannels();
        int kPad = ConvNhwc.roundUp(k, NhwcKernel.PANEL);
        float[] tile = ctx.scratch(lane, ScratchSlots.CONV_LANE, ow * kPad);
        float[] wts = l.panels();
        int[] tapX = ctx.ints(lane, TAP_X_SLOT, r * s);
        int[] tapW = ctx.ints(lane, TAP_W_SLOT, r * s);

        int iy = oy * l.strideH() - l.padTop();
        int ryLo = ConvNhwc.firstTap(iy, dh);
        int ryN = Math.max(0, ConvNhwc.endTap(iy, dh, h, r) - ryLo);
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
        for (int ox = 0; ox < ow; ox++) {
            int pixel = (b * oh + oy) * ow + ox;
            kernel.store(tile, ox * kPad, y, yOff + pixel * ops, k, bias, 0, res, resOff + pixel * k,
                    NhwcKernel.ONLY, act, p0, p1);
        }
    }
}
