package org.falconc.runtime.conv;

import org.falconc.runtime.Epilogue;

/** Naive twin of {@link ConvNhwc}: seven loops over NHWC tensors, double accumulation. */
final class NaiveConvNhwc {

    private NaiveConvNhwc() {
    }

    /**
     * ONNX Conv on NHWC with pixel strides, weights W[K, C/group, R, S], fused epilogue. Writes only
     * the K channels of each output pixel at {@code y[yOff + pixel * ops]}; {@code absSum}, when not
     * null, receives per output element (dense [N, OH, OW, K]) the sum of |products| + |bias| + |residual|
     * (the scale of the float rounding error).
     */
    static void conv(float[] x, int xOff, int ips, float[] w, float[] bias, float[] residual, float[] y, int yOff,
                     int ops, double[] absSum, int n, int c, int h, int wd, int k, int oh, int ow, int r, int s,
                     int sh, int sw, int pt, int pl, int dh, int dw, int group, int act, float p0, float p1) {
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
                                for (int ci = 0; ci < cg; ci++) {
                                    double p = (double) w[((oc * cg + ci) * r + ry) * s + sx]
                                            * x[xOff + ((b * h + iy) * wd + ix) * ips + g * cg + ci];
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
                            acc += residual[pixel * k + oc];
                            abs += Math.abs(residual[pixel * k + oc]);
                        }
                        y[yOff + pixel * ops + oc] = Epilogue.apply(act, p0, p1, (float) acc);
                        if (absSum != null) {
                            absSum[pixel * k + oc] = abs;
                        }
                    }
                }
            }
        }
    }

    /** Dense NCHW [n, c, h, w] to NHWC. */
    static float[] toNhwc(float[] a, int n, int c, int h, int w) {
        float[] out = new float[a.length];
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < h * w; i++) {
                    out[(b * h * w + i) * c + ch] = a[(b * c + ch) * h * w + i];
                }
            }
        }
        return out;
    }
}
