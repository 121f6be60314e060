package org.falconc.runtime.conv;

import org.falconc.runtime.Epilogue;
import org.falconc.runtime.parallel.ExecutionContext;

/**
 * Convolution of any spatial rank (1-D, 3-D, ...) on [N, C, D1..Dn] tensors with unpacked weights
 * [K, C/group, k1..kn]: a direct loop, parallel over (image, output channel). Meant for the ranks
 * Conv2d does not cover (they are rare in CNNs), so it favours simplicity over speed.
 */
public final class Conv {

    private Conv() {
    }

    /**
     * @param inShape     spatial input sizes [D1..Dn]
     * @param kernelShape spatial kernel sizes [k1..kn]
     * @param outShape    spatial output sizes (end pads are implied by them)
     * @param padsBegin   begin pads per spatial axis (the first n entries of ONNX pads)
     * @param bias        [K] or null
     * @param residual    same layout as y, or null
     */
    public static void generic(ExecutionContext ctx, float[] x, int xOff, float[] w, int wOff, float[] bias,
                               float[] y, int yOff, int n, int c, int k, int[] inShape, int[] kernelShape,
                               int[] outShape, int[] strides, int[] padsBegin, int[] dilations, int group,
                               int act, float p0, float p1, float[] residual, int residualOff) {
        int rank = inShape.length;
        int inSize = product(inShape);
        int outSize = product(outShape);
        int taps = product(kernelShape);
        int cg = c / group;
        int kg = k / group;
        // Per tap: its offset in each spatial axis (dilated), flattened for the inner loop.
        int[][] tapOffset = new int[taps][rank];
        for (int t = 0; t < taps; t++) {
            for (int d = rank - 1, rest = t; d >= 0; d--) {
                tapOffset[t][d] = (rest % kernelShape[d]) * dilations[d];
                rest /= kernelShape[d];
            }
        }
        int resDelta = residualOff - yOff;
        ctx.pool().parallelFor(n * k, (task, lane) -> {
            int image = task / k;
            int oc = task % k;
            int g = oc / kg;
            int xImage = xOff + (image * c + g * cg) * inSize;
            int wBase = wOff + oc * cg * taps;
            int yPlane = yOff + (image * k + oc) * outSize;
            int[] pos = new int[rank];
            for (int o = 0; o < outSize; o++) {
                for (int d = rank - 1, rest = o; d >= 0; d--) {
                    pos[d] = (rest % outShape[d]) * strides[d] - padsBegin[d];
                    rest /= outShape[d];
                }
                float acc = bias == null ? 0f : bias[oc];
                for (int t = 0; t < taps; t++) {
                    int idx = 0;
                    boolean inside = true;
                    for (int d = 0; d < rank; d++) {
                        int p = pos[d] + tapOffset[t][d];
                        if (p < 0 || p >= inShape[d]) {
                            inside = false;
                            break;
                        }
                        idx = idx * inShape[d] + p;
                    }
                    if (!inside) {
                        continue;
                    }
                    for (int ci = 0; ci < cg; ci++) {
                        acc += w[wBase + ci * taps + t] * x[xImage + ci * inSize + idx];
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
