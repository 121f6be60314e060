package org.falconc.runtime.ops;

import java.util.Arrays;
import java.util.Random;
import org.falconc.runtime.Approx;
import org.falconc.runtime.ExactSums;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;
import org.junit.jupiter.api.Test;

/**
 * The direct transposed convolution (a gather per output element) against a naive scatter twin (every
 * input element times every tap added to its output position), 1-D to 3-D, random geometry.
 */
class ConvTransposeNdTest {
    private final Random rnd = new Random(3);
    private final ExecutionContext ctx = new ExecutionContext(ThreadPool.of(2));

    @Test
    void matchesNaiveScatter() {
        for (int trial = 0; trial < 120; trial++) {
            int rank = 1 + rnd.nextInt(3);
            int group = 1 + rnd.nextInt(2);
            int n = 1 + rnd.nextInt(2);
            int c = group * (1 + rnd.nextInt(2));
            int k = group * (1 + rnd.nextInt(3));
            int[] in = TestData.shape(rnd, rank, 4);
            int[] kernel = TestData.shape(rnd, rank, 3);
            int[] strides = TestData.shape(rnd, rank, 3);
            int[] dilations = TestData.shape(rnd, rank, 2);
            int[] begin = new int[rank];
            int[] out = new int[rank];
            for (int d = 0; d < rank; d++) {
                begin[d] = rnd.nextInt(kernel[d]);
                int full = (in[d] - 1) * strides[d] + (kernel[d] - 1) * dilations[d] + 1;
                // output padding / end pads: anything from cropping to a little extra
                out[d] = Math.max(1, full - begin[d] - rnd.nextInt(kernel[d]) + rnd.nextInt(strides[d]));
            }
            int inSize = TestData.volume(in);
            int outSize = TestData.volume(out);
            int taps = TestData.volume(kernel);
            float[] x = TestData.floats(rnd, n * c * inSize);
            float[] w = TestData.floats(rnd, c * (k / group) * taps + 1);
            float[] bias = rnd.nextBoolean() ? TestData.floats(rnd, k) : null;
            float[] residual = rnd.nextBoolean() ? TestData.floats(rnd, n * k * outSize) : null;
            int act = Approx.ACTIVATIONS[trial % Approx.ACTIVATIONS.length];
            float p0 = Approx.p0(act);
            float p1 = Approx.p1(act);
            float[] y = new float[n * k * outSize + 2];
            ConvTransposeNd.run(ctx, x, 0, w, 1, bias, y, 2, n, c, k, in, kernel, out, strides, begin, dilations, group,
                    act, p0, p1, residual, 0);
            ExactSums expected = naive(x, Arrays.copyOfRange(w, 1, w.length), bias, residual, n, c, k, in, kernel, out,
                    strides, begin, dilations, group);
            expected.checkAll(y, 2, act, p0, p1, "in " + Arrays.toString(in) + " kernel " + Arrays.toString(kernel)
                    + " strides " + Arrays.toString(strides) + " group " + group + " act " + act);
        }
    }

    /**
     * Scatter: x[n, ci, i] * w[ci, m, t] adds to y[n, g*kg + m, i*stride - begin + t*dilation] when inside;
     * then bias and residual. The exact sums before the activation.
     */
    private static ExactSums naive(float[] x, float[] w, float[] bias, float[] residual, int n, int c, int k, int[] in, int[] kernel, int[] out,
                                 int[] strides, int[] begin, int[] dilations, int group) {
        int rank = in.length;
        int inSize = TestData.volume(in);
        int outSize = TestData.volume(out);
        int taps = TestData.volume(kernel);
        int cg = c / group;
        int kg = k / group;
        ExactSums acc = new ExactSums(n * k * outSize);
        int[] i = new int[rank];
        int[] t = new int[rank];
        int[] o = new int[rank];
        for (int image = 0; image < n; image++) {
            for (int ci = 0; ci < c; ci++) {
                int g = ci / cg;
                for (int ip = 0; ip < inSize; ip++) {
                    TestData.unravel(ip, in, i);
                    for (int tp = 0; tp < taps; tp++) {
                        TestData.unravel(tp, kernel, t);
                        boolean inside = true;
                        for (int d = 0; d < rank; d++) {
                            o[d] = i[d] * strides[d] - begin[d] + t[d] * dilations[d];
                            inside &= o[d] >= 0 && o[d] < out[d];
                        }
                        if (!inside) {
                            continue;
                        }
                        for (int m = 0; m < kg; m++) {
                            acc.add((image * k + g * kg + m) * outSize + TestData.ravel(o, out),
                                    (double) x[(image * c + ci) * inSize + ip] * w[(ci * kg + m) * taps + tp]);
                        }
                    }
                }
            }
        }
        for (int p = 0; p < acc.size(); p++) {
            if (bias != null) {
                acc.add(p, bias[(p / outSize) % k]);
            }
            if (residual != null) {
                acc.add(p, residual[p]);
            }
        }
        return acc;
    }
}
