package org.falconc.runtime.conv;

import org.falconc.runtime.ExactSums;

/** Naive twins of the convolution kernels: direct loops over every output and tap, summed exactly. */
final class NaiveConv {

    private NaiveConv() {
    }

    /** ONNX Conv, NCHW, weights [K, C/group, R, S], bias and residual: the exact sums before the activation. */
    static ExactSums conv2d(float[] x, float[] w, float[] bias, int n, int c, int h, int wd, int k, int oh, int ow,
                            int r, int s, int sh, int sw, int pt, int pl, int dh, int dw, int group, float[] residual) {
        int cg = c / group;
        int kg = k / group;
        ExactSums y = new ExactSums(n * k * oh * ow);
        for (int b = 0; b < n; b++) {
            for (int oc = 0; oc < k; oc++) {
                int g = oc / kg;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        int yi = ((b * k + oc) * oh + oy) * ow + ox;
                        for (int ci = 0; ci < cg; ci++) {
                            for (int ry = 0; ry < r; ry++) {
                                for (int sx = 0; sx < s; sx++) {
                                    int iy = oy * sh - pt + ry * dh;
                                    int ix = ox * sw - pl + sx * dw;
                                    if (iy < 0 || iy >= h || ix < 0 || ix >= wd) {
                                        continue;
                                    }
                                    y.add(yi, (double) w[((oc * cg + ci) * r + ry) * s + sx]
                                            * x[((b * c + g * cg + ci) * h + iy) * wd + ix]);
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

    /** ONNX ConvTranspose, NCHW, weights [C, K/group, R, S]: scatter every input pixel, exact sums. */
    static ExactSums convTranspose2d(float[] x, float[] w, float[] bias, int n, int c, int h, int wd, int k,
                                     int oh, int ow, int r, int s, int sh, int sw, int pt, int pl, int dh, int dw,
                                     int group, float[] residual) {
        int cg = c / group;
        int kg = k / group;
        ExactSums y = new ExactSums(n * k * oh * ow);
        for (int b = 0; b < n; b++) {
            for (int ic = 0; ic < c; ic++) {
                int g = ic / cg;
                for (int iy = 0; iy < h; iy++) {
                    for (int ix = 0; ix < wd; ix++) {
                        float xv = x[((b * c + ic) * h + iy) * wd + ix];
                        for (int kk = 0; kk < kg; kk++) {
                            int oc = g * kg + kk;
                            for (int ry = 0; ry < r; ry++) {
                                for (int sx = 0; sx < s; sx++) {
                                    int oy = iy * sh - pt + ry * dh;
                                    int ox = ix * sw - pl + sx * dw;
                                    if (oy < 0 || oy >= oh || ox < 0 || ox >= ow) {
                                        continue;
                                    }
                                    y.add(((b * k + oc) * oh + oy) * ow + ox,
                                            (double) xv * w[((ic * kg + kk) * r + ry) * s + sx]);
                                }
                            }
                        }
                    }
                }
            }
        }
        for (int i = 0; i < y.size(); i++) {
            if (bias != null) {
                y.add(i, bias[(i / (oh * ow)) % k]);
            }
            if (residual != null) {
                y.add(i, residual[i]);
            }
        }
        return y;
    }
}
