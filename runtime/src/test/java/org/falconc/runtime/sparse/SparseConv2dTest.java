package org.falconc.runtime.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import org.falconc.runtime.Approx;
import org.falconc.runtime.Epilogue;
import org.falconc.runtime.conv.Conv2d;
import org.falconc.runtime.conv.PackedConv;
import org.falconc.runtime.gemm.MicroKernel;
import org.falconc.runtime.gemm.MicroKernels;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;
import org.falconc.runtime.profile.Profile;
import org.falconc.runtime.profile.Profiler;
import org.junit.jupiter.api.Test;

/** The decomposed convolution against the dense one, its plan against the naive rule, and its counts. */
class SparseConv2dTest {

    private static final ThreadPool ONE = ThreadPool.of(1);
    private static final ThreadPool TWO = ThreadPool.of(2);

    /** One sparse convolution problem: shape, unit, input with zero pattern, and its mask. */
    static final class Case {
        int n, c, h, w, k, oh, ow, r, s, sh, sw, pt, pl, dh, dw, group, unitChannels, unitPixels, inBlock, outBlock;
        int act;
        float p0, p1;
        float[] x, weights, bias, residual;
        boolean[] xMask;
        PackedConv packed;
        SparseConvPlan plan;

        Case(Random rnd, int n, int c, int h, int w, int k, int r, int s, int sh, int sw, int pt, int pl, int pb,
             int pr, int dh, int dw, int group, int act, boolean bias, boolean residual, int mode,
             int unitChannels, int unitPixels, int inBlock, int outBlock) {
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
            this.dh = dh;
            this.dw = dw;
            this.group = group;
            this.act = act;
            this.p0 = act == Epilogue.THRESHOLDED_RELU ? 0.2f : Approx.p0(act);
            this.p1 = Approx.p1(act);
            this.oh = (h + pt + pb - dh * (r - 1) - 1) / sh + 1;
            this.ow = (w + pl + pr - dw * (s - 1) - 1) / sw + 1;
            this.unitChannels = unitChannels;
            this.unitPixels = unitPixels;
            this.inBlock = inBlock;
            this.outBlock = outBlock;
            if (!valid()) {
                return;
            }
            this.x = NaiveMasks.input(rnd, n, c, h, w, mode);
            this.weights = Approx.random(rnd, k * (c / group) * r * s);
            this.bias = bias ? Approx.random(rnd, k) : null;
            this.residual = residual ? Approx.random(rnd, n * k * oh * ow) : null;
            this.xMask = NaiveMasks.of(x, 0, n, c, h * w, inBlock);
            if (rnd.nextInt(4) == 0) {
                // Conservative masks are allowed: a few extra live blocks change nothing.
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    xMask[rnd.nextInt(xMask.length)] = true;
                }
            }
            this.packed = Conv2d.pack(weights, 0, k, c, r, s, group);
            this.plan = SparseConv2d.plan(n, c, h, w, k, oh, ow, r, s, sh, sw, pt, pl, dh, dw, group,
                    unitChannels, unitPixels, inBlock);
        }

        boolean valid() {
            return oh >= 1 && ow >= 1 && !Conv2d.isDepthwise(c, group);
        }

