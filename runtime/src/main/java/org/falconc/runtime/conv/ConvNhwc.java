package org.falconc.runtime.conv;

import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.profile.Profile;
import org.falconc.runtime.profile.ZeroMap;
import org.falconc.runtime.sparse.ActivationBits;

/**
 * 2-D convolution on channels-last (NHWC) tensors by direct kernels, with a fused epilogue:
 * {@code y = act(conv(x, W) + bias[k] + residual)}.
 *
 * <p>Activations are [N, H, W, C] row-major with a pixel stride (elements between consecutive
 * pixels, at least the channel count), so a convolution can read a channel slice of a bigger
 * tensor or write into a channel slice of a Concat output; elements between a pixel's channels and
 * the next pixel are never touched. Bottom/right padding is implied by the output size.
 *
 * <p>Paths: depthwise ({@code group == C > 1}, {@code K = m * C}) runs a kernel vectorised across
 * channels; everything else (any kernel size, strides, dilation, groups, 1x1) runs the direct
 * kernel: a register block of output pixels x output channels ({@link #variantName}) accumulating
 * the whole taps x input-channel reduction in registers. Work is split over (image, group, channel
 * block, output-row block) tasks on the context's pool.
 */
public final class ConvNhwc {

    /** Variant: the depthwise kernel. */
    public static final int DEPTHWISE = 0;
    /** Variant: direct kernel, 5 pixels x 4 vectors of output channels (5 x 64 with AVX-512). */
    public static final int DIRECT_5X4 = 1;
    /** Variant: direct kernel, 10 pixels x 2 vectors of output channels (10 x 32 with AVX-512). */
    public static final int DIRECT_10X2 = 2;
    /** Variant: direct kernel, 12 pixels x 1 vector of output channels (12 x 16 with AVX-512). */
    public static final int DIRECT_12X1 = 3;
    /** Variant: direct kernel, 6 pixels x 4 vectors of output channels (6 x 64 with AVX-512). */
    public static final int DIRECT_6X4 = 4;
    /**
     * Variant: depthwise 3x3, dilation 1, multiplier 1 (any stride and pads): blocks of output pixels
     * along a row with the nine weight vectors in registers, each input vector loaded once per block
     * for every tap that reads it.
     */
    public static final int DEPTHWISE_3X3 = 5;
    /** Variant: direct kernel, 24 pixels x 1 vector of output channels (24 x 16 with AVX-512). */
    public static final int DIRECT_24X1 = 6;

    private ConvNhwc() {
    }

    /** One input channel per group: the depthwise kernel and its weight layout. */
    public static boolean isDepthwise(int c, int group) {
        return group == c && group > 1;
    }

    /** A variant of the depthwise kernels (the others are direct-convolution register blocks). */
    static boolean isDepthwiseVariant(int variant) {
        return variant == DEPTHWISE || variant == DEPTHWISE_3X3;
    }

    /** A depthwise shape the {@link #DEPTHWISE_3X3} kernel runs: 3x3, dilation 1, one output channel per input. */
    static boolean fitsDepthwise3x3(int c, int k, int r, int s, int dilH, int dilW, int group) {
        return isDepthwise(c, group) && k == c && r == 3 && s == 3 && dilH == 1 && dilW == 1;
    }

    /** Floats of {@link #packInto}'s output. */
    public static int packedLength(int k, int c, int r, int s, int group) {
        checkGroups(k, c, group);
        if (isDepthwise(c, group)) {
            return r * s * roundUp(k, NhwcKernel.PANEL);
        }
        int kg = k / group;
        int cg = c / group;
        return group * roundUp(kg, NhwcKernel.PANEL) * r * s * cg;
    }

