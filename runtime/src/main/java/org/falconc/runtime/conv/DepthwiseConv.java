package org.falconc.runtime.conv;

import org.falconc.runtime.Epilogue;
import org.falconc.runtime.gemm.GemmEpilogue;
import org.falconc.runtime.gemm.ScratchSlots;
import org.falconc.runtime.parallel.ExecutionContext;

/**
 * Direct kernel for depthwise convolutions (one input channel per group; output channel k reads
 * input channel k / (K / C)). A GEMM would have depth R*S only, so instead each output row is
 * accumulated in a lane-local buffer tap by tap: for a fixed tap the inner loop is a unit-stride
 * multiply-add over the row's in-bounds columns, which C2 vectorises. Parallel over (image, channel).
 */
final class DepthwiseConv {

    private DepthwiseConv() {
    }

    static void run(ExecutionContext ctx, float[] x, int xOff, float[] y, int yOff, float[] taps, float[] bias,
                    int n, int c, int h, int w, int k, int oh, int ow, int r, int s,
                    int strideH, int strideW, int padTop, int padLeft, int dilH, int dilW,
                    int act, float p0, float p1, float[] residual, int residualOff) {
        int multiplier = k / c;
        int[] owLo = new int[s];
        int[] owHi = new int[s];
        for (int sx = 0; sx < s; sx++) {
            int shift = sx * dilW - padLeft;
            owLo[sx] = Math.max(0, Math.min(ow, Math.floorDiv(-shift + strideW - 1, strideW)));
            owHi[sx] = Math.max(owLo[sx], Math.min(ow, Math.floorDiv(w - shift + strideW - 1, strideW)));
        }
        int resDelta = residualOff - yOff;
        ctx.pool().parallelFor(n * k, (task, lane) -> {
            int image = task / k;
            int oc = task % k;
            int xPlane = xOff + (image * c + oc / multiplier) * h * w;
            int yPlane = yOff + (image * k + oc) * oh * ow;
            int tap0 = oc * r * s;
            float b = bias == null ? 0f : bias[oc];
            float[] row = ctx.scratch(lane, ScratchSlots.CONV_LANE, ow);
            for (int oy = 0; oy < oh; oy++) {
                java.util.Arrays.fill(row, 0, ow, 0f);
                for (int ry = 0; ry < r; ry++) {
                    int ih = oy * strideH - padTop + ry * dilH;
                    if (ih < 0 || ih >= h) {
                        continue;
                    }
                    int xRow = xPlane + ih * w;
                    for (int sx = 0; sx < s; sx++) {
                        float wv = taps[tap0 + ry * s + sx];
                        int src = xRow + sx * dilW - padLeft;
                        int hi = owHi[sx];
                        if (strideW == 1) {
                            for (int o = owLo[sx]; o < hi; o++) {
                                row[o] += wv * x[src + o];
                            }
                        } else {
                            for (int o = owLo[sx]; o < hi; o++) {
                                row[o] += wv * x[src + o * strideW];
                            }
                        }
                    }
                }
                int yi = yPlane + oy * ow;
                storeRow(row, b, residual, yi + resDelta, y, yi, ow, act, p0, p1);
            }
        });
    }

    /**
     * {@code y[yi + o] = act(row[o] + b + residual[ri + o])} for o in [0, n). The activation is chosen
     * once per row, so each loop is a plain one the JIT vectorises (a switch per element would not be).
     */
    private static void storeRow(float[] row, float b, float[] residual, int ri, float[] y, int yi, int n,
                                 int act, float p0, float p1) {
        for (int o = 0; o < n; o++) {
            row[o] += b;
        }
        if (residual != null) {
            for (int o = 0; o < n; o++) {
                row[o] += residual[ri + o];
            }
        }
        switch (act) {
            case Epilogue.NONE -> System.arraycopy(row, 0, y, yi, n);
            case Epilogue.RELU -> {
                for (int o = 0; o < n; o++) {
                    y[yi + o] = Math.max(row[o], 0f);
                }
            }
            case Epilogue.CLIP -> {
                for (int o = 0; o < n; o++) {
                    y[yi + o] = Math.min(Math.max(row[o], p0), p1);
                }
            }
            case Epilogue.THRESHOLDED_RELU -> {
                for (int o = 0; o < n; o++) {
                    float v = row[o];
                    y[yi + o] = v > p0 ? v : 0f;
                }
            }
            default -> {
                for (int o = 0; o < n; o++) {
                    y[yi + o] = Epilogue.apply(act, p0, p1, row[o]);
                }
            }
        }
    }
}
