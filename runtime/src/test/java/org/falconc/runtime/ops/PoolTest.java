package org.falconc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Random;
import org.falconc.ir.Tensor;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;
import org.junit.jupiter.api.Test;

/**
 * Pool2d fast paths against PoolNd, PoolNd against a naive twin, and both against the reference
 * interpreter on random geometries (pads, strides, dilations, ceil_mode, count_include_pad).
 */
class PoolTest {
    private final Random rnd = new Random(3);
    private final ExecutionContext ctx = new ExecutionContext(ThreadPool.of(2));

    /** A random pooling geometry on {@code rank} spatial axes, resolved as ir's WindowGeometry would. */
    private record Geometry(int[] in, int[] kernel, int[] strides, int[] dilations, int[] begin, int[] end, int[] out,
                            boolean ceil) {
    }

    private Geometry geometry(int rank) {
        int[] in = new int[rank];
        int[] k = new int[rank];
        int[] s = new int[rank];
        int[] d = new int[rank];
        int[] b = new int[rank];
        int[] e = new int[rank];
        int[] out = new int[rank];
        boolean ceil = rnd.nextBoolean();
        for (int a = 0; a < rank; a++) {
            k[a] = 1 + rnd.nextInt(3);
            s[a] = 1 + rnd.nextInt(3);
            d[a] = 1 + rnd.nextInt(2);
            int extent = (k[a] - 1) * d[a] + 1;
            // ONNX requires pads smaller than the kernel
            b[a] = rnd.nextInt(k[a]);
            e[a] = rnd.nextInt(k[a]);
            in[a] = Math.max(1, extent - b[a] - e[a]) + rnd.nextInt(6);
            int span = in[a] + b[a] + e[a] - extent;
            if (ceil) {
                int o = (span + s[a] - 1) / s[a] + 1;
                if ((o - 1) * s[a] >= in[a] + b[a]) {
                    o--;
                }
                out[a] = o;
            } else {
                out[a] = span / s[a] + 1;
            }
        }
        return new Geometry(in, k, s, d, b, e, out, ceil);
    }

