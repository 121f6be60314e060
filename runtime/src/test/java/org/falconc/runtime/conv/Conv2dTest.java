package org.falconc.runtime.conv;

import static org.falconc.runtime.Approx.random;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.falconc.runtime.Approx;
import org.falconc.runtime.ExactSums;
import org.falconc.runtime.gemm.MicroKernel;
import org.falconc.runtime.gemm.MicroKernels;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;
import org.junit.jupiter.api.Test;

class Conv2dTest {

    private static final ThreadPool ONE = ThreadPool.of(1);
    private static final ThreadPool TWO = ThreadPool.of(2);

    /** One convolution problem with its inputs and the naive result. */
    static final class Case {
        int n, c, h, w, k, r, s, sh, sw, pt, pl, pb, pr, dh, dw, group, act;
        int oh, ow;
        float[] x, weights, bias, residual;
        ExactSums expected;

        Case(Random rnd, int n, int c, int h, int w, int k, int r, int s, int sh, int sw,
             int pt, int pl, int pb, int pr, int dh, int dw, int group, int act, boolean bias, boolean residual) {
            this.n = n;
            this.c = c;
            this.h = h;
            this.w = w;
            this.k = k;
            this.r = r;
            this.s = s;
            this.sh = sh;
            this.sw = sw;
            this.pt = pt;
            this.pl = pl;
            this.pb = pb;
            this.pr = pr;
            this.dh = dh;
            this.dw = dw;
            this.group = group;
            this.act = act;
            this.oh = (h + pt + pb - dh * (r - 1) - 1) / sh + 1;
            this.ow = (w + pl + pr - dw * (s - 1) - 1) / sw + 1;
            if (!valid()) {
                return; // the kernel window does not fit; the caller skips this case
            }
            this.x = random(rnd, n * c * h * w);
            this.weights = random(rnd, k * (c / group) * r * s);
            this.bias = bias ? random(rnd, k) : null;
            this.residual = residual ? random(rnd, n * k * oh * ow) : null;
            this.expected = NaiveConv.conv2d(x, weights, this.bias, n, c, h, w, k, oh, ow, r, s, sh, sw, pt, pl,
                    dh, dw, group, this.residual);
        }

        boolean valid() {
            return h + pt + pb - dh * (r - 1) - 1 >= 0 && w + pl + pr - dw * (s - 1) - 1 >= 0;
        }

        /** Runs Conv2d with the output and residual at non-zero offsets of larger arrays. */
        void check(ExecutionContext ctx, MicroKernel kernel, PackedConv packed) {
            int xOff = 3;
            int yOff = 5;
            float[] xs = new float[xOff + x.length];
            System.arraycopy(x, 0, xs, xOff, x.length);
            float[] y = new float[yOff + expected.size() + 2];
            float[] res = null;
            int resOff = 7;
            if (residual != null) {
                res = new float[resOff + residual.length];
                System.arraycopy(residual, 0, res, resOff, residual.length);
            }
            Conv2d.run(ctx, kernel, xs, xOff, y, yOff, packed, bias, n, c, h, w, k, oh, ow, r, s, sh, sw, pt, pl,
                    dh, dw, group, act, Approx.p0(act), Approx.p1(act), res, resOff);
            String what = this + " " + kernel.name() + " threads " + ctx.threads();
            expected.checkAll(y, yOff, act, Approx.p0(act), Approx.p1(act), what);
            for (int i : new int[] {0, 1, 2, 3, 4, y.length - 2, y.length - 1}) {
                assertEquals(0f, y[i], what + ": wrote outside the output at " + i);
            }
        }

        @Override
        public String toString() {
            return "conv N" + n + " C" + c + " " + h + "x" + w + " K" + k + " " + r + "x" + s + " stride " + sh + "," + sw
                    + " pads " + pt + "," + pl + "," + pb + "," + pr + " dil " + dh + "," + dw + " group " + group
                    + " act " + act + (residual != null ? " +res" : "");
        }
    }

    private static void checkAllPaths(Case cs) {
        PackedConv packed = Conv2d.pack(cs.weights, 0, cs.k, cs.c, cs.r, cs.s, cs.group);
        for (MicroKernel kernel : new MicroKernel[] {MicroKernels.best(), MicroKernels.scalar()}) {
            for (ThreadPool pool : new ThreadPool[] {ONE, TWO}) {
                cs.check(new ExecutionContext(pool), kernel, packed);
            }
        }
    }