    /**
     * Packs ONNX weights W[K, C/group, R, S] (row-major at {@code w[wOff]}) into the kernels' layout at
     * {@code dst[0, packedLength)}. Direct: each group's K zero-padded to a multiple of 16 and cut into
     * panels of {@link #PANEL_WIDTH} (64) output channels, the last one narrower (the padded rest, a
     * multiple of 16): {@code [group][panel][r][s][ci][width]}, so the 64 output channels of a (tap,
     * input channel) are contiguous, as the 4-vector register blocks and the sparse kernel read them.
     * The layout does not depend on the machine's vector length. Depthwise: {@code [r][s][K]}, K
     * zero-padded to a multiple of 16.
     */
    public static void packInto(float[] w, int wOff, int k, int c, int r, int s, int group, float[] dst) {
        checkGroups(k, c, group);
        if (isDepthwise(c, group)) {
            int kPad = roundUp(k, NhwcKernel.PANEL);
            java.util.Arrays.fill(dst, 0, r * s * kPad, 0f);
            for (int oc = 0; oc < k; oc++) {
                for (int tap = 0; tap < r * s; tap++) {
                    dst[tap * kPad + oc] = w[wOff + oc * r * s + tap];
                }
            }
            return;
        }
        int kg = k / group;
        int cg = c / group;
        int padded = roundUp(kg, NhwcKernel.PANEL);
        int taps = r * s;
        for (int g = 0; g < group; g++) {
            for (int p0 = 0; p0 < padded; p0 += PANEL_WIDTH) {
                int width = panelWidth(kg, p0);
                int base = panelOffset(g, kg, cg, taps, p0);
                for (int tap = 0; tap < taps; tap++) {
                    for (int ci = 0; ci < cg; ci++) {
                        int di = base + (tap * cg + ci) * width;
                        for (int lane = 0; lane < width; lane++) {
                            int col = p0 + lane;
                            dst[di + lane] = col < kg ? w[wOff + ((g * kg + col) * cg + ci) * taps + tap] : 0f;
                        }
                    }
                }
            }
        }
    }

    /** Output channels per packed weight panel of the direct layout (the last panel of a group may be narrower). */
    public static final int PANEL_WIDTH = 64;

    /**
     * Width of the direct layout's panel holding output channel {@code col} of a group of {@code kg}
     * output channels: {@link #PANEL_WIDTH}, or the group's padded rest for its last panel. Consecutive
     * input channels (and taps) of that panel are this many floats apart.
     */
    public static int panelWidth(int kg, int col) {
        int start = col - col % PANEL_WIDTH;
        return Math.min(PANEL_WIDTH, roundUp(kg, NhwcKernel.PANEL) - start);
    }

    /**
     * Offset in the packed direct weights of output channel {@code col} (of group {@code g}) at tap 0,
     * input channel 0 of the group; tap t, channel ci add {@code (t * cg + ci) * panelWidth(kg, col)}.
     */
    public static int panelOffset(int g, int kg, int cg, int taps, int col) {
        int start = col - col % PANEL_WIDTH;
        return (g * roundUp(kg, NhwcKernel.PANEL) + start) * taps * cg + col - start;
    }

