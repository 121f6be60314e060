package org.falconc.runtime.sparse;

/**
 * Load-time plan of a decomposed convolution ({@link SparseConv2d#plan}): its shape, its units
 * (input-channel groups of {@code unitChannels} channels x output tiles of {@code unitPixels}
 * pixels) and, per tile, the input-mask blocks it covers as ascending disjoint ranges
 * {@code [lo, hi)} (docs/sparsity.md, "Which input blocks a tile reads").
 */
public final class SparseConvPlan {

    final int n;
    final int c;
    final int h;
    final int w;
    final int k;
    final int oh;
    final int ow;
    final int r;
    final int s;
    final int strideH;
    final int strideW;
    final int padTop;
    final int padLeft;
    final int dilH;
    final int dilW;
    final int group;
    final int unitChannels;
    final int unitPixels;
    final int inputMaskBlock;
    /** Output pixels OH * OW. */
    final int pixels;
    /** Output tiles: ceil(pixels / unitPixels). */
    final int tiles;
    /** Channel groups (units) per conv group: ceil((C / group) / unitChannels). */
    final int unitsPerGroup;
    /** Input mask blocks per channel: ceil(H * W / inputMaskBlock). */
    final int inputBlocks;
    /** Tile t's covered block ranges are pairs {@code blockRanges[2i], blockRanges[2i + 1]}, i in [tileStart[t], tileStart[t + 1]). */
    final int[] tileStart;
    final int[] blockRanges;

    SparseConvPlan(int n, int c, int h, int w, int k, int oh, int ow, int r, int s, int strideH, int strideW,
                   int padTop, int padLeft, int dilH, int dilW, int group, int unitChannels, int unitPixels,
                   int inputMaskBlock, int[] tileStart, int[] blockRanges) {
        this.n = n;
        this.c = c;
        this.h = h;
        this.w = w;
        this.k = k;
        this.oh = oh;
        this.ow = ow;
        this.r = r;
        this.s = s;
        this.strideH = strideH;
        this.strideW = strideW;
        this.padTop = padTop;
        this.padLeft = padLeft;
        this.dilH = dilH;
        this.dilW = dilW;
        this.group = group;
        this.unitChannels = unitChannels;
        this.unitPixels = unitPixels;
        this.inputMaskBlock = inputMaskBlock;
        this.pixels = oh * ow;
        this.tiles = (pixels + unitPixels - 1) / unitPixels;
        this.unitsPerGroup = (c / group + unitChannels - 1) / unitChannels;
        this.inputBlocks = (h * w + inputMaskBlock - 1) / inputMaskBlock;
        this.tileStart = tileStart;
        this.blockRanges = blockRanges;
    }

    /** Output tiles per image and conv group. */
    public int tiles() {
        return tiles;
    }

    /** Input-channel groups per conv group. */
    public int unitsPerGroup() {
        return unitsPerGroup;
    }

    /** All units of one call: N x group x unitsPerGroup x tiles. */
    public long units() {
        return (long) n * group * unitsPerGroup * tiles;
    }

    /** Input mask blocks per channel. */
    public int inputBlocks() {
        return inputBlocks;
    }

    /** Tile t's covered input blocks as ranges {lo0, hi0, lo1, hi1, ...} (ascending, disjoint, non-adjacent). */
    public int[] coveredRanges(int tile) {
        return java.util.Arrays.copyOfRange(blockRanges, 2 * tileStart[tile], 2 * tileStart[tile + 1]);
    }

    /**
     * Whether unit (channel group {@code unit} of conv group {@code g}, tile {@code tile}) of image
     * {@code image} is live in the input mask (at {@code mask[maskOff]}).
     */
    public boolean isLive(boolean[] mask, int maskOff, int image, int g, int unit, int tile) {
        int cg = c / group;
        int c0 = unit * unitChannels;
        int c1 = Math.min(cg, c0 + unitChannels);
        int rLo = tileStart[tile];
        int rHi = tileStart[tile + 1];
        for (int ch = c0; ch < c1; ch++) {
            int base = maskOff + (image * c + g * cg + ch) * inputBlocks;
            for (int i = rLo; i < rHi; i++) {
                for (int b = base + blockRanges[2 * i], end = base + blockRanges[2 * i + 1]; b < end; b++) {
                    if (mask[b]) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
