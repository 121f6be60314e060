package org.falconc.runtime.ops;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** BatchNorm, InstanceNorm and LRN against the interpreter. */
class NormalizationTest {
    private final Random rnd = new Random(5);

    @Test
    void batchNormMatchesTheInterpreterWithinRounding() {
        for (int trial = 0; trial < 30; trial++) {
            int n = 1 + rnd.nextInt(2);
            int c = 1 + rnd.nextInt(5);
            int h = 1 + rnd.nextInt(4);
            int w = 1 + rnd.nextInt(4);
            int[] shape = {n, c, h, w};
            float[] x = TestData.floats(rnd, n * c * h * w);
            float[] scale = TestData.floats(rnd, c);
            float[] bias = TestData.floats(rnd, c);
            float[] mean = TestData.floats(rnd, c);
            float[] var = TestData.floats(rnd, c);
            for (int i = 0; i < c; i++) {
                var[i] = Math.abs(var[i]);
            }
            float eps = 1e-2f;
            float[] expected = Oracle.run("BatchNormalization", a -> a.setFloat("epsilon", eps), 1, Oracle.floats(shape, x),
                    Oracle.floats(new int[] {c}, scale), Oracle.floats(new int[] {c}, bias), Oracle.floats(new int[] {c}, mean),
                    Oracle.floats(new int[] {c}, var)).get(0).floats();
            float[] params = new float[4 * c + 1];
            System.arraycopy(scale, 0, params, 1, c);
            System.arraycopy(bias, 0, params, 1 + c, c);
            System.arraycopy(mean, 0, params, 1 + 2 * c, c);
            System.arraycopy(var, 0, params, 1 + 3 * c, c);
            float[] y = x.clone();
            BatchNorm.inference(y, 0, y, 0, n, c, h * w, params, 1, params, 1 + c, params, 1 + 2 * c, params, 1 + 3 * c, eps);
            TestData.assertClose(expected, y, 1e-6, "BatchNorm");
        }
    }

    @Test
    void instanceNormAndLrnMatchTheInterpreterBitForBit() {
        for (int trial = 0; trial < 30; trial++) {
            int n = 1 + rnd.nextInt(2);
            int c = 1 + rnd.nextInt(6);
            int inner = 1 + rnd.nextInt(12);
            int[] shape = {n, c, inner};
            float[] x = TestData.floats(rnd, n * c * inner);
            float[] scale = TestData.floats(rnd, c);
            float[] bias = TestData.floats(rnd, c);
            float[] expected = Oracle.run("InstanceNormalization", a -> a.setFloat("epsilon", 1e-3f), 1,
                    Oracle.floats(shape, x), Oracle.floats(new int[] {c}, scale), Oracle.floats(new int[] {c}, bias))
                    .get(0).floats();
            float[] y = new float[x.length];
            InstanceNorm.run(x, 0, y, 0, n, c, inner, scale, 0, bias, 0, 1e-3f);
            TestData.assertBitsEqual(expected, y, "InstanceNorm");

            int size = 1 + rnd.nextInt(5);
            int[] shape4 = {n, c, inner, 1};
            float[] lrn = Oracle.run("LRN", a -> a.setInt("size", size).setFloat("alpha", 2e-3f).setFloat("beta", 0.6f)
                    .setFloat("bias", 1.5f), 1, Oracle.floats(shape4, x)).get(0).floats();
            Lrn.run(x, 0, y, 0, n, c, inner, size, 2e-3f, 0.6f, 1.5f);
            TestData.assertBitsEqual(lrn, y, "LRN size " + size);
        }
    }
}
