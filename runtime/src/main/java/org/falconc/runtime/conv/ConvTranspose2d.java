package org.falconc.runtime.conv;

import org.falconc.runtime.Epilogue;
import org.falconc.runtime.gemm.BatchedGemm;
import org.falconc.runtime.gemm.MicroKernel;
import org.falconc.runtime.gemm.MicroKernels;
import org.falconc.runtime.gemm.PackedMatrix;
import org.falconc.runtime.gemm.ScratchSlots;
import org.falconc.runtime.parallel.ExecutionContext;

/**
 * 2-D transposed convolution (ONNX ConvTranspose) on NCHW tensors, as a GEMM and a col2im scatter:
 * per image and group, {@code cols[(k, r, s), (ih, iw)] = W_g^T x X_g} (the GEMM), then every
 * column entry is added to output pixel {@code (ih*strideH - padTop + r*dilH, iw*strideW - padLeft
 * + s*dilW)} of channel k (parallel over output channels, so no two threads write one plane),
 * followed by bias, residual and activation. Output padding is implied by OH/OW.
 */
public final class ConvTranspose2d {

    private ConvTranspose2d() {
    }

    /** Packs W[C, K/group, R, S] (row-major at {@code w[wOff]}) once at load time. */
    public static PackedConvTranspose pack(float[] w, int wOff, int c, int k, int r, int s, int group) {
        if (group < 1 || c % group != 0 || k % group != 0) {
            throw new IllegalArgumentException("channels C=" + c + ", K=" + k + " not divisible by group " + group);
        }
        int cg = c / group;
        int rows = (k / group) * r * s;
        PackedMatrix[] groups = new PackedMatrix[group];
        for (int g = 0; g < group; g++) {
            groups[g] = PackedMatrix.pack(w, wOff + g * cg * rows, rows, cg, 1, rows);
        }
        return new PackedConvTranspose(c, k, r, s, group, groups);
    }

    /**
     * @param x        input [N, C, H, W] at {@code x[xOff]}
     * @param y        output [N, K, OH, OW] at {@code y[yOff]}
     * @param bias     [K] or null
     * @param residual [N, K, OH, OW] at {@code residual[residualOff]}, or null
     */
    public static void run(ExecutionContext ctx, float[] x, int xOff, float[] y, int yOff, PackedConvTranspose w,
                           float[] bias, int n, int c, int h, int width, int k, int oh, int ow, int r, int s,
                           int strideH, int strideW, int padTop, int padLeft, int dilH, int dilW, int group,
                           int act, float p0, float p1, float[] residual, int residualOff) {
        run(ctx, MicroKernels.best(), x, xOff, y, yOff, w, bias, n, c, h, width, k, oh, ow, r, s,
                strideH, strideW, padTop, padLeft, dilH, dilW, group, act, p0, p1, residual, residualOff);
    }

    public static void run(ExecutionContext ctx, MicroKernel kernel, float[] x, int xOff, float[] y, int yOff,
                           PackedConvTranspose w, float[] bias, int n, int c, int h, int width, int k, int oh,
                           int ow, int r, int s, int strideH, int strideW, int padTop, int padLeft,
                           int dilH, int dilW, int group, int act, float p0, float p1,
                           float[] residual, int residualOff) {
        if (w.outChannels != k || w.inChannels != c || w.kernelH != r || w.kernelW != s || w.group != group) {
            throw new IllegalArgumentException("packed weights do not match the call's shape");
        }
        int cg = c / group;
        int kg = k / group;
        int pixels = h * width;
        int rows = kg * r * s;
        int[] iwLo = new int[s];
        int[] iwHi = new int[s];
        for (int sx = 0; sx < s; sx++) {
            int shift = sx * dilW - padLeft; // ow = iw * strideW + shift
            iwLo[sx] = Math.max(0, Math.min(width, Math.floorDiv(-shift + strideW - 1, strideW)));
            iwHi[sx] = Math.max(iwLo[sx], Math.min(width, Math.floorDiv(ow - shift + strideW - 1, strideW)));
        }
        int resDelta = residualOff - yOff;
        float[] cols = ctx.scratch(ScratchSlots.CONV_TEMP, group * rows * pixels);
        for (int image = 0; image < n; image++) {
            BatchedGemm.run(ctx, kernel, w.groups, group,
                    BatchedGemm.denseSource(x, xOff + image * c * pixels, pixels, cg * pixels), pixels, 0, cg,
                    cols, 0, rows * pixels, pixels, null, Epilogue.NONE, 0f, 0f, null, 0, false);
            int yImage = yOff + image * k * oh * ow;
            ctx.pool().parallelFor(k, (oc, lane) -> {
                int g = oc / kg;
                int colBase = (g * rows + (oc % kg) * r * s) * pixels;
                int plane = yImage + oc * oh * ow;
                java.util.Arrays.fill(y, plane, plane + oh * ow, bias == null ? 0f : bias[oc]);
                for (int ry = 0; ry < r; ry++) {
                    for (int sx = 0; sx < s; sx++) {
                        int col = colBase + (ry * s + sx) * pixels;
                        int shift = sx * dilW - padLeft;
                        for (int ih = 0; ih < h; ih++) {
                            int oy = ih * strideH - padTop + ry * dilH;
                            if (oy < 0 || oy >= oh) {
                                continue;
                            }
                            int dst = plane + oy * ow + shift;
                            int src = col + ih * width;
                            for (int iw = iwLo[sx], hi = iwHi[sx]; iw < hi; iw++) {
                                y[dst + iw * strideW] += cols[src + iw];
                            }
                        }
                    }
                }
                if (residual != null || act != Epilogue.NONE) {
                    for (int i = plane, end = plane + oh * ow; i < end; i++) {
                        float v = residual == null ? y[i] : y[i] + residual[i + resDelta];
                        y[i] = Epilogue.apply(act, p0, p1, v);
                    }
                }
            });
        }
    }
}
