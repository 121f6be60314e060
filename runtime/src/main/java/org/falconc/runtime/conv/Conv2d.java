package org.falconc.runtime.conv;

import org.falconc.runtime.gemm.BPanelSource;
import org.falconc.runtime.gemm.BatchedGemm;
import org.falconc.runtime.gemm.GemmEpilogue;
import org.falconc.runtime.gemm.MicroKernel;
import org.falconc.runtime.gemm.MicroKernels;
import org.falconc.runtime.gemm.PackedMatrix;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.profile.Profile;
import org.falconc.runtime.profile.ZeroMap;

/**
 * 2-D convolution on NCHW tensors with a fused epilogue:
 * {@code y = act(conv(x, W) + bias[k] + residual)}.
 *
 * <p>Paths: depthwise ({@code group == C}, one input channel per group) runs a direct kernel;
 * everything else is a GEMM {@code Y_g[Kg, OH*OW] = W_g[Kg, Cg*R*S] x X̂_g[Cg*R*S, OH*OW]} per image
 * and group, all (image, group, row block, column chunk) tasks in one parallel loop. A 1x1, stride
 * 1, unpadded convolution reads the input in place as X̂ ([C, H*W] row-major); otherwise X̂ is the
 * im2col view of the input, packed block by block into per-thread scratch (never materialised).
 */
public final class Conv2d {

    private Conv2d() {
    }

    /**
     * Packs weights W[K, C/group, R, S] (row-major at {@code w[wOff]}) once at load time.
     */
    public static PackedConv pack(float[] w, int wOff, int k, int c, int r, int s, int group) {
        checkGroups(k, c, group);
        int cg = c / group;
        int kg = k / group;
        int depth = cg * r * s;
        if (isDepthwise(c, group)) {
            float[] taps = java.util.Arrays.copyOfRange(w, wOff, wOff + k * r * s);
            return new PackedConv(k, c, r, s, group, null, taps);
        }
        PackedMatrix[] groups = new PackedMatrix[group];
        for (int g = 0; g < group; g++) {
            groups[g] = PackedMatrix.pack(w, wOff + g * kg * depth, kg, depth, depth);
        }
        return new PackedConv(k, c, r, s, group, groups, null);
    }

    /** Floats of {@link #packInto}'s output for a non-depthwise convolution: every group's panels, one after another. */
    public static int packedLength(int k, int c, int r, int s, int group) {
        return group * PackedMatrix.packedLength(k / group, c / group * r * s);
    }

    /**
     * Packs the weights of a non-depthwise convolution ahead of time (the compiler does, so the model
     * loads panels ready to use): group g's panels at {@code dst[g * packedLength / group]}.
     */
    public static void packInto(float[] w, int wOff, int k, int c, int r, int s, int group, float[] dst) {
        checkGroups(k, c, group);
        if (isDepthwise(c, group)) {
            throw new IllegalArgumentException("depthwise convolutions keep their taps unpacked");
        }
        int kg = k / group;
        int depth = c / group * r * s;
        int groupLength = PackedMatrix.packedLength(kg, depth);
        for (int g = 0; g < group; g++) {
            PackedMatrix.packInto(w, wOff + g * kg * depth, kg, depth, depth, 1, dst, g * groupLength);
        }
    }

    /** Wraps {@link #packInto}'s output without copying (load time of a compiled model). */
    public static PackedConv prepacked(float[] panels, int k, int c, int r, int s, int group) {
        checkGroups(k, c, group);
        if (panels.length != packedLength(k, c, r, s, group) || isDepthwise(c, group)) {
            throw new IllegalArgumentException("not the packed weights of a " + k + "x" + c / group + "x" + r + "x" + s
                    + " convolution of " + group + " groups: " + panels.length + " floats");
        }
        int kg = k / group;
        int depth = c / group * r * s;
        int groupLength = PackedMatrix.packedLength(kg, depth);
        PackedMatrix[] groups = new PackedMatrix[group];
        for (int g = 0; g < group; g++) {
            groups[g] = PackedMatrix.prepacked(panels, g * groupLength, kg, depth);
        }
        return new PackedConv(k, c, r, s, group, groups, null);
    }

    /** One input channel per group: the direct depthwise kernel, on unpacked taps. */
    public static boolean isDepthwise(int c, int group) {
        return c / group == 1 && group > 1;
    }

    private static void checkGroups(int k, int c, int group) {
        if (group < 1 || c % group != 0 || k % group != 0) {
            throw new IllegalArgumentException("channels C=" + c + ", K=" + k + " not divisible by group " + group);
        }
    }