    /**
     * The register-block variant for a shape (a pure function of it: the compiler records it).
     * Depthwise shapes get {@link #DEPTHWISE_3X3} when 3x3 with dilation 1 and multiplier 1 (MobileNet's),
     * else {@link #DEPTHWISE}; otherwise the block width follows the output channels per group: >= 64
     * takes 4 vectors (6 pixels on maps of >= 100 pixels, 5 on smaller ones), 17-63 two, <= 16 one
     * vector of 24 pixels.
     *
     * <p>Measured by ConvNhwcSpeed, 1 thread, AMD EPYC (Zen 5, AVX-512, FMA peak ~220 GFLOP/s per
     * core), JDK 17, on a machine shared with other builds (+-15% run to run): 3x3 64-512 channels
     * 56x56-7x7 150-220 GFLOP/s (70-100% of peak, 6x64 beats 5x64 by 5-15% from 14x14 up, 5x64 wins
     * on 7x7), 1x1 256-1024 channels 180-200 (81-94%), 1x1 64->256 56x56 120-157 (54-71%: 64-step
     * reductions), first layer 7x7/2 3->64 150-157 (70-76%), 1x1 64->16 and 128->16 55x55 24x16
     * 115-137 (50-59%; 12x16 78-120: every FMA of a 1-vector block needs its own broadcast), 1x1
     * 96->24 and 144->24 56x56 10x32 83-97 (35-41%; two 12x16 blocks 65-77), 1x1 32-64 channels
     * 10x32/6x64 158-214 (68-91%). Depthwise 3x3 (DEPTHWISE_3X3 vs the tap-table DEPTHWISE): 144ch
     * 56x56 55 vs 29 (24% vs 13%), 576ch 14x14 38-40 vs 28, 960ch 7x7 34 vs 28, 32ch 112x112 42 vs
     * 25, 96ch 112x112 stride 2 21-26 vs 22 (the input streams from L3: ~1 FLOP per byte moved). The
     * 3x3 kernel alone, L1-resident, runs at ~35-40% of peak; a stride-1 layer does ~2.3 FLOPs per
     * byte of input and output, which no longer fit L2 from 56x56 up.
     */
    public static int chooseVariant(int n, int c, int h, int w, int k, int oh, int ow, int r, int s,
                                    int strideH, int strideW, int padTop, int padLeft, int dilH, int dilW, int group) {
        checkGroups(k, c, group);
        if (isDepthwise(c, group)) {
            return fitsDepthwise3x3(c, k, r, s, dilH, dilW, group) ? DEPTHWISE_3X3 : DEPTHWISE;
        }
        int kg = k / group;
        if (kg >= 64) {
            // 6-pixel blocks on maps of >= 100 pixels; on smaller ones (7x7: 5-pixel rows and border
            // bands) 5-pixel blocks waste no recomputed pixels.
            return oh * ow >= 100 ? DIRECT_6X4 : DIRECT_5X4;
        }
        // 17-31 channels: one 2-vector block (computing up to 15 padding channels) beats two 1-vector
        // blocks, each of whose FMAs needs its own broadcast; 16 or fewer: 24 pixels per weight load.
        return kg > 16 ? DIRECT_10X2 : DIRECT_24X1;
    }

    /** A readable name of a variant with this machine's vector length, e.g. "direct 5x64", "depthwise". */
    public static String variantName(int variant) {
        if (variant == DEPTHWISE) {
            return "depthwise";
        }
        if (variant == DEPTHWISE_3X3) {
            return "depthwise 3x3";
        }
        NhwcKernel kernel = NhwcKernels.best();
        int nv = vectors(variant);
        int rows = variant == DIRECT_6X4 ? kernel.tallRows() : variant == DIRECT_24X1 ? kernel.tallRows1()
                : kernel.rows(nv);
        return "direct " + rows + "x" + nv * kernel.lanes();
    }

    /** Vectors of output channels per register block of a direct variant. */
    static int vectors(int variant) {
        switch (variant) {
            case DIRECT_5X4:
            case DIRECT_6X4:
                return 4;
            case DIRECT_10X2:
                return 2;
            case DIRECT_12X1:
            case DIRECT_24X1:
                return 1;
            default:
                throw new IllegalArgumentException("not a direct-convolution variant: " + variant);
        }
    }