    private static long[] longs(int[] v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            l[i] = v[i];
        }
        return l;
    }

    private static List<Tensor> interpreter(String op, Geometry g, int n, int c, float[] x, boolean countPad, int p,
                                            int outputs, boolean columnMajor) {
        int rank = g.in.length;
        int[] shape = new int[rank + 2];
        shape[0] = n;
        shape[1] = c;
        System.arraycopy(g.in, 0, shape, 2, rank);
        long[] pads = new long[2 * rank];
        for (int a = 0; a < rank; a++) {
            pads[a] = g.begin[a];
            pads[rank + a] = g.end[a];
        }
        return Oracle.run(op, attrs -> {
            attrs.setInts("kernel_shape", longs(g.kernel)).setInts("strides", longs(g.strides)).setInts("pads", pads)
                    .setInts("dilations", longs(g.dilations)).setInt("ceil_mode", g.ceil ? 1 : 0);
            switch (op) {
                case "AveragePool" -> attrs.setInt("count_include_pad", countPad ? 1 : 0);
                case "LpPool" -> attrs.setInt("p", p);
                default -> attrs.setInt("storage_order", columnMajor ? 1 : 0);
            }
        }, outputs, Oracle.floats(shape, x));
    }

    @Test
    void pool2dMatchesPoolNdAndTheInterpreter() {
        for (int trial = 0; trial < 150; trial++) {
            Geometry g = geometry(2);
            int n = 1 + rnd.nextInt(2);
            int c = 1 + rnd.nextInt(3);
            int planes = n * c;
            float[] x = TestData.floats(rnd, planes * TestData.volume(g.in));
            if (trial % 3 == 0) {
                // NaN wins only as a window's first tap; the fast path must keep that rule.
                for (int i = 0; i < x.length; i += 1 + rnd.nextInt(7)) {
                    x[i] = Float.NaN;
                }
            }
            int outVol = planes * TestData.volume(g.out);
            boolean countPad = rnd.nextBoolean();
            ExecutionContext context = rnd.nextBoolean() ? ctx : null;

            float[] fast = new float[outVol];
            Pool2d.maxPool(context, x, 0, fast, 0, planes, g.in[0], g.in[1], g.out[0], g.out[1], g.kernel[0], g.kernel[1],
                    g.strides[0], g.strides[1], g.begin[0], g.begin[1], g.dilations[0], g.dilations[1]);
            float[] generic = new float[outVol];
            long[] indices = new long[outVol];
            PoolNd.maxPool(context, x, 0, generic, 0, indices, 0, planes, g.in, g.out, g.kernel, g.strides, g.begin, g.end,
                    g.dilations, false);
            List<Tensor> ref = interpreter("MaxPool", g, n, c, x, false, 0, 2, false);
            TestData.assertBitsEqual(positiveZeros(ref.get(0).floats()), positiveZeros(fast), "Pool2d.maxPool " + g);
            TestData.assertBitsEqual(ref.get(0).floats(), generic, "PoolNd.maxPool " + g);
            assertArrayEquals(ref.get(1).longs(), indices, "MaxPool indices " + g);

            Pool2d.averagePool(context, x, 0, fast, 0, planes, g.in[0], g.in[1], g.out[0], g.out[1], g.kernel[0],
                    g.kernel[1], g.strides[0], g.strides[1], g.begin[0], g.begin[1], g.end[0], g.end[1], g.dilations[0],
                    g.dilations[1], countPad);
            PoolNd.averagePool(context, x, 0, generic, 0, planes, g.in, g.out, g.kernel, g.strides, g.begin, g.end,
                    g.dilations, countPad);
            float[] refAvg = interpreter("AveragePool", g, n, c, x, countPad, 0, 1, false).get(0).floats();
            TestData.assertBitsEqual(refAvg, fast, "Pool2d.averagePool countPad=" + countPad + " " + g);
            TestData.assertBitsEqual(refAvg, generic, "PoolNd.averagePool " + g);
        }
    }

    /** Pool2d.maxPool may give +0 where the tap-order rule gives -0 (Math.max orders the zeros). */
    private static float[] positiveZeros(float[] v) {
        float[] c = v.clone();
        for (int i = 0; i < c.length; i++) {
            if (c[i] == 0f) {
                c[i] = 0f;
            }
        }
        return c;
    }

    @Test
    void poolNdMatchesTheInterpreterOn1dAnd3d() {
        for (int trial = 0; trial < 60; trial++) {
            int rank = trial % 2 == 0 ? 1 : 3;
            Geometry g = geometry(rank);
            int planes = 2;
            float[] x = TestData.floats(rnd, planes * TestData.volume(g.in));
            int outVol = planes * TestData.volume(g.out);
            boolean columnMajor = rnd.nextBoolean();
            float[] y = new float[outVol];
            long[] indices = new long[outVol];
            PoolNd.maxPool(ctx, x, 0, y, 0, indices, 0, planes, g.in, g.out, g.kernel, g.strides, g.begin, g.end,
                    g.dilations, columnMajor);
            List<Tensor> ref = interpreter("MaxPool", g, 1, planes, x, false, 0, 2, columnMajor);
            TestData.assertBitsEqual(ref.get(0).floats(), y, "max " + rank + "-D");
            assertArrayEquals(ref.get(1).longs(), indices, "indices " + rank + "-D, column-major " + columnMajor);
            int p = 1 + rnd.nextInt(3);
            PoolNd.lpPool(ctx, x, 0, y, 0, planes, g.in, g.out, g.kernel, g.strides, g.begin, g.end, g.dilations, p);
            TestData.assertBitsEqual(interpreter("LpPool", g, 1, planes, x, false, p, 1, false).get(0).floats(), y,
                    "LpPool p=" + p);
        }
    }

    @Test
    void globalPoolsMatchNaiveAndTheInterpreter() {
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rnd.nextInt(2);
            int c = 1 + rnd.nextInt(40);
            int h = 1 + rnd.nextInt(9);
            int w = 1 + rnd.nextInt(9);
            float[] x = TestData.floats(rnd, n * c * h * w);
            if (trial == 0) {
                x[h * w / 2] = Float.NaN; // NaN propagates through GlobalMaxPool
            }
            float[] avg = new float[n * c];
            float[] max = new float[n * c];
            Pool2d.globalAveragePool(ctx, x, 0, avg, 0, n * c, h * w);
            Pool2d.globalMaxPool(ctx, x, 0, max, 0, n * c, h * w);
            int[] shape = {n, c, h, w};
            TestData.assertBitsEqual(Oracle.run("GlobalAveragePool", a -> { }, 1, Oracle.floats(shape, x)).get(0).floats(),
                    avg, "GlobalAveragePool");
            TestData.assertBitsEqual(Oracle.run("GlobalMaxPool", a -> { }, 1, Oracle.floats(shape, x)).get(0).floats(),
                    max, "GlobalMaxPool");
        }
    }

    @Test
    void largePoolRunsInParallelLikeSequential() {
        int planes = 64;
        int[] in = {33, 31};
        float[] x = TestData.floats(rnd, planes * in[0] * in[1]);
        float[] par = new float[planes * 16 * 15];
        float[] seq = new float[par.length];
        Pool2d.maxPool(ctx, x, 0, par, 0, planes, 33, 31, 16, 15, 3, 3, 2, 2, 0, 0, 1, 1);
        Pool2d.maxPool(null, x, 0, seq, 0, planes, 33, 31, 16, 15, 3, 3, 2, 2, 0, 0, 1, 1);
        TestData.assertBitsEqual(seq, par, "parallel maxPool");
    }
}
