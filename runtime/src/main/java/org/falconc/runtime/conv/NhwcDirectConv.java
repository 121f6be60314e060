package org.falconc.runtime.conv;

import org.falconc.runtime.gemm.ScratchSlots;
import org.falconc.runtime.parallel.ExecutionContext;

/**
 * Driver of the direct NHWC convolution ({@link ConvNhwc}, every non-depthwise shape).
 *
 * <p>A task is (image, group, output-row block, channel block). Its pixels are grouped into
 * segments sharing one valid tap range (rows x columns whose window is cut the same way by the
 * padding: the interior is one segment, each border row/column band another), so every register
 * block runs without bounds logic; a segment's last block is shifted back to end on the segment's
 * last pixel (recomputing a few, storing only the new ones); a shorter segment runs one block on its
 * pixels repeated, and only single pixels (corners) take the one-pixel kernel. Weights of one channel
 * block larger than {@link #CHUNK_BYTES} are reduced in chunks that stay in L2 (kernel rows, or
 * input-channel slices when one kernel row is too big), the partial sums accumulating in y and the
 * epilogue running after the last chunk.
 */
final class NhwcDirectConv {

    /**
     * Weight bytes of one channel block's reduction chunk (L2-resident next to the input rows).
     * Measured on Zen 5 (1 MiB L2): 384 KiB beat 192 KiB (3x3 512ch 7x7: 88% vs 77% of peak, as its
     * kernel rows no longer fit and it fell back to channel slices) and 640 KiB (1x1 1024ch: 91% vs 73%).
     */
    static final int CHUNK_BYTES = 384 * 1024;

    /** Input bytes of one task's rows (kept in L2 across the channel blocks that read them). */
    static final int INPUT_BLOCK_BYTES = 256 * 1024;

    /** Int scratch slots (per lane): input offsets, pixel indices, segments, a short segment's padded offsets. */
    private static final int XO_SLOT = 4;
    private static final int PIX_SLOT = 5;
    private static final int SEG_SLOT = 6;
    private static final int PADDED_SLOT = 7;
    private static final int SEG_INTS = 5;

    private NhwcDirectConv() {
    }

    static void run(ExecutionContext ctx, NhwcKernel kernel, ConvNhwcLayer l, float[] x, int xOff, float[] y,
                    int yOff, float[] bias, int act, float p0, float p1, float[] res, int resOff, long[] bits,
                    int bitsOff) {
        int[] pieces = l.pieces(kernel);
        int np = pieces.length / 2;
        int n = l.batch();
        int group = l.group();
        int oh = l.outHeight();
        // Row blocks small enough that their input rows stay in L2 while every channel block reads them
        // (channel blocks are the innermost task index), and enough blocks to feed every thread.
        long inputRowBytes = 4L * l.inWidth() * l.inPixelStride() * l.strideH();
        int l2Blocks = (int) Math.min(oh, Math.max(1, inputRowBytes * oh / INPUT_BLOCK_BYTES));
        int rowBlocks = Math.max(l2Blocks, ConvNhwc.rowBlocks(ctx.threads(), n * group * np, oh));
        int rowsPerTask = ConvNhwc.ceilDiv(oh, rowBlocks);
        int blocks = ConvNhwc.ceilDiv(oh, rowsPerTask);
        ctx.pool().parallelFor(n * group * np * blocks, (task, lane) -> {
            int piece = task % np;
            int t = task / np;
            int rb = t % blocks;
            t /= blocks;
            int g = t % group;
            int b = t / group;
            int oy0 = rb * rowsPerTask;
            runTask(ctx, lane, kernel, l, b, g, pieces[2 * piece], pieces[2 * piece + 1], oy0,
                    Math.min(oh, oy0 + rowsPerTask), x, xOff, y, yOff, bias, act, p0, p1, res, resOff, bits, bitsOff);
        });
    }

