package org.falconc.runtime.ops;

import org.falconc.runtime.parallel.ExecutionContext;

/**
 * Pooling over any number of spatial axes (the generic path; {@link Pool2d} is the fast one).
 * Input [planes, in...] and output [planes, out...] with resolved geometry per spatial axis a:
 * output o with tap k reads input o·strides[a] + k·dilations[a] - padsBegin[a]; taps outside the
 * input are skipped. padsEnd matters only to AveragePool's count_include_pad.
 */
public final class PoolNd {
    private static final int MAX = 0;
    private static final int AVERAGE = 1;
    private static final int LP = 2;

    private PoolNd() {
    }

    /**
     * MaxPool (semantics as {@link Pool2d#maxPool}). When {@code indices} is not null it receives,
     * per output, the ONNX Indices value: the flat index of the chosen element in the whole input
     * tensor, its spatial part row-major, or column-major when {@code columnMajorIndices}
     * (storage_order=1); -1 for a window entirely in the padding.
     */
    public static void maxPool(ExecutionContext ctx, float[] x, int xOff, float[] y, int yOff, long[] indices,
                               int indicesOff, int planes, int[] inSpatial, int[] outSpatial, int[] kernel,
                               int[] strides, int[] padsBegin, int[] padsEnd, int[] dilations,
                               boolean columnMajorIndices) {
        pool(ctx, MAX, 0, false, columnMajorIndices, x, xOff, y, yOff, indices, indicesOff, planes, inSpatial, outSpatial,
                kernel, strides, padsBegin, padsEnd, dilations);
    }

    /** AveragePool (semantics as {@link Pool2d#averagePool}). */
    public static void averagePool(ExecutionContext ctx, float[] x, int xOff, float[] y, int yOff, int planes,
                                   int[] inSpatial, int[] outSpatial, int[] kernel, int[] strides, int[] padsBegin,
                                   int[] padsEnd, int[] dilations, boolean countIncludePad) {
        pool(ctx, AVERAGE, 0, countIncludePad, false, x, xOff, y, yOff, null, 0, planes, inSpatial, outSpatial, kernel,
                strides, padsBegin, padsEnd, dilations);
    }

    /**
     * LpPool: (sum over the taps inside the input of |x|^p)^(1/p), in double. GlobalLpPool is this
     * with the kernel equal to the input size and no padding.
     */
    public static void lpPool(ExecutionContext ctx, float[] x, int xOff, float[] y, int yOff, int planes,
                              int[] inSpatial, int[] outSpatial, int[] kernel, int[] strides, int[] padsBegin,
                              int[] padsEnd, int[] dilations, int p) {
        pool(ctx, LP, p, false, false, x, xOff, y, yOff, null, 0, planes, inSpatial, outSpatial, kernel, strides,
                padsBegin, padsEnd, dilations);
    }

    private static void pool(ExecutionContext ctx, int kind, int p, boolean countIncludePad, boolean columnMajor,
                             float[] x, int xOff, float[] y, int yOff, long[] indices, int indicesOff, int planes,
                             int[] in, int[] out, int[] kernel, int[] strides, int[] padsBegin, int[] padsEnd,
                             int[] dilations) {
        int rank = in.length;
        int inVol = Rows.volume(in);
        int outVol = Rows.volume(out);
        int kVol = Rows.volume(kernel);
        int[] inStrides = Rows.contiguousStrides(in);
        // column-major position weights of the spatial axes, for storage_order=1 indices
        int[] colStrides = new int[rank];
        for (int a = 0, s = 1; a < rank; a++) {
            colStrides[a] = s;
            s *= in[a];
        }
        Pool2d.forPlanes(ctx, planes, (long) outVol * kVol, plane -> {
            int[] o = new int[rank];
            int[] k = new int[rank];
            int xp = xOff + plane * inVol;
            for (int outPos = 0; outPos < outVol; outPos++) {
                unravel(outPos, out, o);
                double acc = 0;
                float max = -Float.MAX_VALUE;
                long argmax = -1;
                int valid = 0;
                int counted = 0;
                for (int kp = 0; kp < kVol; kp++) {
                    unravel(kp, kernel, k);
                    int offset = 0;
                    int colOffset = 0;
                    boolean inside = true;
                    boolean inPadded = true;
                    for (int a = 0; a < rank; a++) {
                        int i = o[a] * strides[a] + k[a] * dilations[a] - padsBegin[a];
                        inside &= i >= 0 && i < in[a];
                        inPadded &= i >= -padsBegin[a] && i < in[a] + padsEnd[a];
                        offset += i * inStrides[a];
                        colOffset += i * colStrides[a];
                    }
                    if (inPadded) {
                        counted++;
                    }
                    if (!inside) {
                        continue;
                    }
                    float v = x[xp + offset];
                    valid++;
                    switch (kind) {
                        case MAX -> {
                            if (v > max || argmax < 0) {
                                max = v;
                                argmax = (long) plane * inVol + (columnMajor ? colOffset : offset);
                            }
                        }
                        case AVERAGE -> acc += v;
                        default -> acc += Math.pow(Math.abs((double) v), p);
                    }
                }
                y[yOff + plane * outVol + outPos] = switch (kind) {
                    case MAX -> max;
                    case AVERAGE -> (float) (acc / (countIncludePad ? counted : valid));
                    default -> (float) Math.pow(acc, 1.0 / p);
                };
                if (indices != null) {
                    indices[indicesOff + plane * outVol + outPos] = argmax;
                }
            }
        });
    }

    private static void unravel(int flat, int[] dims, int[] idx) {
        for (int a = dims.length - 1; a >= 0; a--) {
            idx[a] = flat % dims[a];
            flat /= dims[a];
        }
    }
}
