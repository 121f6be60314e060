package org.falconc.runtime.sparse;

import org.falconc.runtime.Epilogue;

/**
 * Naive twin of {@link SparseConvNhwc}: seven loops over NHWC tensors, double accumulation, an
 * activation counted only when its bit is set.
 */
final class NaiveSparseConvNhwc {

    private NaiveSparseConvNhwc() {
    }

    /**
     * ONNX Conv on NHWC with pixel strides, weights W[K, C/group, R, S], fused epilogue, activations
     * whose bit is clear taken as zero. Writes only the K channels of each output pixel at
     * {@code y[yOff + pixel * ops]}; {@code absSum} receives per output element (dense [N, OH, OW, K])
     * the sum of |products| + |bias| + |residual| (the scale of the float rounding error).
     */
    static void conv(float[] x, int xOff, int ips, long[] bits, int bitsOff, float[] w, float[] bias,
                     float[] residual, int resOff, float[] y, int yOff, int ops, double[] absSum, int n, int c,
                     int h, int wd, int k, int oh, int ow, int r, int s, int sh, int sw, int pt, int pl, int dh,
                     int dw, int group, int act, float p0, float p1) {
        int cg = c / group;
        int kg = k / group;
        for (int b = 0; b < n; b++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int pixel = (b * oh + oy) * ow + ox;
                    for (int oc = 0; oc < k; oc++) {
                        int g = oc / kg;
                        double acc = 0;
                        double abs = 0;
                        for (int ry = 0; ry < r; ry++) {
                            for (int sx = 0; sx < s; sx++) {
                                int iy = oy * sh - pt + ry * dh;
                                int ix = ox * sw - pl + sx * dw;
                                if (iy < 0 || iy >= h || ix < 0 || ix >= wd) {
                                    continue;
                                }
                                int in = (b * h + iy) * wd + ix;
                                for (int ci = 0; ci < cg; ci++) {
                                    if (!NaiveActivationBits.live(bits, bitsOff, in, c, g * cg + ci)) {
                                        continue;
                                    }
                                    double p = (double) w[((oc * cg + ci) * r + ry) * s + sx]
                                            * x[xOff + in * ips + g * cg + ci];
                                    acc += p;
                                    abs += Math.abs(p);
                                }
                            }
                        }
                        if (bias != null) {
                            acc += bias[oc];
                            abs += Math.abs(bias[oc]);
                        }
                        if (residual != null) {
                            acc += residual[resOff + pixel * k + oc];
                            abs += Math.abs(residual[resOff + pixel * k + oc]);
                        }
                        y[yOff + pixel * ops + oc] = Epilogue.apply(act, p0, p1, (float) acc);
                        absSum[pixel * k + oc] = abs;
                    }
                }
            }
        }
    }
}
