package org.falconc.passes.sparsity;

import java.util.BitSet;
import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Value;
import org.falconc.ir.ops.nn.WindowGeometry;

/**
 * The geometry of a 1-D or 2-D convolution (Conv, FusedConv, DecomposedConv with typed X and W) as
 * sparse execution sees it: a 1-D convolution is the H = 1 case. {@link #coveredBlocks} is the rule
 * of docs/sparsity.md, "Which input blocks a tile reads", shared by the statistics and the cost model.
 */
public final class SparseConvGeometry {
    public final int batch;
    public final int channels;
    public final int height;
    public final int width;
    public final int outChannels;
    public final int group;
    public final int channelsPerGroup;
    public final int kernelH;
    public final int kernelW;
    public final int strideH;
    public final int strideW;
    public final int padTop;
    public final int padLeft;
    public final int dilationH;
    public final int dilationW;
    public final int outH;
    public final int outW;

    private SparseConvGeometry(Node conv, Shape x, Shape w) {
        int rank = x.rank();
        if (rank != 3 && rank != 4) {
            throw IrException.atNode(conv, "only 1-D and 2-D convolutions have a sparse geometry, X is " + x);
        }
        int[] in = new int[rank - 2];
        int[] k = new int[rank - 2];
        for (int a = 0; a < rank - 2; a++) {
            in[a] = x.dim(a + 2);
            k[a] = w.dim(a + 2);
        }
        WindowGeometry g = WindowGeometry.forConv(conv, in, k);
        batch = x.dim(0);
        channels = x.dim(1);
        outChannels = w.dim(0);
        group = (int) conv.attrs().getInt("group", 1);
        channelsPerGroup = w.dim(1);
        boolean twoD = rank == 4;
        int h = twoD ? 0 : -1;
        int wa = twoD ? 1 : 0;
        height = twoD ? in[0] : 1;
        width = in[wa];
        kernelH = twoD ? k[0] : 1;
        kernelW = k[wa];
        strideH = h < 0 ? 1 : g.stride(h);
        strideW = g.stride(wa);
        padTop = h < 0 ? 0 : g.padBegin(h);
        padLeft = g.padBegin(wa);
        dilationH = h < 0 ? 1 : g.dilation(h);
        dilationW = g.dilation(wa);
        outH = h < 0 ? 1 : g.outSize(h);
        outW = g.outSize(wa);
    }

    /** The geometry of a convolution node whose X (input 0) and W (input 1) are typed. */
    public static SparseConvGeometry of(Node conv) {
        Value x = conv.input(0);
        Value w = conv.input(1);
        if (x == null || w == null || !x.hasType() || !w.hasType()) {
            throw IrException.atNode(conv, "needs typed X and W");
        }
        return new SparseConvGeometry(conv, x.type().shape(), w.type().shape());
    }

    /** Output pixels per image and channel, P = OH * OW. */
    public int outPixels() {
        return outH * outW;
    }

    /** Input pixels per image and channel, Q = H * W. */
    public int inPixels() {
        return height * width;
    }

    /** Multiply-adds of the dense convolution: N * K * (C/group) * R * S * P. */
    public long denseMacs() {
        return (long) batch * outChannels * channelsPerGroup * kernelH * kernelW * outPixels();
    }

    /** Elements of the im2col matrix over all images and groups: N * group * (C/group) * R * S * P. */
    public long im2colElements() {
        return (long) batch * group * channelsPerGroup * kernelH * kernelW * outPixels();
    }

    /** Whether the dense kernel packs an im2col matrix: anything but a 1x1 stride-1 unpadded convolution. */
    public boolean im2col() {
        return !(kernelH == 1 && kernelW == 1 && strideH == 1 && strideW == 1 && padTop == 0 && padLeft == 0
                && outH == height && outW == width);
    }

    /**
     * The input blocks (of {@code block} pixels, row-major over one input plane) that the tile of output
     * pixels [p0, p1) reads, ascending; empty when its window lies entirely in the padding.
     */
    public int[] coveredBlocks(int p0, int p1, int block) {
        int oy0 = p0 / outW;
        int oy1 = (p1 - 1) / outW;
        int iyLo = Math.max(0, oy0 * strideH - padTop);
        int iyHi = Math.min(height - 1, oy1 * strideH - padTop + (kernelH - 1) * dilationH);
        int ixLo = 0;
        int ixHi = width - 1;
        if (oy0 == oy1) {
            int ox0 = p0 % outW;
            int ox1 = (p1 - 1) % outW;
            ixLo = Math.max(0, ox0 * strideW - padLeft);
            ixHi = Math.min(width - 1, ox1 * strideW - padLeft + (kernelW - 1) * dilationW);
        }
        if (iyLo > iyHi || ixLo > ixHi) {
            return new int[0];
        }
        BitSet blocks = new BitSet();
        for (int iy = iyLo; iy <= iyHi; iy++) {
            blocks.set((iy * width + ixLo) / block, (iy * width + ixHi) / block + 1);
        }
        return blocks.stream().toArray();
    }

    /** {@link #coveredBlocks} of every tile of {@code pixels} output pixels, in tile order. */
    public int[][] coveredBlocksPerTile(int pixels, int block) {
        int p = outPixels();
        int tiles = (p + pixels - 1) / pixels;
        int[][] covered = new int[tiles][];
        for (int t = 0; t < tiles; t++) {
            covered[t] = coveredBlocks(t * pixels, Math.min((t + 1) * pixels, p), block);
        }
        return covered;
    }
}