    /**
     * Wraps {@link #packInto}'s output (not copied) with the geometry: the layer object {@link #run}
     * takes. Pixel strides are the elements between consecutive pixels of x and y (>= C, >= K).
     */
    public static ConvNhwcLayer prepacked(float[] panels, int n, int c, int h, int w, int k, int oh, int ow, int r,
                                          int s, int strideH, int strideW, int padTop, int padLeft, int dilH,
                                          int dilW, int group, int inPixelStride, int outPixelStride, int variant) {
        checkGroups(k, c, group);
        if (n < 1 || h < 1 || w < 1 || oh < 1 || ow < 1 || r < 1 || s < 1 || strideH < 1 || strideW < 1
                || dilH < 1 || dilW < 1 || padTop < 0 || padLeft < 0) {
            throw new IllegalArgumentException("bad convolution geometry: N" + n + " " + h + "x" + w + " -> "
                    + oh + "x" + ow + " kernel " + r + "x" + s + " stride " + strideH + "," + strideW
                    + " pads " + padTop + "," + padLeft + " dilation " + dilH + "," + dilW);
        }
        if (inPixelStride < c || outPixelStride < k) {
            throw new IllegalArgumentException("pixel strides " + inPixelStride + ", " + outPixelStride
                    + " smaller than the channels " + c + ", " + k);
        }
        if (panels.length < packedLength(k, c, r, s, group)) {
            throw new IllegalArgumentException("not the packed weights of a " + k + "x" + c / group + "x" + r + "x"
                    + s + " convolution of " + group + " groups: " + panels.length + " floats");
        }
        if (isDepthwiseVariant(variant) != isDepthwise(c, group)
                || variant == DEPTHWISE_3X3 && !fitsDepthwise3x3(c, k, r, s, dilH, dilW, group)) {
            throw new IllegalArgumentException("variant " + variant + " does not fit C=" + c + " K=" + k + " group "
                    + group + " kernel " + r + "x" + s + " dilation " + dilH + "," + dilW);
        }
        if (!isDepthwiseVariant(variant)) {
            vectors(variant); // validates
        }
        return new ConvNhwcLayer(panels, n, c, h, w, k, oh, ow, r, s, strideH, strideW, padTop, padLeft,
                dilH, dilW, group, inPixelStride, outPixelStride, variant);
    }

    /**
     * Runs the layer: {@code y = act(conv(x) + bias[k] + residual)}.
     *
     * @param x        input [N, H, W, C] at {@code x[xOff]}, pixel stride {@code layer.inPixelStride()}
     * @param y        output [N, OH, OW, K] at {@code y[yOff]}, pixel stride {@code layer.outPixelStride()};
     *                 the elements between a pixel's K channels and the next pixel stay untouched
     * @param bias     [K] or null
     * @param act      an {@link org.falconc.runtime.Epilogue} code, parameters {@code p0, p1}
     * @param residual [N, OH, OW, K] dense (pixel stride K) at {@code residual[residualOff]}, added before
     *                 the activation, or null (the offset is then ignored)
     */
    public static void run(ExecutionContext ctx, ConvNhwcLayer layer, float[] x, int xOff, float[] y, int yOff,
                           float[] bias, int act, float p0, float p1, float[] residual, int residualOff) {
        run(ctx, NhwcKernels.best(), layer, x, xOff, y, yOff, bias, act, p0, p1, residual, residualOff);
        Profile profile = ctx.profile();
        if (profile != null) {
            count(profile, layer, x, xOff, false);
        }
    }

    /**
     * The profile's counts of a layer: its dense MACs, the MACs executed (all of them, or with
     * {@code sparse} those whose activation operand is not zero), and the zero-operand MACs; and the
     * input's {@link ZeroMap} when the profile captures one for this layer.
     */
    public static void count(Profile profile, ConvNhwcLayer l, float[] x, int xOff, boolean sparse) {
        long dense = (long) l.batch() * l.outHeight() * l.outWidth() * l.outChannels()
                * (l.inChannels() / l.group()) * l.kernelH() * l.kernelW();
        long counting = System.nanoTime();
        long[] zeros = ConvCounts.zeroOperandsNhwc(x, xOff, l.batch(), l.inChannels(), l.inHeight(), l.inWidth(),
                l.inPixelStride(), l.outHeight(), l.outWidth(), l.kernelH(), l.kernelW(), l.strideH(),
                l.strideW(), l.padTop(), l.padLeft(), l.dilationH(), l.dilationW());
        long zeroOperand = zeros[0] * (l.outChannels() / l.group());
        profile.conv(dense, sparse ? dense - zeroOperand : dense, zeroOperand,
                (long) l.batch() * l.inChannels() * l.inHeight() * l.inWidth(), zeros[1]);
        if (profile.wantsZeroMap()) {
            profile.zeroMap(ZeroMap.ofNhwc(x, xOff, l.inChannels(), l.inHeight(), l.inWidth(), l.inPixelStride()));
        }
        profile.exclude(System.nanoTime() - counting); // the counting is not the layer's time
    }

