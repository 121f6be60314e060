package org.falconc.runtime.conv;

import static org.falconc.runtime.Approx.random;

import java.util.Random;
import org.falconc.runtime.Approx;
import org.falconc.runtime.Epilogue;
import org.falconc.runtime.ExactSums;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;
import org.junit.jupiter.api.Test;

class ConvGenericTest {

    private final ExecutionContext ctx = new ExecutionContext(ThreadPool.of(2));

    @Test
    void twoDimensionalMatchesNaive() {
        Random rnd = new Random(4);
        for (int trial = 0; trial < 30; trial++) {
            int group = 1 + rnd.nextInt(3);
            int c = group * (1 + rnd.nextInt(4));
            int k = group * (1 + rnd.nextInt(4));
            int h = 2 + rnd.nextInt(8);
            int w = 2 + rnd.nextInt(8);
            int r = 1 + rnd.nextInt(3);
            int s = 1 + rnd.nextInt(3);
            int sh = 1 + rnd.nextInt(2);
            int sw = 1 + rnd.nextInt(2);
            int dh = 1 + rnd.nextInt(2);
            int dw = 1 + rnd.nextInt(2);
            int pt = rnd.nextInt(2);
            int pl = rnd.nextInt(2);
            int pb = rnd.nextInt(2);
            int pr = rnd.nextInt(2);
            int oh = (h + pt + pb - dh * (r - 1) - 1) / sh + 1;
            int ow = (w + pl + pr - dw * (s - 1) - 1) / sw + 1;
            if (oh <= 0 || ow <= 0) {
                continue;
            }
            int act = Approx.ACTIVATIONS[trial % Approx.ACTIVATIONS.length];
            float[] x = random(rnd, 2 * c * h * w);
            float[] wt = random(rnd, k * (c / group) * r * s);
            float[] bias = random(rnd, k);
            float[] residual = rnd.nextBoolean() ? random(rnd, 2 * k * oh * ow) : null;
            ExactSums expected = NaiveConv.conv2d(x, wt, bias, 2, c, h, w, k, oh, ow, r, s, sh, sw, pt, pl, dh, dw,
                    group, residual);
            float[] y = new float[expected.size()];
            Conv.generic(ctx, x, 0, wt, 0, bias, y, 0, 2, c, k, new int[] {h, w}, new int[] {r, s},
                    new int[] {oh, ow}, new int[] {sh, sw}, new int[] {pt, pl}, new int[] {dh, dw}, group,
                    act, Approx.p0(act), Approx.p1(act), residual, 0);
            expected.checkAll(y, 0, act, Approx.p0(act), Approx.p1(act), "generic 2-D trial " + trial);
        }
    }

    @Test
    void oneDimensionalEqualsTwoDimensionalWithHeightOne() {
        Random rnd = new Random(6);
        int c = 6;
        int k = 4;
        int len = 23;
        int taps = 5;
        int stride = 2;
        int pad = 2;
        int dil = 1;
        int out = (len + 2 * pad - dil * (taps - 1) - 1) / stride + 1;
        float[] x = random(rnd, c * len);
        float[] wt = random(rnd, k * c * taps);
        ExactSums expected = NaiveConv.conv2d(x, wt, null, 1, c, 1, len, k, 1, out, 1, taps, 1, stride, 0, pad, 1, dil,
                1, null);
        float[] y = new float[k * out];
        Conv.generic(ctx, x, 0, wt, 0, null, y, 0, 1, c, k, new int[] {len}, new int[] {taps}, new int[] {out},
                new int[] {stride}, new int[] {pad}, new int[] {dil}, 1, Epilogue.NONE, 0, 0, null, 0);
        expected.checkAll(y, 0, Epilogue.NONE, 0, 0, "1-D");
    }

    @Test
    void threeDimensionalMatchesDirectSum() {
        Random rnd = new Random(12);
        int c = 3;
        int k = 2;
        int d = 5;
        int h = 4;
        int w = 6;
        float[] x = random(rnd, c * d * h * w);
        float[] wt = random(rnd, k * c * 8);
        // 2x2x2 kernel, stride 1, pad 1 at the start of every axis, none at the end.
        int od = d;
        int oh = h;
        int ow = w;
        float[] y = new float[k * od * oh * ow];
        Conv.generic(ctx, x, 0, wt, 0, null, y, 0, 1, c, k, new int[] {d, h, w}, new int[] {2, 2, 2},
                new int[] {od, oh, ow}, new int[] {1, 1, 1}, new int[] {1, 1, 1}, new int[] {1, 1, 1}, 1,
                Epilogue.NONE, 0, 0, null, 0);
        ExactSums expected = new ExactSums(y.length);
        for (int oc = 0; oc < k; oc++) {
            for (int z = 0; z < od; z++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        int yi = ((oc * od + z) * oh + i) * ow + j;
                        for (int ci = 0; ci < c; ci++) {
                            for (int a = 0; a < 2; a++) {
                                for (int b = 0; b < 2; b++) {
                                    for (int e = 0; e < 2; e++) {
                                        int zz = z - 1 + a;
                                        int ii = i - 1 + b;
                                        int jj = j - 1 + e;
                                        if (zz < 0 || zz >= d || ii < 0 || ii >= h || jj < 0 || jj >= w) {
                                            continue;
                                        }
                                        expected.add(yi, (double) wt[((oc * c + ci) * 2 + a) * 4 + b * 2 + e]
                                                * x[((ci * d + zz) * h + ii) * w + jj]);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        expected.checkAll(y, 0, Epilogue.NONE, 0, 0, "3-D");
    }
}