        /** Runs dense (with mask) and sparse (with mask), both at offsets, and compares. */
        void check(ExecutionContext ctx, MicroKernel kernel) {
            int pixels = oh * ow;
            int yLen = n * k * pixels;
            int nb = Masks.blocks(pixels, outBlock);
            float[] yDense = new float[5 + yLen];
            boolean[] mDense = new boolean[n * k * nb];
            Conv2d.run(ctx, kernel, x, 0, yDense, 5, packed, bias, n, c, h, w, k, oh, ow, r, s, sh, sw, pt, pl,
                    dh, dw, group, act, p0, p1, residual, 0, mDense, 0, outBlock);

            int xOff = 3;
            float[] xs = new float[xOff + x.length];
            System.arraycopy(x, 0, xs, xOff, x.length);
            int xmOff = 2;
            boolean[] xm = new boolean[xmOff + xMask.length + 1];
            System.arraycopy(xMask, 0, xm, xmOff, xMask.length);
            int resOff = 4;
            float[] res = null;
            if (residual != null) {
                res = new float[resOff + residual.length];
                System.arraycopy(residual, 0, res, resOff, residual.length);
            }
            int yOff = 7;
            float[] y = new float[yOff + yLen + 2];
            Arrays.fill(y, Float.NaN);
            int ymOff = 6;
            boolean[] ym = new boolean[ymOff + n * k * nb + 1];
            Arrays.fill(ym, true);
            SparseConv2d.run(ctx, kernel, plan, packed, xs, xOff, xm, xmOff, y, yOff, bias, act, p0, p1,
                    res, resOff, ym, ymOff, outBlock);
            String what = this + " " + kernel.name() + " threads " + ctx.threads();
            for (int i = 0; i < yLen; i++) {
                float e = yDense[5 + i];
                float a = y[yOff + i];
                double tol = 1e-4 * Math.sqrt(Math.max(1, depth())) * (1 + Math.abs(e));
                if (!(Math.abs(a - e) <= tol)) {
                    if (act == Epilogue.THRESHOLDED_RELU && (a == 0f || e == 0f)
                            && Math.abs(Math.max(Math.abs(a), Math.abs(e)) - p0) <= tol) {
                        continue; // a sum right at the threshold may land on either side
                    }
                    throw new AssertionError(what + ": element " + i + " dense " + e + " sparse " + a);
                }
            }
            assertTrue(Float.isNaN(y[yOff - 1]) && Float.isNaN(y[yOff + yLen]), what + ": wrote outside y");
            assertArrayEquals(NaiveMasks.of(y, yOff, n, k, pixels, outBlock),
                    Arrays.copyOfRange(ym, ymOff, ymOff + n * k * nb), what + ": output mask");
            assertTrue(ym[ymOff - 1] && ym[ymOff + n * k * nb], what + ": wrote outside the mask");
            assertArrayEquals(NaiveMasks.of(yDense, 5, n, k, pixels, outBlock), mDense, what + ": dense mask");
        }

        int depth() {
            return (c / group) * r * s;
        }

