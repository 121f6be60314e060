package org.falconc.runtime.conv;

import static org.falconc.runtime.Approx.random;

import java.util.Random;
import org.falconc.runtime.Approx;
import org.falconc.runtime.ExactSums;
import org.falconc.runtime.gemm.MicroKernel;
import org.falconc.runtime.gemm.MicroKernels;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;
import org.junit.jupiter.api.Test;

class ConvTranspose2dTest {

    @Test
    void randomTransposedConvolutionsMatchNaive() {
        Random rnd = new Random(31);
        ThreadPool[] pools = {ThreadPool.of(1), ThreadPool.of(2)};
        int done = 0;
        for (int trial = 0; done < 60; trial++) {
            int group = trial % 4 == 0 ? 1 + rnd.nextInt(3) : 1;
            int c = group * (1 + rnd.nextInt(trial % 3 == 0 ? 30 : 6));
            int k = group * (1 + rnd.nextInt(8));
            int n = 1 + rnd.nextInt(2);
            int h = 1 + rnd.nextInt(9);
            int w = 1 + rnd.nextInt(9);
            int r = 1 + rnd.nextInt(4);
            int s = 1 + rnd.nextInt(4);
            int sh = 1 + rnd.nextInt(3);
            int sw = 1 + rnd.nextInt(3);
            int dh = 1 + rnd.nextInt(2);
            int dw = 1 + rnd.nextInt(2);
            int pt = rnd.nextInt(3);
            int pl = rnd.nextInt(3);
            int pb = rnd.nextInt(3);
            int pr = rnd.nextInt(3);
            int opH = rnd.nextInt(Math.max(sh, dh));
            int opW = rnd.nextInt(Math.max(sw, dw));
            int oh = sh * (h - 1) + opH + (r - 1) * dh + 1 - pt - pb;
            int ow = sw * (w - 1) + opW + (s - 1) * dw + 1 - pl - pr;
            if (oh <= 0 || ow <= 0) {
                continue;
            }
            int act = Approx.ACTIVATIONS[trial % Approx.ACTIVATIONS.length];
            float[] x = random(rnd, n * c * h * w);
            float[] wt = random(rnd, c * (k / group) * r * s);
            float[] bias = rnd.nextBoolean() ? random(rnd, k) : null;
            float[] residual = rnd.nextBoolean() ? random(rnd, n * k * oh * ow) : null;
            ExactSums expected = NaiveConv.convTranspose2d(x, wt, bias, n, c, h, w, k, oh, ow, r, s, sh, sw, pt, pl,
                    dh, dw, group, residual);
            PackedConvTranspose packed = ConvTranspose2d.pack(wt, 0, c, k, r, s, group);
            for (MicroKernel kernel : new MicroKernel[] {MicroKernels.best(), MicroKernels.scalar()}) {
                for (ThreadPool pool : pools) {
                    float[] y = new float[expected.size()];
                    ConvTranspose2d.run(new ExecutionContext(pool), kernel, x, 0, y, 0, packed, bias, n, c, h, w, k,
                            oh, ow, r, s, sh, sw, pt, pl, dh, dw, group, act, Approx.p0(act), Approx.p1(act),
                            residual, 0);
                    expected.checkAll(y, 0, act, Approx.p0(act), Approx.p1(act),
                            "convTranspose trial " + trial + " " + kernel.name() + " threads " + pool.threads());
                }
            }
            done++;
        }
    }
}
