package org.falconc.runtime.conv;

import org.falconc.runtime.ExactSums;

/** Naive twin of {@link ConvNhwc}: seven loops over NHWC tensors, every addend summed exactly. */
final class NaiveConvNhwc {

    private NaiveConvNhwc() {
    }

    /**
     * ONNX Conv on an NHWC input with pixel stride {@code ips}, weights W[K, C/group, R, S], bias and a
     * dense NHWC residual: the exact sums before the activation, dense [N, OH, OW, K].
     */
    static ExactSums conv(float[] x, int xOff, int ips, float[] w, float[] bias, float[] residual, int n, int c,
                          int h, int wd, int k, int oh, int ow, int r, int s, int sh, int sw, int pt, int pl,
                          int dh, int dw, int group) {
        int cg = c / group;
        int kg = k / group;
        ExactSums y = new ExactSums(n * oh * ow * k);
        for (int b = 0; b < n; b++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int pixel = (b * oh + oy) * ow + ox;
                    for (int oc = 0; oc < k; oc++) {
                        int g = oc / kg;
                        int yi = pixel * k + oc;
                        for (int ry = 0; ry < r; ry++) {
                            for (int sx = 0; sx < s; sx++) {
                                int iy = oy * sh - pt + ry * dh;
                                int ix = ox * sw - pl + sx * dw;
                                if (iy < 0 || iy >= h || ix < 0 || ix >= wd) {
                                    continue;
                                }
                                for (int ci = 0; ci < cg; ci++) {
                                    y.add(yi, (double) w[((oc * cg + ci) * r + ry) * s + sx]
                                            * x[xOff + ((b * h + iy) * wd + ix) * ips + g * cg + ci]);
                                }
                            }
                        }
                        if (bias != null) {
                            y.add(yi, bias[oc]);
                        }
                        if (residual != null) {
                            y.add(yi, residual[yi]);
                        }
                    }
                }
            }
        }
        return y;
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