        @Override
        public String toString() {
            return "sparse conv N" + n + " C" + c + " " + h + "x" + w + " K" + k + " " + r + "x" + s + " stride "
                    + sh + "," + sw + " pads " + pt + "," + pl + " dil " + dh + "," + dw + " group " + group
                    + " act " + act + (residual != null ? " +res" : "") + " unit " + unitChannels + "ch x "
                    + unitPixels + "px blocks " + inBlock + "/" + outBlock;
        }
    }

    private static void checkAll(Case cs) {
        for (MicroKernel kernel : new MicroKernel[] {MicroKernels.best(), MicroKernels.scalar()}) {
            for (ThreadPool pool : new ThreadPool[] {ONE, TWO}) {
                cs.check(new ExecutionContext(pool), kernel);
            }
        }
    }

    private static final int[] ACTS = {Epilogue.RELU, Epilogue.NONE, Epilogue.THRESHOLDED_RELU, Epilogue.CLIP,
        Epilogue.SIGMOID, Epilogue.LEAKY_RELU, Epilogue.HARD_SWISH};

    @Test
    void randomSparseMatchesDense() {
        Random rnd = new Random(42);
        int done = 0;
        for (int trial = 0; done < 140; trial++) {
            int group = trial % 6 == 0 ? 2 + rnd.nextInt(3) : 1;
            int cg = (group > 1 ? 2 : 1) + rnd.nextInt(trial % 5 == 0 ? 40 : 8);
            int kg = 1 + rnd.nextInt(trial % 4 == 0 ? 30 : 12);
            boolean oneD = trial % 9 == 0;
            int r = oneD ? 1 : 1 + rnd.nextInt(4);
            int s = 1 + rnd.nextInt(4);
            int h = oneD ? 1 : 1 + rnd.nextInt(16);
            int w = 1 + rnd.nextInt(oneD ? 40 : 16);
            int pad = rnd.nextInt(3);
            int pt = oneD ? 0 : pad;
            int pb = oneD ? 0 : rnd.nextInt(3);
            int pixelsGuess = h * w;
            int unitPixels = trial % 3 == 0 ? 32 * (1 + rnd.nextInt(3)) : 1 + rnd.nextInt(Math.max(1, pixelsGuess + 4));
            int inBlock = 1 + rnd.nextInt(trial % 2 == 0 ? 8 : h * w + 3);
            int outBlock = 1 + rnd.nextInt(trial % 2 == 1 ? 8 : 64);
            Case cs = new Case(rnd, 1 + rnd.nextInt(2), cg * group, h, w, kg * group, r, s,
                    oneD ? 1 : 1 + rnd.nextInt(2), 1 + rnd.nextInt(2), pt, pad, pb, rnd.nextInt(3),
                    oneD ? 1 : 1 + rnd.nextInt(2), 1 + rnd.nextInt(2), group, ACTS[trial % ACTS.length],
                    rnd.nextBoolean(), rnd.nextInt(3) == 0, trial % 4, 1 + rnd.nextInt(cg + 1), unitPixels,
                    inBlock, outBlock);
            if (!cs.valid()) {
                continue;
            }
            checkAll(cs);
            done++;
        }
    }

    @Test
    void typicalLayersMatchDense() {
        Random rnd = new Random(7);
        // 3x3 pad 1, K past one KC block (576), bias + residual + ReLU, batch 2, zero channels and blocks.
        checkAll(new Case(rnd, 2, 64, 10, 12, 24, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, Epilogue.RELU, true, true, 2,
                8, 32, 8, 16));
        // 1x1 stride 1 unpadded: the direct (in place) B operand, P not a multiple of NR, K > KC.
        checkAll(new Case(rnd, 2, 300, 7, 9, 19, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, Epilogue.RELU, true, false, 2,
                16, 40, 5, 7));
        checkAll(new Case(rnd, 1, 64, 20, 20, 40, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, Epilogue.THRESHOLDED_RELU,
                true, true, 3, 4, 64, 20, 32));
        // Stride 2, dilation 2, padding, grouped, 1-D.
        checkAll(new Case(rnd, 1, 16, 17, 15, 24, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1, Epilogue.RELU, true, false, 2,
                4, 16, 4, 8));
        checkAll(new Case(rnd, 1, 12, 13, 17, 9, 3, 3, 1, 1, 2, 2, 2, 2, 2, 2, 1, Epilogue.NONE, false, true, 2,
                3, 24, 6, 5));
        checkAll(new Case(rnd, 2, 32, 9, 9, 48, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 4, Epilogue.RELU, true, true, 2,
                2, 32, 9, 32));
        checkAll(new Case(rnd, 2, 24, 1, 50, 16, 1, 5, 1, 1, 0, 2, 0, 2, 1, 1, 1, Epilogue.RELU, true, false, 2,
                6, 16, 4, 4));
        // All zero and all live inputs; units larger than the tensor.
        checkAll(new Case(rnd, 1, 16, 8, 8, 16, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, Epilogue.RELU, true, true, 0,
                4, 32, 8, 8));
        checkAll(new Case(rnd, 1, 16, 8, 8, 16, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, Epilogue.RELU, true, false, 1,
                4, 32, 8, 8));
        checkAll(new Case(rnd, 1, 5, 6, 7, 8, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, Epilogue.LEAKY_RELU, true, false,
                2, 100, 1000, 1000, 1000));
        // A tile wider than the GEMM's column chunk (NC = 256).
        checkAll(new Case(rnd, 1, 20, 24, 24, 16, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, Epilogue.RELU, true, false, 2,
                5, 400, 12, 24));
    }

    @Test
    void planCoversTheRuleAndEveryTap() {
        Random rnd = new Random(13);
        for (int trial = 0; trial < 300; trial++) {
            int h = 1 + rnd.nextInt(12);
            int w = 1 + rnd.nextInt(12);
            int r = 1 + rnd.nextInt(4);
            int s = 1 + rnd.nextInt(4);
            int sh = 1 + rnd.nextInt(3);
            int sw = 1 + rnd.nextInt(3);
            int dh = 1 + rnd.nextInt(2);
            int dw = 1 + rnd.nextInt(2);
            int pt = rnd.nextInt(4);
            int pl = rnd.nextInt(4);
            int pb = rnd.nextInt(4);
            int pr = rnd.nextInt(4);
            int oh = (h + pt + pb - dh * (r - 1) - 1) / sh + 1;
            int ow = (w + pl + pr - dw * (s - 1) - 1) / sw + 1;
            if (oh < 1 || ow < 1) {
                continue;
            }
            int unitPixels = 1 + rnd.nextInt(oh * ow + 2);
            int block = 1 + rnd.nextInt(h * w + 2);
            SparseConvPlan plan = SparseConv2d.plan(1, 2, h, w, 2, oh, ow, r, s, sh, sw, pt, pl, dh, dw, 1,
                    1, unitPixels, block);
            for (int t = 0; t < plan.tiles(); t++) {
                int[] ranges = plan.coveredRanges(t);
                BitSet got = new BitSet();
                for (int i = 0; i < ranges.length; i += 2) {
                    assertTrue(ranges[i] < ranges[i + 1], "empty range");
                    assertTrue(i == 0 || ranges[i] > ranges[i - 1], "ranges not disjoint ascending");
                    got.set(ranges[i], ranges[i + 1]);
                }
                String what = "trial " + trial + " tile " + t;
                assertEquals(NaiveMasks.coveredByRule(h, w, oh, ow, r, s, sh, sw, pt, pl, dh, dw, unitPixels, block, t),
                        got, what);
                BitSet taps = NaiveMasks.coveredByTaps(h, w, oh, ow, r, s, sh, sw, pt, pl, dh, dw, unitPixels, block, t);
                taps.andNot(got);
                assertTrue(taps.isEmpty(), what + ": tap blocks not covered " + taps);
            }
        }
    }

    /** Zero-operand MACs by enumerating every multiply-add of the dense convolution. */
    private static long naiveZeroOperand(float[] x, int n, int c, int h, int w, int k, int oh, int ow, int r, int s,
                                         int sh, int sw, int pt, int pl, int dh, int dw, int group) {
        int cg = c / group;
        int kg = k / group;
        long count = 0;
        for (int b = 0; b < n; b++) {
            for (int oc = 0; oc < k; oc++) {
                int g = oc / kg;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        for (int ci = 0; ci < cg; ci++) {
                            for (int ry = 0; ry < r; ry++) {
                                for (int sx = 0; sx < s; sx++) {
                                    int iy = oy * sh - pt + ry * dh;
                                    int ix = ox * sw - pl + sx * dw;
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < w
                                            && x[((b * c + g * cg + ci) * h + iy) * w + ix] == 0f) {
                                        count++;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return count;
    }

    @Test
    void profileCountsUnitsAndMacs() {
        Random rnd = new Random(21);
        int[][] shapes = {
            // n, c, h, w, k, r, s, stride, pad, dil, group, unitChannels, unitPixels, block
            {2, 12, 9, 10, 8, 3, 3, 1, 1, 1, 1, 4, 16, 6},
            {1, 8, 11, 7, 6, 3, 3, 2, 2, 2, 2, 3, 5, 4},
            {1, 16, 6, 6, 8, 1, 1, 1, 0, 1, 1, 5, 7, 3},
            {2, 6, 1, 30, 4, 1, 3, 2, 1, 1, 1, 2, 4, 5},
        };
        for (int[] sh : shapes) {
            int n = sh[0], c = sh[1], h = sh[2], w = sh[3], k = sh[4], r = sh[5], s = sh[6], st = sh[7];
            int pad = sh[8], dil = sh[9], group = sh[10], uc = sh[11], up = sh[12], block = sh[13];
            int pt = h == 1 ? 0 : pad;
            int oh = (h + 2 * pt - dil * (r - 1) - 1) / st + 1;
            int ow = (w + 2 * pad - dil * (s - 1) - 1) / st + 1;
            int dh = h == 1 ? 1 : dil;
            int sth = h == 1 ? 1 : st;
            oh = (h + 2 * pt - dh * (r - 1) - 1) / sth + 1;
            Case cs = new Case(rnd, n, c, h, w, k, r, s, sth, st, pt, pad, pt, pad, dh, dil, group, Epilogue.RELU,
                    true, false, 2, uc, up, block, 8);
            long zeroOperand = naiveZeroOperand(cs.x, n, c, h, w, k, oh, ow, r, s, sth, st, pt, pad, dh, dil, group);
            long zeros = 0;
            for (float v : cs.x) {
                zeros += v == 0f ? 1 : 0;
            }
            int cg = c / group;
            int kg = k / group;
            long dense = (long) n * k * oh * ow * cg * r * s;
            // Naive live units and executed MACs.
            long live = 0;
            long executed = 0;
            SparseConvPlan plan = cs.plan;
            for (int b = 0; b < n; b++) {
                for (int g = 0; g < group; g++) {
                    for (int u = 0; u < plan.unitsPerGroup(); u++) {
                        int channels = Math.min(cg, (u + 1) * uc) - u * uc;
                        for (int t = 0; t < plan.tiles(); t++) {
                            BitSet cov = NaiveMasks.coveredByRule(h, w, oh, ow, r, s, sth, st, pt, pad, dh, dil, up,
                                    block, t);
                            boolean isLive = false;
                            for (int ch = u * uc; ch < u * uc + channels; ch++) {
                                int base = (b * c + g * cg + ch) * plan.inputBlocks();
                                for (int bl = cov.nextSetBit(0); bl >= 0; bl = cov.nextSetBit(bl + 1)) {
                                    isLive |= cs.xMask[base + bl];
                                }
                            }
                            if (isLive) {
                                live++;
                                executed += (long) kg * channels * r * s
                                        * (Math.min(oh * ow, (t + 1) * up) - t * up);
                            }
                        }
                    }
                }
            }
            for (ThreadPool pool : new ThreadPool[] {ONE, TWO}) {
                ExecutionContext ctx = new ExecutionContext(pool);
                Profile profile = new Profile();
                ctx.setProfile(profile);
                float[] y = new float[n * k * oh * ow];
                Profiler.begin(ctx, 0);
                SparseConv2d.run(ctx, plan, cs.packed, cs.x, 0, cs.xMask, 0, y, 0, cs.bias, cs.act, 0f, 0f,
                        null, 0, null, 0, 1);
                Profiler.end(ctx, 0);
                Profiler.begin(ctx, 1);
                Conv2d.run(ctx, cs.x, 0, y, 0, cs.packed, cs.bias, n, c, h, w, k, oh, ow, r, s, sth, st, pt, pad,
                        dh, dil, group, cs.act, 0f, 0f, null, 0);
                Profiler.end(ctx, 1);
                String what = Arrays.toString(sh);
                assertEquals(plan.units(), profile.unitsTotal(0), what);
                assertEquals(live, profile.unitsLive(0), what);
                assertEquals(dense, profile.denseMacs(0), what);
                assertEquals(executed, profile.executedMacs(0), what);
                assertEquals(zeroOperand, profile.zeroOperandMacs(0), what);
                assertEquals(cs.x.length, profile.inputElements(0), what);
                assertEquals(zeros, profile.inputZeros(0), what);
                assertEquals(0, profile.unitsTotal(1), what);
                assertEquals(0, profile.unitsLive(1), what);
                assertEquals(dense, profile.denseMacs(1), what);
                assertEquals(dense, profile.executedMacs(1), what);
                assertEquals(zeroOperand, profile.zeroOperandMacs(1), what);
                assertEquals(zeros, profile.inputZeros(1), what);
            }
        }
    }

    @Test
    void depthwiseProfileCountsZeroOperands() {
        Random rnd = new Random(4);
        int n = 2, c = 6, h = 9, w = 8, k = 12, r = 3, s = 3;
        float[] x = NaiveMasks.input(rnd, n, c, h, w, 2);
        PackedConv packed = Conv2d.pack(Approx.random(rnd, k * r * s), 0, k, c, r, s, c);
        int oh = (h + 2 - 3) / 2 + 1;
        int ow = (w + 2 - 3) / 2 + 1;
        ExecutionContext ctx = new ExecutionContext(ONE);
        Profile profile = new Profile();
        ctx.setProfile(profile);
        Profiler.begin(ctx, 0);
        Conv2d.run(ctx, x, 0, new float[n * k * oh * ow], 0, packed, null, n, c, h, w, k, oh, ow, r, s, 2, 2,
                1, 1, 1, 1, c, Epilogue.RELU, 0f, 0f, null, 0);
        Profiler.end(ctx, 0);
        assertEquals((long) n * k * oh * ow * r * s, profile.denseMacs(0));
        assertEquals(naiveZeroOperand(x, n, c, h, w, k, oh, ow, r, s, 2, 2, 1, 1, 1, 1, c),
                profile.zeroOperandMacs(0));
    }
}