    /**
     * Runs the convolution on {@code n} images. Bottom/right padding is implied by {@code oh, ow}.
     *
     * @param x        input [N, C, H, W] at {@code x[xOff]}
     * @param y        output [N, K, OH, OW] at {@code y[yOff]}
     * @param bias     [K] or null
     * @param residual [N, K, OH, OW] at {@code residual[residualOff]}, added before the activation, or null
     */
    public static void run(ExecutionContext ctx, float[] x, int xOff, float[] y, int yOff, PackedConv w,
                           float[] bias, int n, int c, int h, int width, int k, int oh, int ow, int r, int s,
                           int strideH, int strideW, int padTop, int padLeft, int dilH, int dilW, int group,
                           int act, float p0, float p1, float[] residual, int residualOff) {
        run(ctx, MicroKernels.best(), x, xOff, y, yOff, w, bias, n, c, h, width, k, oh, ow, r, s,
                strideH, strideW, padTop, padLeft, dilH, dilW, group, act, p0, p1, residual, residualOff);
    }

    /** {@link #run} with an explicit micro-kernel (tests run the scalar kernel through this). */
    public static void run(ExecutionContext ctx, MicroKernel kernel, float[] x, int xOff, float[] y, int yOff,
                           PackedConv w, float[] bias, int n, int c, int h, int width, int k, int oh, int ow,
                           int r, int s, int strideH, int strideW, int padTop, int padLeft, int dilH, int dilW,
                           int group, int act, float p0, float p1, float[] residual, int residualOff) {
        if (w.outChannels != k || w.inChannels != c || w.kernelH != r || w.kernelW != s || w.group != group) {
            throw new IllegalArgumentException("packed weights are [" + w.outChannels + ", " + w.inChannels
                    + "/" + w.group + ", " + w.kernelH + ", " + w.kernelW + "], call has [" + k + ", " + c
                    + "/" + group + ", " + r + ", " + s + "]");
        }
        int pixels = oh * ow;
        if (w.depthwise != null) {
            DepthwiseConv.run(ctx, x, xOff, y, yOff, w.depthwise, bias, n, c, h, width, k, oh, ow, r, s,
                    strideH, strideW, padTop, padLeft, dilH, dilW, act, p0, p1, residual, residualOff);
        } else {
            int cg = c / group;
            int kg = k / group;
            BPanelSource src = source(x, xOff, c, h, width, oh, ow, r, s, strideH, strideW, padTop, padLeft,
                    dilH, dilW, group);
            GemmEpilogue epi = GemmEpilogue.of(bias, 0, residual, residualOff - yOff, act, p0, p1);
            BatchedGemm.run(ctx, kernel, w.groups, n * group, src, pixels, 0, cg * r * s,
                    y, yOff, kg * pixels, pixels, epi, false);
        }
        Profile profile = ctx.profile();
        if (profile != null) {
            long dense = (long) n * k * pixels * (c / group) * r * s;
            long counting = System.nanoTime();
            long[] zeros = ConvCounts.zeroOperands(x, xOff, n, c, h, width, oh, ow, r, s,
                    strideH, strideW, padTop, padLeft, dilH, dilW);
            profile.conv(dense, dense, zeros[0] * (k / group), (long) n * c * h * width, zeros[1]);
            if (profile.wantsZeroMap()) {
                profile.zeroMap(ZeroMap.ofNchw(x, xOff, c, h, width));
            }
            profile.exclude(System.nanoTime() - counting); // the counting is not the layer's time
        }
    }

    /** Whether the convolution reads its input in place as the GEMM's B (1x1, stride 1, unpadded). */
    public static boolean isDirect(int h, int width, int oh, int ow, int r, int s, int strideH, int strideW,
                                   int padTop, int padLeft) {
        return r == 1 && s == 1 && strideH == 1 && strideW == 1 && padTop == 0 && padLeft == 0
                && oh == h && ow == width;
    }

    /**
     * The GEMM B operand of a non-depthwise convolution, problem {@code image * group + g}: the
     * input in place when {@link #isDirect}, its im2col view otherwise.
     */
    public static BPanelSource source(float[] x, int xOff, int c, int h, int width, int oh, int ow, int r, int s,
                                      int strideH, int strideW, int padTop, int padLeft, int dilH, int dilW,
                                      int group) {
        int cg = c / group;
        int pixels = oh * ow;
        return isDirect(h, width, oh, ow, r, s, strideH, strideW, padTop, padLeft)
                ? BatchedGemm.denseSource(x, xOff, pixels, cg * pixels)
                : new Im2colB(x, xOff, cg * h * width, h, width, ow, r, s,
                        strideH, strideW, padTop, padLeft, dilH, dilW);
    }
}
