package org.falconc.runtime.sparse;

import java.util.Arrays;
import org.falconc.runtime.conv.ConvNhwc;
import org.falconc.runtime.conv.ConvNhwcLayer;
import org.falconc.runtime.parallel.ExecutionContext;

/**
 * Driver of {@link SparseConvNhwc}: tasks, cache blocking and the walk over the activation bits.
 *
 * <p>A task is (image, group, block of up to 128 output channels (8 vectors at AVX-512, else 4),
 * output-row block). Per output row the sums of all its pixels live in a row buffer (L1). The
 * reduction (taps x input channels) is cut into weight groups of about {@link #GROUP_BYTES} (a few whole taps of all
 * channels, or one tap of a channel chunk); each group is applied to the whole row before the next,
 * so its weights stay in L1 across the row instead of streaming from L2 for every pixel. For each
 * output pixel and group the driver lists the non-empty bit words of the group's taps as segments
 * (word, input and weight offsets) and the kernel walks their set bits, FMA-ing each live activation
 * into the pixel's sums; after the last group the row goes through the dense kernel's epilogue store
 * (which can also write the output's bits for the next sparse layer).
 *
 * <p>128-channel blocks (8 accumulators, one broadcast per 8 FMAs) measured within noise of 64-channel
 * ones on this machine (+-5%, 1x1 512->1000 2-5% faster): kept, as they halve the segment lists
 * built per pixel; {@code -Dfalconc.sparse.maxChannels=64} restores 64.
 */
final class SparseNhwcDirect {

    /**
     * Weight bytes of one group: L1-resident (48 KiB on Zen 5) next to the row buffer. 32 KiB (two taps
     * of 64 channels) measured 5-10% faster than 16 KiB on Zen 5, 8 KiB and no blocking 20-40% slower.
     */
    static final int GROUP_BYTES = 32 * 1024;

    private static final int PANEL = 16;
    /**
     * Most output channels per block: 128 (8 vectors at AVX-512) where the kernel has such a block;
     * system property {@code falconc.sparse.maxChannels} (64 or 128) overrides it for measurements.
     */
    private static final int MAX_CHANNELS = Integer.getInteger("falconc.sparse.maxChannels", 128);
    /** Scratch slots: row sums (floats), segments of live entries (ints). */
    private static final int ROW_SLOT = 10;
    private static final int SEGMENT_SLOT = 8;

    private SparseNhwcDirect() {
    }

    static void run(ExecutionContext ctx, SparseNhwcKernel kernel, ConvNhwcLayer l, float[] x, int xOff,
                    long[] bits, int bitsOff, float[] y, int yOff, float[] bias, int act, float p0, float p1,
                    float[] res, int resOff, long[] outBits, int outBitsOff) {
        int[] pieces = pieces(kernel.lanes(), maxVectors(kernel), l.outChannels() / l.group());
        // Output bits in the store epilogue when no word is shared between tasks, else a pass afterwards.
        boolean fused = outBits != null && ConvNhwc.ownsWords(pieces, kernel.lanes(), l.outChannels(), l.group());
        long[] taskBits = fused ? outBits : null;
        int np = pieces.length / 2;
        int n = l.batch();
        int group = l.group();
        int oh = l.outHeight();
        int others = n * group * np;
        int threads = ctx.threads();
        // One row block single-threaded; else about four tasks per thread so small maps use every core.
        int rowBlocks = threads == 1 ? 1 : Math.max(1, Math.min(oh, (4 * threads + others - 1) / others));
        int rowsPerTask = (oh + rowBlocks - 1) / rowBlocks;
        int blocks = (oh + rowsPerTask - 1) / rowsPerTask;
        ctx.pool().parallelFor(others * blocks, (task, lane) -> {
            int rb = task % blocks;
            int t = task / blocks;
            int piece = t % np;
            t /= np;
            int g = t % group;
            int b = t / group;
            int oy0 = rb * rowsPerTask;
            runTask(ctx, lane, kernel, l, b, g, pieces[2 * piece], pieces[2 * piece + 1], oy0,
                    Math.min(oh, oy0 + rowsPerTask), x, xOff, bits, bitsOff, y, yOff, bias, act, p0, p1, res,
                    resOff, taskBits, outBitsOff);
        });
        if (outBits != null && !fused) {
            ActivationBits.buildAll(ctx, y, yOff, n * oh * l.outWidth(), l.outChannels(), l.outPixelStride(),
                    outBits, outBitsOff);
        }
    }

    /**
     * The output channels of one group cut into blocks: pairs (first channel, vectors), full blocks
     * of {@code maxVectors}, then narrower ones, never past the group's zero-padded panels (each block
     * aligned to its width, so a block of at most 64 channels lies in one weight panel).
     */
    static int[] pieces(int lanes, int maxVectors, int kg) {
        int padded = (kg + PANEL - 1) / PANEL * PANEL;
        int[] out = new int[2 * (padded / lanes + 1)];
        int count = 0;
        for (int col = 0; col < padded; ) {
            int width = maxVectors;
            while (col + width * lanes > padded) {
                width /= 2;
            }
            out[2 * count] = col;
            out[2 * count + 1] = width;
            count++;
            col += width * lanes;
        }
        return Arrays.copyOf(out, 2 * count);
    }

    /** The widest block of this kernel (vectors), within {@link #MAX_CHANNELS}. */
    static int maxVectors(SparseNhwcKernel kernel) {
        int nv = kernel.maxVectors();
        while (nv > 1 && nv * kernel.lanes() > MAX_CHANNELS) {
            nv /= 2;
        }
        return nv;
    }