    private static void runTask(ExecutionContext ctx, int lane, NhwcKernel kernel, ConvNhwcLayer l, int b, int g,
                                int col0, int nv, int oy0, int oy1, float[] x, int xOff, float[] y, int yOff,
                                float[] bias, int act, float p0, float p1, float[] res, int resOff, long[] bits,
                                int bitsOff) {
        int h = l.inHeight(), w = l.inWidth(), oh = l.outHeight(), ow = l.outWidth();
        int r = l.kernelH(), s = l.kernelW(), sh = l.strideH(), sw = l.strideW();
        int pt = l.padTop(), pl = l.padLeft(), dh = l.dilationH(), dw = l.dilationW();
        int ips = l.inPixelStride(), ops = l.outPixelStride();
        int k = l.outChannels();
        int cg = l.inChannels() / l.group();
        int kg = k / l.group();
        int pixels = (oy1 - oy0) * ow;
        int[] xo = ctx.ints(lane, XO_SLOT, pixels);
        int[] pix = ctx.ints(lane, PIX_SLOT, pixels);
        int[] seg = ctx.ints(lane, SEG_SLOT, SEG_INTS * (pixels + 1));
        int[] padded = ctx.ints(lane, PADDED_SLOT, 32);
        float[] tile = ctx.scratch(lane, ScratchSlots.CONV_LANE, kernel.tileLength());

        // Segments: runs of rows with one row-tap range x runs of columns with one column-tap range.
        int count = 0;
        int nseg = 0;
        for (int oy = oy0; oy < oy1; ) {
            int iy = oy * sh - pt;
            int ryLo = ConvNhwc.firstTap(iy, dh);
            int ryHi = ConvNhwc.endTap(iy, dh, h, r);
            int oyEnd = oy + 1;
            while (oyEnd < oy1 && ConvNhwc.firstTap(oyEnd * sh - pt, dh) == ryLo
                    && ConvNhwc.endTap(oyEnd * sh - pt, dh, h, r) == ryHi) {
                oyEnd++;
            }
            for (int ox = 0; ox < ow; ) {
                int ix = ox * sw - pl;
                int sxLo = ConvNhwc.firstTap(ix, dw);
                int sxHi = ConvNhwc.endTap(ix, dw, w, s);
                int oxEnd = ox + 1;
                while (oxEnd < ow && ConvNhwc.firstTap(oxEnd * sw - pl, dw) == sxLo
                        && ConvNhwc.endTap(oxEnd * sw - pl, dw, w, s) == sxHi) {
                    oxEnd++;
                }
                int si = SEG_INTS * nseg++;
                seg[si] = count;
                seg[si + 1] = ryLo;
                seg[si + 2] = Math.max(0, ryHi - ryLo);
                seg[si + 3] = sxLo;
                seg[si + 4] = Math.max(0, sxHi - sxLo);
                for (int yy = oy; yy < oyEnd; yy++) {
                    int rowBase = (b * h + yy * sh - pt + ryLo * dh) * w;
                    for (int xx = ox; xx < oxEnd; xx++) {
                        xo[count] = xOff + (rowBase + xx * sw - pl + sxLo * dw) * ips + g * cg;
                        pix[count] = (b * oh + yy) * ow + xx;
                        count++;
                    }
                }
                ox = oxEnd;
            }
            oy = oyEnd;
        }
        seg[SEG_INTS * nseg] = count;

        int lanes = kernel.lanes();
        int ws = ConvNhwc.panelWidth(kg, col0);
        int base = ConvNhwc.panelOffset(g, kg, cg, r * s, col0);
        int rowStep = dh * w * ips;
        int colStep = dw * ips;
        int wRow = s * cg * ws;
        int wCol = cg * ws;
        int mr = nv == 4 && l.variant() == ConvNhwc.DIRECT_6X4 ? kernel.tallRows()
                : nv == 1 && l.variant() == ConvNhwc.DIRECT_24X1 ? kernel.tallRows1() : kernel.rows(nv);
        int cols = Math.min(nv * lanes, kg - col0);
        int chanOff = g * kg + col0;
        // Output bits (only when this block owns whole words, see ConvNhwc.ownsWords): the pixel's words
        // from the block's first channel.
        int wpp = bits == null ? 0 : org.falconc.runtime.sparse.ActivationBits.wordsPerPixel(k);
        int bitsAt = bitsOff + (chanOff >> 6);
        int tileStride = kernel.tileStride();
        float[] wts = l.panels();

        // Reduction chunks whose weights stay in L2: whole kernel rows when one row fits (the column
        // taps and channels stay one fused run), else input-channel slices of every tap.
        long rowBytes = 4L * s * cg * nv * lanes;
        long blockBytes = r * rowBytes;
        int rowChunks = 1;
        int channelChunks = 1;
        if (blockBytes > CHUNK_BYTES) {
            int chunks = (int) ((blockBytes + CHUNK_BYTES - 1) / CHUNK_BYTES);
            if (rowBytes <= CHUNK_BYTES) {
                rowChunks = Math.min(r, chunks);
            } else {
                channelChunks = Math.min(cg, chunks);
            }
        }
        int rowsPerChunk = ConvNhwc.ceilDiv(r, rowChunks);
        int chunk = ConvNhwc.ceilDiv(cg, channelChunks);
        int total = ConvNhwc.ceilDiv(r, rowsPerChunk) * ConvNhwc.ceilDiv(cg, chunk);
        int index = 0;
        for (int ryA = 0; ryA < r; ryA += rowsPerChunk) {
            for (int c0 = 0; c0 < cg; c0 += chunk, index++) {
                int cn = Math.min(chunk, cg - c0);
                int mode = total == 1 ? NhwcKernel.ONLY
                        : index == 0 ? NhwcKernel.FIRST : index == total - 1 ? NhwcKernel.LAST : NhwcKernel.MIDDLE;
                // Whole channel range and a tap's channels right after the previous tap's: the column taps
                // and channels are one contiguous run (the first layer's 3 channels become 3 * S).
                boolean fused = cn == cg && colStep == cg;
                for (int sg = 0; sg < nseg; sg++) {
                    int si = SEG_INTS * sg;
                    int start = seg[si];
                    int len = seg[si + SEG_INTS] - start;
                    int ryLo = seg[si + 1], sxLo = seg[si + 3], sxN = seg[si + 4];
                    // The segment's kernel rows within this chunk (none: zero sums, the store still runs).
                    int ry0 = Math.max(ryLo, ryA);
                    int ryN = Math.max(0, Math.min(ryLo + seg[si + 2], ryA + rowsPerChunk) - ry0);
                    int xAdd = c0 + (ryN > 0 ? (ry0 - ryLo) * rowStep : 0);
                    int wb = base + ((ry0 * s + sxLo) * cg + c0) * ws;
                    int segCol = fused ? 0 : colStep;
                    int segSx = fused ? Math.min(sxN, 1) : sxN;
                    int inner = fused ? sxN * cn : cn;
                    if (len >= mr) {
                        for (int i = 0; i < len; i += mr) {
                            int at = Math.min(i, len - mr); // the last block ends on the segment's last pixel
                            taps(kernel, nv, mr, x, xo, start + at, xAdd, rowStep, ryN, segCol, segSx, inner,
                                    wts, wb, wRow, wCol, ws, tile);
                            for (int m = i - at; m < mr; m++) {
                                storePixel(kernel, tile, m * tileStride, pix[start + at + m], y, yOff, ops, chanOff,
                                        cols, bias, res, resOff, k, mode, act, p0, p1, bits, bitsAt, wpp);
                            }
                        }
                    } else if (len > 1) {
                        // Shorter than a block (the border bands of small maps): a full block on the segment's
                        // pixels repeated up to MR, storing each pixel once, still beats one-pixel kernels.
                        for (int m = 0; m < mr; m++) {
                            padded[m] = xo[start + Math.min(m, len - 1)];
                        }
                        taps(kernel, nv, mr, x, padded, 0, xAdd, rowStep, ryN, segCol, segSx, inner,
                                wts, wb, wRow, wCol, ws, tile);
                        for (int m = 0; m < len; m++) {
                            storePixel(kernel, tile, m * tileStride, pix[start + m], y, yOff, ops, chanOff,
                                    cols, bias, res, resOff, k, mode, act, p0, p1, bits, bitsAt, wpp);
                        }
                    } else {
                        taps(kernel, nv, 1, x, xo, start, xAdd, rowStep, ryN, segCol, segSx, inner,
                                wts, wb, wRow, wCol, ws, tile);
                        storePixel(kernel, tile, 0, pix[start], y, yOff, ops, chanOff, cols, bias, res,
                                resOff, k, mode, act, p0, p1, bits, bitsAt, wpp);
                    }
                }
            }
        }
    }

