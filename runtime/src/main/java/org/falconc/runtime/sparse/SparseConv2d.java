package org.falconc.runtime.sparse;

import org.falconc.runtime.conv.Conv2d;
import org.falconc.runtime.conv.ConvCounts;
import org.falconc.runtime.conv.PackedConv;
import org.falconc.runtime.gemm.BPanelSource;
import org.falconc.runtime.gemm.CompactedGemm;
import org.falconc.runtime.gemm.GemmEpilogue;
import org.falconc.runtime.gemm.MicroKernel;
import org.falconc.runtime.gemm.MicroKernels;
import org.falconc.runtime.gemm.PackedMatrix;
import org.falconc.runtime.gemm.ScratchSlots;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.profile.Profile;

/**
 * The decomposed (FalCon) convolution, docs/sparsity.md: {@code y = act(conv(x, W) + bias + residual)}
 * exactly as {@link Conv2d#run}, computed unit by unit and skipping every unit (input-channel
 * group x output tile) whose covered input blocks are all zero in the input mask.
 *
 * <p>Per (image, conv group, output tile[, block of output channels]) task: the live channel
 * groups are found from the mask over the tile's covered blocks (precomputed by {@link #plan}),
 * their K ranges {@code [c0 * R * S, c1 * R * S)} (adjacent ones merged) are packed back to back
 * into the B panel, from the im2col view of the input or, for a 1x1 stride-1 unpadded
 * convolution, from the input in place, and the shared micro-kernel runs the compacted GEMM on
 * the matching slices of the packed weights ({@link CompactedGemm}). A tile with no live unit
 * only stores {@code act(bias + residual)}. The output mask, if asked for, is written by the store.
 */
public final class SparseConv2d {

    private SparseConv2d() {
    }

    /**
     * Load time: the units and per-tile covered input blocks of a convolution. Arguments as
     * {@link Conv2d#run} (1-D convolution: h = oh = r = 1), plus the unit ({@code unitChannels}
     * input channels x {@code unitPixels} output pixels) and the input mask's block.
     */
    public static SparseConvPlan plan(int n, int c, int h, int w, int k, int oh, int ow, int r, int s,
                                      int strideH, int strideW, int padTop, int padLeft, int dilH, int dilW,
                                      int group, int unitChannels, int unitPixels, int inputMaskBlock) {
        if (group < 1 || c % group != 0 || k % group != 0) {
            throw new IllegalArgumentException("channels C=" + c + ", K=" + k + " not divisible by group " + group);
        }
        if (unitChannels < 1 || unitPixels < 1 || inputMaskBlock < 1) {
            throw new IllegalArgumentException("unit " + unitChannels + " channels x " + unitPixels
                    + " pixels, mask block " + inputMaskBlock + ": all must be >= 1");
        }
        if (n < 1 || h < 1 || w < 1 || oh < 1 || ow < 1 || r < 1 || s < 1 || strideH < 1 || strideW < 1
                || dilH < 1 || dilW < 1) {
            throw new IllegalArgumentException("bad convolution shape");
        }
        int pixels = oh * ow;
        int tiles = (pixels + unitPixels - 1) / unitPixels;
        int[] tileStart = new int[tiles + 1];
        int[] ranges = new int[16];
        int count = 0;
        for (int t = 0; t < tiles; t++) {
            tileStart[t] = count;
            int p0 = t * unitPixels;
            int p1 = Math.min(pixels, p0 + unitPixels);
            int oy0 = p0 / ow;
            int oy1 = (p1 - 1) / ow;
            int iyLo = Math.max(0, oy0 * strideH - padTop);
            int iyHi = Math.min(h - 1, oy1 * strideH - padTop + (r - 1) * dilH);
            int ixLo = 0;
            int ixHi = w - 1;
            if (oy0 == oy1) {
                ixLo = Math.max(0, (p0 % ow) * strideW - padLeft);
                ixHi = Math.min(w - 1, ((p1 - 1) % ow) * strideW - padLeft + (s - 1) * dilW);
            }
            if (iyLo > iyHi || ixLo > ixHi) {
                continue; // the window lies in the padding: no block, every unit dead
            }
            for (int iy = iyLo; iy <= iyHi; iy++) {
                int lo = (iy * w + ixLo) / inputMaskBlock;
                int hi = (iy * w + ixHi) / inputMaskBlock + 1;
                if (count > tileStart[t] && lo <= ranges[2 * count - 1]) {
                    ranges[2 * count - 1] = Math.max(hi, ranges[2 * count - 1]);
                    continue;
                }
                if (2 * count + 2 > ranges.length) {
                    ranges = java.util.Arrays.copyOf(ranges, ranges.length * 2);
                }
                ranges[2 * count] = lo;
                ranges[2 * count + 1] = hi;
                count++;
            }
        }
        tileStart[tiles] = count;
        return new SparseConvPlan(n, c, h, w, k, oh, ow, r, s, strideH, strideW, padTop, padLeft, dilH, dilW,
                group, unitChannels, unitPixels, inputMaskBlock, tileStart, java.util.Arrays.copyOf(ranges, 2 * count));
    }