    private static void runTask(ExecutionContext ctx, int lane, SparseNhwcKernel kernel, ConvNhwcLayer l, int b,
                                int g, int col0, int nv, int oy0, int oy1, float[] x, int xOff, long[] bits,
                                int bitsOff, float[] y, int yOff, float[] bias, int act, float p0, float p1,
                                float[] res, int resOff, long[] outBits, int outBitsOff) {
        int h = l.inHeight(), w = l.inWidth(), ow = l.outWidth();
        int r = l.kernelH(), s = l.kernelW(), sh = l.strideH(), sw = l.strideW();
        int pt = l.padTop(), pl = l.padLeft(), dh = l.dilationH(), dw = l.dilationW();
        int ips = l.inPixelStride(), ops = l.outPixelStride();
        int c = l.inChannels(), k = l.outChannels();
        int cg = c / l.group(), kg = k / l.group();
        int gc = g * cg;
        int wpp = ActivationBits.wordsPerPixel(c);
        int lanes = kernel.lanes();
        int stride = nv * lanes; // floats per pixel in the row buffer
        int taps = r * s;

        int chunk = chunk(stride, cg);
        int tapsPerGroup = tapsPerGroup(stride, cg);
        float[] row = ctx.scratch(lane, ROW_SLOT, ow * stride);
        int[] seg = ctx.ints(lane, SEGMENT_SLOT,
                SparseNhwcKernel.SEGMENT_INTS * tapsPerGroup * ((chunk + 63) / 64 + 1));

        float[] wts = l.packedWeights();
        int ws = ConvNhwc.panelWidth(kg, col0);
        int wBlock = ConvNhwc.panelOffset(g, kg, cg, taps, col0) - gc * ws;
        // A 128-channel block: its second half is the next panel (both full: 64 wide).
        int wo = ConvNhwc.PANEL_WIDTH * taps * cg;
        int cols = Math.min(stride, kg - col0);
        int chanOff = g * kg + col0;
        int outWpp = ActivationBits.wordsPerPixel(k);
        int outBitsAt = outBitsOff + (chanOff >> 6);

        for (int oy = oy0; oy < oy1; oy++) {
            Arrays.fill(row, 0, ow * stride, 0f);
            int iy0 = oy * sh - pt;
            for (int t0 = 0; t0 < taps; t0 += tapsPerGroup) {
                int t1 = Math.min(taps, t0 + tapsPerGroup);
                for (int c0 = 0; c0 < cg; c0 += chunk) {
                    int a0 = gc + c0;
                    int a1 = gc + Math.min(cg, c0 + chunk);
                    int word0 = a0 >> 6;
                    int word1 = (a1 - 1) >> 6;
                    long mask0 = -1L << (a0 & 63);
                    long mask1 = -1L >>> (63 - ((a1 - 1) & 63));
                    for (int ox = 0; ox < ow; ox++) {
                        int ix0 = ox * sw - pl;
                        int segments = 0;
                        int count = 0;
                        for (int t = t0; t < t1; t++) {
                            int ry = t / s;
                            int iy = iy0 + ry * dh;
                            int ix = ix0 + (t - ry * s) * dw;
                            if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                                continue;
                            }
                            int pixel = (b * h + iy) * w + ix;
                            int xp = xOff + pixel * ips;
                            int bp = bitsOff + pixel * wpp;
                            int wt = wBlock + t * cg * ws;
                            for (int word = word0; word <= word1; word++) {
                                long m = bits[bp + word];
                                if (word == word0) {
                                    m &= mask0;
                                }
                                if (word == word1) {
                                    m &= mask1;
                                }
                                if (m != 0) { // empty words are left out: the kernel refills without a loop
                                    int si = SparseNhwcKernel.SEGMENT_INTS * segments++;
                                    seg[si] = (int) m;
                                    seg[si + 1] = (int) (m >>> 32);
                                    seg[si + 2] = xp + (word << 6);
                                    seg[si + 3] = wt + (word << 6) * ws;
                                    count += Long.bitCount(m);
                                }
                            }
                        }
                        if (count > 0) {
                            kernel.accumulate(nv, seg, count, x, wts, ws, wo, row, ox * stride);
                        }
                    }
                }
            }
            int pixel0 = (b * l.outHeight() + oy) * ow;
            for (int ox = 0; ox < ow; ox++) {
                int pixel = pixel0 + ox;
                int yi = yOff + pixel * ops + chanOff;
                ConvNhwc.storeSums(row, ox * stride, y, yi, cols, bias, chanOff, res, resOff + pixel * k + chanOff,
                        act, p0, p1);
                if (outBits != null) {
                    ConvNhwc.storeBits(y, yi, cols, outBits, outBitsAt + pixel * outWpp);
                }
            }
        }
    }

    /**
     * Input channels per weight group for blocks of {@code stride} output channels: all {@code cg}
     * when a tap's weights fit {@link #GROUP_BYTES}, else a chunk of whole bit words where possible.
     */
    static int chunk(int stride, int cg) {
        int pairs = Math.max(1, GROUP_BYTES / (4 * stride));
        if (cg <= pairs) {
            return cg;
        }
        return pairs >= 64 ? pairs & ~63 : pairs;
    }

    /** Taps per weight group: as many whole taps of all channels as fit, else one tap of a chunk. */
    static int tapsPerGroup(int stride, int cg) {
        int pairs = Math.max(1, GROUP_BYTES / (4 * stride));
        return cg <= pairs ? Math.max(1, pairs / cg) : 1;
    }
}