    /**
     * {@link #run}, also writing the output's {@link ActivationBits} (as
     * {@code ActivationBits.build(y, yOff, 0, N * OH * OW, K, layer.outPixelStride(), bits, bitsOff)}
     * would) for a sparse consumer: the direct kernel's store epilogue sets the bits of each pixel's
     * channel block as it stores it, when every task's channel block covers whole 64-channel words
     * (blocks start on a multiple of 64 and span whole words or end at K: so no word is shared
     * between parallel tasks); other layers (depthwise, several groups or blocks within one word)
     * build the bits in a parallel pass after the convolution.
     *
     * @param bits the output's bits at {@code bits[bitsOff]}: {@code N * OH * OW * ActivationBits.wordsPerPixel(K)} words
     */
    public static void run(ExecutionContext ctx, ConvNhwcLayer layer, float[] x, int xOff, float[] y, int yOff,
                           float[] bias, int act, float p0, float p1, float[] residual, int residualOff,
                           long[] bits, int bitsOff) {
        run(ctx, NhwcKernels.best(), layer, x, xOff, y, yOff, bias, act, p0, p1, residual, residualOff, bits,
                bitsOff);
        Profile profile = ctx.profile();
        if (profile != null) {
            count(profile, layer, x, xOff, false);
        }
    }

    /** {@link #run} with an explicit kernel (tests force the scalar one). */
    static void run(ExecutionContext ctx, NhwcKernel kernel, ConvNhwcLayer layer, float[] x, int xOff, float[] y,
                    int yOff, float[] bias, int act, float p0, float p1, float[] residual, int residualOff) {
        run(ctx, kernel, layer, x, xOff, y, yOff, bias, act, p0, p1, residual, residualOff, null, 0);
    }

    /** {@link #run} with an explicit kernel and optional output bits (null: none). */
    static void run(ExecutionContext ctx, NhwcKernel kernel, ConvNhwcLayer layer, float[] x, int xOff, float[] y,
                    int yOff, float[] bias, int act, float p0, float p1, float[] residual, int residualOff,
                    long[] bits, int bitsOff) {
        checkBounds(layer, x, xOff, y, yOff, bias, residual, residualOff);
        if (bits != null) {
            checkBits(layer, bits, bitsOff);
        }
        if (isDepthwiseVariant(layer.variant())) {
            NhwcDepthwiseConv.run(ctx, kernel, layer, x, xOff, y, yOff, bias, act, p0, p1, residual, residualOff);
        } else {
            boolean fused = bits != null && ownsWords(layer.pieces(kernel), kernel.lanes(),
                    layer.outChannels(), layer.group());
            NhwcDirectConv.run(ctx, kernel, layer, x, xOff, y, yOff, bias, act, p0, p1, residual, residualOff,
                    fused ? bits : null, bitsOff);
            if (fused) {
                return;
            }
        }
        if (bits != null) {
            ActivationBits.buildAll(ctx, y, yOff, layer.batch() * layer.outHeight() * layer.outWidth(),
                    layer.outChannels(), layer.outPixelStride(), bits, bitsOff);
        }
    }

