package org.falconc.runtime.ops;

import org.falconc.runtime.Epilogue;
import org.falconc.runtime.parallel.ExecutionContext;

/**
 * Transposed convolution of any spatial rank on [N, C, D1..Dn] tensors with unpacked weights
 * [C, K/group, k1..kn] read where they lie (a constant or a run-time tensor): for the cases the
 * packed {@code ConvTranspose2d} does not cover (3-D and up, weights computed at run time). Each
 * output element gathers the input positions whose scatter reaches it
 * ({@code o = i*stride - padBegin + tap*dilation}), so the loop is parallel over (image, output
 * channel) without write conflicts. Favours simplicity over speed: these cases are rare in CNNs.
 */
public final class ConvTransposeNd {
    private ConvTransposeNd() {
    }

    /**
     * @param inShape     spatial input sizes [D1..Dn]
     * @param kernelShape spatial kernel sizes [k1..kn]
     * @param outShape    spatial output sizes (output padding and end pads are implied by them)
     * @param padsBegin   begin pads per spatial axis
     * @param bias        [K] or null
     * @param residual    same layout as y, or null
     */
    public static void run(ExecutionContext ctx, float[] x, int xOff, float[] w, int wOff, float[] bias,
                           float[] y, int yOff, int n, int c, int k, int[] inShape, int[] kernelShape,
                           int[] outShape, int[] strides, int[] padsBegin, int[] dilations, int group,
                           int act, float p0, float p1, float[] residual, int residualOff) {
        int rank = inShape.length;
        int inSize = product(inShape);
        int outSize = product(outShape);
        int taps = product(kernelShape);
        int cg = c / group;
        int kg = k / group;
        int[][] tapIndex = new int[taps][rank];
        for (int t = 0; t < taps; t++) {
            for (int d = rank - 1, rest = t; d >= 0; d--) {
                tapIndex[t][d] = rest % kernelShape[d];
                rest /= kernelShape[d];
            }
        }
        int resDelta = residualOff - yOff;
        ctx.pool().parallelFor(n * k, (task, lane) -> {
            int image = task / k;
            int oc = task % k;
            int g = oc / kg;
            int ocInGroup = oc % kg;
            int xImage = xOff + (image * c + g * cg) * inSize;
            int yPlane = yOff + (image * k + oc) * outSize;
            int[] pos = new int[rank];
            for (int o = 0; o < outSize; o++) {
                for (int d = rank - 1, rest = o; d >= 0; d--) {
                    pos[d] = rest % outShape[d] + padsBegin[d];
                    rest /= outShape[d];
                }
                float acc = bias == null ? 0f : bias[oc];
                for (int t = 0; t < taps; t++) {
                    int idx = 0;
                    boolean reached = true;
                    for (int d = 0; d < rank; d++) {
                        int scaled = pos[d] - tapIndex[t][d] * dilations[d];
                        if (scaled < 0 || scaled % strides[d] != 0 || scaled / strides[d] >= inShape[d]) {
                            reached = false;
                            break;
                        }
                        idx = idx * inShape[d] + scaled / strides[d];
                    }
                    if (!reached) {
                        continue;
                    }
                    for (int ci = 0; ci < cg; ci++) {
                        acc += x[xImage + ci * inSize + idx] * w[wOff + ((g * cg + ci) * kg + ocInGroup) * taps + t];
                    }
                }
                if (residual != null) {
                    acc += residual[yPlane + o + resDelta];
                }
                y[yPlane + o] = Epilogue.apply(act, p0, p1, acc);
            }
        });
    }

    private static int product(int[] dims) {
        int p = 1;
        for (int d : dims) {
            p *= d;
        }
        return p;
    }
}