    /** One register block over a segment's taps: the kernel reduces one tap (or fused run) per call. */
    private static void taps(NhwcKernel kernel, int nv, int mr, float[] x, int[] xo, int xoOff, int xAdd,
                             int rowStep, int ryN, int colStep, int sxN, int inner, float[] w, int wb, int wRow,
                             int wCol, int ws, float[] tile) {
        if (ryN == 0 || sxN == 0) { // the window misses the input: the sums are zero
            kernel.direct(nv, mr, false, x, xo, xoOff, xAdd, 0, w, wb, ws, tile);
            return;
        }
        boolean load = false;
        for (int ry = 0; ry < ryN; ry++) {
            for (int sx = 0; sx < sxN; sx++) {
                kernel.direct(nv, mr, load, x, xo, xoOff, xAdd + ry * rowStep + sx * colStep, inner,
                        w, wb + ry * wRow + sx * wCol, ws, tile);
                load = true;
            }
        }
    }

    private static void storePixel(NhwcKernel kernel, float[] tile, int ti, int pixel, float[] y,
                                   int yOff, int ops, int chanOff, int cols, float[] bias, float[] res, int resOff,
                                   int k, int mode, int act, float p0, float p1, long[] bits, int bitsAt,
                                   int wpp) {
        int yi = yOff + pixel * ops + chanOff;
        kernel.store(tile, ti, y, yi, cols, bias, chanOff, res, resOff + pixel * k + chanOff, mode, act, p0, p1);
        if (bits != null && (mode == NhwcKernel.ONLY || mode == NhwcKernel.LAST)) {
            ConvNhwc.storeBits(y, yi, cols, bits, bitsAt + pixel * wpp);
        }
    }
}