    /**
     * Whether every channel block (pieces: pairs of first channel and vectors, per group) of a layer
     * covers whole 64-channel bit words: then parallel tasks' store epilogues never share a word.
     */
    public static boolean ownsWords(int[] pieces, int lanes, int k, int group) {
        int kg = k / group;
        for (int g = 0; g < group; g++) {
            for (int i = 0; i < pieces.length; i += 2) {
                int first = g * kg + pieces[i];
                int cols = Math.min(pieces[i + 1] * lanes, kg - pieces[i]);
                if (first % 64 != 0 || (cols % 64 != 0 && first + cols != k)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void checkBits(ConvNhwcLayer l, long[] bits, int bitsOff) {
        long words = (long) l.batch() * l.outHeight() * l.outWidth() * ActivationBits.wordsPerPixel(l.outChannels());
        if (bitsOff < 0 || bitsOff + words > bits.length) {
            throw new IllegalArgumentException("output bits of " + bits.length + " words at " + bitsOff
                    + " too short for " + l);
        }
    }

    /**
     * Writes the bits of one stored pixel's channels {@code [chan, chan + cols)} ({@code chan} a
     * multiple of 64) from {@code y[yi ..]} to the pixel's words at {@code bits[bp ..]}.
     */
    public static void storeBits(float[] y, int yi, int cols, long[] bits, int bp) {
        for (int j = 0; j < cols; j += 64) {
            bits[bp + (j >> 6)] = ActivationBits.pixelBits(y, yi + j, Math.min(64, cols - j));
        }
    }

    /**
     * Checks that the arrays of a {@link #run} call are long enough for the layer (once per call, so
     * index errors cannot surface half-way through the tasks); other kernels running the layer share it.
     *
     * @throws IllegalArgumentException naming the short array
     */
    public static void checkBounds(ConvNhwcLayer l, float[] x, int xOff, float[] y, int yOff, float[] bias,
                                    float[] residual, int residualOff) {
        long inPixels = (long) l.batch() * l.inHeight() * l.inWidth();
        long outPixels = (long) l.batch() * l.outHeight() * l.outWidth();
        if (xOff < 0 || xOff + (inPixels - 1) * l.inPixelStride() + l.inChannels() > x.length) {
            throw new IllegalArgumentException("input of " + x.length + " floats too short for " + l);
        }
        if (yOff < 0 || yOff + (outPixels - 1) * l.outPixelStride() + l.outChannels() > y.length) {
            throw new IllegalArgumentException("output of " + y.length + " floats too short for " + l);
        }
        if (bias != null && bias.length < l.outChannels()) {
            throw new IllegalArgumentException("bias of " + bias.length + " floats for K=" + l.outChannels());
        }
        if (residual != null && (residualOff < 0 || residualOff + outPixels * l.outChannels() > residual.length)) {
            throw new IllegalArgumentException("residual of " + residual.length + " floats too short for " + l);
        }
    }

    /**
     * The fused epilogue of {@link #run} for other kernels that produce the sums of the same layer
     * (the sparse convolution): {@code y[yi + j] = act(t[ti + j] + bias[bi + j] + res[ri + j])} for
     * {@code j < cols}; bias and res may be null. Same code as the dense store, so both kernels'
     * outputs round identically after the sums.
     */
    public static void storeSums(float[] t, int ti, float[] y, int yi, int cols, float[] bias, int bi, float[] res,
                                 int ri, int act, float p0, float p1) {
        NhwcKernels.best().store(t, ti, y, yi, cols, bias, bi, res, ri, NhwcKernel.ONLY, act, p0, p1);
    }

    private static void checkGroups(int k, int c, int group) {
        if (group < 1 || c < 1 || k < 1 || c % group != 0 || k % group != 0) {
            throw new IllegalArgumentException("channels C=" + c + ", K=" + k + " not divisible by group " + group);
        }
    }

    static int roundUp(int v, int m) {
        return (v + m - 1) / m * m;
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** First tap index whose input coordinate {@code base + tap * dil} is >= 0. */
    static int firstTap(int base, int dil) {
        return base >= 0 ? 0 : ceilDiv(-base, dil);
    }

    /** One past the last tap (at most {@code taps}) whose input coordinate is < {@code size}. */
    static int endTap(int base, int dil, int size, int taps) {
        return size - 1 - base < 0 ? 0 : Math.min(taps, (size - 1 - base) / dil + 1);
    }

    /**
     * The fewest output-row blocks per (image, group, channel block) for the threads: one when
     * single-threaded, else enough for about four tasks per thread so small maps use every core.
     */
    static int rowBlocks(int threads, int otherTasks, int oh) {
        if (threads == 1) {
            return 1;
        }
        return Math.max(1, Math.min(oh, ceilDiv(4 * threads, otherTasks)));
    }
}