    /**
     * Run time, on the default micro-kernel.
     *
     * @param x        input [N, C, H, W] at {@code x[xOff]}
     * @param xMask    its mask (block {@code inputMaskBlock} of the plan) at {@code xMask[xMaskOff]}
     * @param y        output [N, K, OH, OW] at {@code y[yOff]}
     * @param bias     [K] or null
     * @param residual [N, K, OH, OW] at {@code residual[residualOff]}, added before the activation, or null
     * @param yMask    mask of y to write (block {@code yMaskBlock}) at {@code yMask[yMaskOff]}, or null
     */
    public static void run(ExecutionContext ctx, SparseConvPlan plan, PackedConv w, float[] x, int xOff,
                           boolean[] xMask, int xMaskOff, float[] y, int yOff, float[] bias, int act, float p0,
                           float p1, float[] residual, int residualOff, boolean[] yMask, int yMaskOff,
                           int yMaskBlock) {
        run(ctx, MicroKernels.best(), plan, w, x, xOff, xMask, xMaskOff, y, yOff, bias, act, p0, p1,
                residual, residualOff, yMask, yMaskOff, yMaskBlock);
    }

    /** {@link #run} with an explicit micro-kernel (tests run the scalar kernel through this). */
    public static void run(ExecutionContext ctx, MicroKernel kernel, SparseConvPlan plan, PackedConv w,
                           float[] x, int xOff, boolean[] xMask, int xMaskOff, float[] y, int yOff, float[] bias,
                           int act, float p0, float p1, float[] residual, int residualOff, boolean[] yMask,
                           int yMaskOff, int yMaskBlock) {
        SparseConvPlan pl = plan;
        if (w.isDepthwise() || w.outChannels() != pl.k || w.inChannels() != pl.c || w.kernelH() != pl.r
                || w.kernelW() != pl.s || w.group() != pl.group) {
            throw new IllegalArgumentException("packed weights do not match the sparse plan (or are depthwise)");
        }
        int n = pl.n;
        int group = pl.group;
        int cg = pl.c / group;
        int kg = pl.k / group;
        int rs = pl.r * pl.s;
        int pixels = pl.pixels;
        int tiles = pl.tiles;
        int unitsPerGroup = pl.unitsPerGroup;
        if (yMask != null) {
            int nb = Masks.blocks(pixels, yMaskBlock);
            java.util.Arrays.fill(yMask, yMaskOff, yMaskOff + n * pl.k * nb, false);
        }
        BPanelSource src = Conv2d.source(x, xOff, pl.c, pl.h, pl.w, pl.oh, pl.ow, pl.r, pl.s,
                pl.strideH, pl.strideW, pl.padTop, pl.padLeft, pl.dilH, pl.dilW, group);
        GemmEpilogue base = GemmEpilogue.of(bias, 0, residual, residualOff - yOff, act, p0, p1)
                .withMask(yMask, yMaskOff, yMaskBlock, yOff, pixels);
        GemmEpilogue[] groupEpi = new GemmEpilogue[group];
        PackedMatrix[] a = new PackedMatrix[group];
        for (int g = 0; g < group; g++) {
            groupEpi[g] = bias == null ? base : base.withBiasOffset(g * kg);
            a[g] = w.groupMatrix(g);
        }

        int threads = ctx.threads();
        int panels = (kg + PackedMatrix.MR - 1) / PackedMatrix.MR;
        int tileTasks = n * group * tiles;
        int mBlocks = 1;
        if (threads > 1 && tileTasks < 4 * threads) {
            mBlocks = Math.min((4 * threads + tileTasks - 1) / tileTasks, Math.max(1, panels * PackedMatrix.MR / 32));
        }
        int panelsPerBlock = (panels + mBlocks - 1) / mBlocks;
        int mBlocksF = (panels + panelsPerBlock - 1) / panelsPerBlock;
        int tasks = tileTasks * mBlocksF;
        int panelFloats = CompactedGemm.panelFloats(kernel, Math.min(pl.unitPixels, pixels));
        int tileFloats = CompactedGemm.tileFloats(kernel);
        Profile profile = ctx.profile();
        long[][] counts = profile == null ? null : new long[threads][2];

        ctx.pool().parallelFor(tasks, (task, lane) -> {
            int mBlock = task % mBlocksF;
            int rest = task / mBlocksF;
            int t = rest % tiles;
            int batch = rest / tiles;
            int g = batch % group;
            int image = batch / group;
            // Per-lane index scratch from the context: no allocation per call once it has run.
            int[] ints = ctx.ints(lane, 0, 2 * unitsPerGroup);
            int[] blockRanges = ctx.ints(lane, 1, 2 * unitsPerGroup);
            int[] kIndex = ctx.ints(lane, 2, CompactedGemm.indexLength());
            int nRanges = 0;
            int liveUnits = 0;
            int liveChannels = 0;
            for (int u = 0; u < unitsPerGroup; u++) {
                if (!pl.isLive(xMask, xMaskOff, image, g, u, t)) {
                    continue;
                }
                int c0 = u * pl.unitChannels;
                int c1 = Math.min(cg, c0 + pl.unitChannels);
                liveUnits++;
                liveChannels += c1 - c0;
                if (nRanges > 0 && ints[2 * nRanges - 1] == c0 * rs) {
                    ints[2 * nRanges - 1] = c1 * rs;
                } else {
                    ints[2 * nRanges] = c0 * rs;
                    ints[2 * nRanges + 1] = c1 * rs;
                    nRanges++;
                }
            }
            int n0 = t * pl.unitPixels;
            int n1 = Math.min(pixels, n0 + pl.unitPixels);
            int pLo = mBlock * panelsPerBlock;
            int pHi = Math.min(panels, pLo + panelsPerBlock);
            float[] bPanel = ctx.scratch(lane, ScratchSlots.B_PANEL, panelFloats);
            float[] tile = ctx.scratch(lane, ScratchSlots.TILE, tileFloats);
            CompactedGemm.runTile(kernel, a[g], src, batch, ints, nRanges, n0, n1, pLo, pHi,
                    y, yOff + batch * kg * pixels, pixels, groupEpi[g], bPanel, tile, blockRanges, kIndex);
            if (counts != null && mBlock == 0) {
                counts[lane][0] += liveUnits;
                counts[lane][1] += (long) kg * liveChannels * rs * (n1 - n0);
            }
        });

        if (profile != null) {
            long live = 0;
            long executed = 0;
            for (long[] lc : counts) {
                live += lc[0];
                executed += lc[1];
            }
            long dense = (long) n * pl.k * pixels * cg * rs;
            long counting = System.nanoTime();
            long[] zeros = ConvCounts.zeroOperands(x, xOff, n, pl.c, pl.h, pl.w, pl.oh, pl.ow, pl.r, pl.s,
                    pl.strideH, pl.strideW, pl.padTop, pl.padLeft, pl.dilH, pl.dilW);
            profile.conv(pl.units(), live, dense, executed, zeros[0] * kg, (long) n * pl.c * pl.h * pl.w, zeros[1]);
            profile.exclude(System.nanoTime() - counting); // the counting is not the layer's time
        }
    }
}