    @Test
    void randomConvolutionsMatchNaive() {
        Random rnd = new Random(2024);
        int done = 0;
        for (int trial = 0; done < 150; trial++) {
            int group = trial % 7 == 0 ? 1 + rnd.nextInt(4) : 1;
            int cg = 1 + rnd.nextInt(trial % 5 == 0 ? 40 : 6);
            int kg = 1 + rnd.nextInt(trial % 4 == 0 ? 40 : 12);
            int r = 1 + rnd.nextInt(5);
            int s = 1 + rnd.nextInt(5);
            Case cs = new Case(rnd, 1 + rnd.nextInt(2), cg * group, 1 + rnd.nextInt(20), 1 + rnd.nextInt(20),
                    kg * group, r, s, 1 + rnd.nextInt(3), 1 + rnd.nextInt(3),
                    rnd.nextInt(3), rnd.nextInt(3), rnd.nextInt(3), rnd.nextInt(3),
                    1 + rnd.nextInt(2), 1 + rnd.nextInt(2), group,
                    Approx.ACTIVATIONS[trial % Approx.ACTIVATIONS.length], rnd.nextBoolean(), rnd.nextInt(3) == 0);
            if (!cs.valid()) {
                continue;
            }
            checkAllPaths(cs);
            done++;
        }
    }

    @Test
    void pointwiseReadsInputInPlace() {
        Random rnd = new Random(1);
        // 1x1 stride 1 unpadded: the direct GEMM path; P not a multiple of NR, K past one KC block.
        checkAllPaths(new Case(rnd, 2, 300, 7, 9, 19, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, true, true));
        checkAllPaths(new Case(rnd, 1, 64, 56, 56, 40, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 3, true, false));
        // 1x1 image (squeeze-excite): the GEMV path.
        checkAllPaths(new Case(rnd, 2, 96, 1, 1, 24, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 5, true, false));
        // 1x1 stride 2: im2col path.
        checkAllPaths(new Case(rnd, 1, 16, 9, 11, 24, 1, 1, 2, 2, 0, 0, 0, 0, 1, 1, 1, 0, true, true));
    }

    @Test
    void typicalLayersMatchNaive() {
        Random rnd = new Random(77);
        // ResNet stem: 7x7 stride 2 pad 3 (K = 147 depth).
        checkAllPaths(new Case(rnd, 1, 3, 32, 30, 16, 7, 7, 2, 2, 3, 3, 3, 3, 1, 1, 1, 1, true, false));
        // 3x3 pad 1 with residual and ReLU, depth 576 > KC.
        checkAllPaths(new Case(rnd, 1, 64, 10, 12, 24, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, true, true));
        // Dilated, asymmetric pads.
        checkAllPaths(new Case(rnd, 1, 5, 13, 17, 9, 3, 3, 1, 2, 2, 0, 1, 3, 2, 3, 1, 4, false, false));
    }

    @Test
    void depthwiseAndGroupedMatchNaive() {
        Random rnd = new Random(8);
        // Depthwise 3x3 stride 1 and 2, with clip (ReLU6) and hard swish.
        checkAllPaths(new Case(rnd, 2, 32, 15, 14, 32, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 32, 2, true, false));
        checkAllPaths(new Case(rnd, 1, 24, 16, 17, 24, 3, 3, 2, 2, 0, 1, 1, 1, 1, 1, 24, 4, true, true));
        // Depthwise 5x5 dilated, channel multiplier 2.
        checkAllPaths(new Case(rnd, 1, 8, 12, 12, 16, 5, 5, 1, 1, 4, 4, 4, 4, 2, 2, 8, 1, false, false));
        // Grouped (ResNeXt-like) 3x3 with 4 groups.
        checkAllPaths(new Case(rnd, 2, 32, 9, 9, 48, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 4, 1, true, true));
        // Grouped 1x1 (ShuffleNet-like).
        checkAllPaths(new Case(rnd, 1, 24, 8, 8, 36, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 3, 0, true, false));
    }

    @Test
    void concurrentCallsShareOnePool() throws Exception {
        Random rnd = new Random(99);
        List<Case> cases = new ArrayList<>();
        List<PackedConv> packs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Case cs = new Case(rnd, 1, 16 + i, 20, 18, 32, 3, 3, 1 + i % 2, 1, 1, 1, 1, 1, 1, 1, 1, i % 6, true, i % 2 == 0);
            cases.add(cs);
            packs.add(Conv2d.pack(cs.weights, 0, cs.k, cs.c, cs.r, cs.s, cs.group));
        }
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Case cs = cases.get(i);
                PackedConv packed = packs.get(i);
                done.add(callers.submit(() -> {
                    ExecutionContext ctx = new ExecutionContext(TWO);
                    for (int round = 0; round < 20; round++) {
                        cs.check(ctx, MicroKernels.best(), packed);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
