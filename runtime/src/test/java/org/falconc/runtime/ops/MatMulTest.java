package org.falconc.runtime.ops;

import java.util.Random;
import org.falconc.ir.Tensor;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;
import org.junit.jupiter.api.Test;

/** Batched MatMul (broadcast batches) and Gemm with run-time B against the interpreter. */
class MatMulTest {
    private final Random rnd = new Random(17);
    private final ExecutionContext ctx = new ExecutionContext(ThreadPool.of(2));

    @Test
    void batchedMatMulBroadcastsBatches() {
        for (int trial = 0; trial < 80; trial++) {
            int batchRank = rnd.nextInt(3);
            int[] batch = TestData.shape(rnd, batchRank, 3);
            int[] aBatch = batch.clone();
            int[] bBatch = batch.clone();
            for (int d = 0; d < batchRank; d++) {
                if (rnd.nextInt(3) == 0) {
                    aBatch[d] = 1;
                } else if (rnd.nextInt(3) == 0) {
                    bBatch[d] = 1;
                }
            }
            if (batchRank > 0 && rnd.nextBoolean()) { // drop leading axes of B
                bBatch = java.util.Arrays.copyOfRange(bBatch, 1, batchRank);
            }
            // the output batch is the broadcast of the operands' batches
            for (int d = 0; d < batchRank; d++) {
                int bd = d - (batchRank - bBatch.length);
                batch[d] = Math.max(aBatch[d], bd >= 0 ? bBatch[bd] : 1);
            }
            int m = 1 + rnd.nextInt(6);
            int k = 1 + rnd.nextInt(7);
            int n = 1 + rnd.nextInt(6);
            if (trial == 0) { // big enough to run in parallel
                m = 70;
                k = 40;
                n = 50;
            }
            int[] aShape = concat(aBatch, m, k);
            int[] bShape = concat(bBatch, k, n);
            float[] a = TestData.floats(rnd, TestData.volume(aShape));
            float[] b = TestData.floats(rnd, TestData.volume(bShape));
            float[] expected = Oracle.run("MatMul", attrs -> { }, 1, Oracle.floats(aShape, a), Oracle.floats(bShape, b))
                    .get(0).floats();
            float[] y = new float[expected.length];
            MatMul.batched(trial % 2 == 0 ? ctx : null, a, 0, b, 0, y, 0, batch, MatMul.batchStrides(aBatch, batch, m * k),
                    MatMul.batchStrides(bBatch, batch, k * n), m, k, n);
            TestData.assertClose(expected, y, 1e-5, "MatMul " + TestData.describe(aShape) + " x " + TestData.describe(bShape));
        }
    }

    private static int[] concat(int[] batch, int r, int c) {
        int[] s = java.util.Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = r;
        s[batch.length + 1] = c;
        return s;
    }

    @Test
    void gemmWithRuntimeBMatchesTheInterpreter() {
        for (int trial = 0; trial < 80; trial++) {
            int m = 1 + rnd.nextInt(6);
            int n = 1 + rnd.nextInt(6);
            int k = 1 + rnd.nextInt(6);
            boolean ta = rnd.nextBoolean();
            boolean tb = rnd.nextBoolean();
            float alpha = rnd.nextBoolean() ? 1f : 0.5f;
            float beta = rnd.nextBoolean() ? 1f : -2f;
            int[][] cShapes = {{}, {1}, {n}, {m, 1}, {1, n}, {m, n}};
            int[] cs = rnd.nextInt(7) == 0 ? null : cShapes[rnd.nextInt(cShapes.length)];
            int[] aShape = ta ? new int[] {k, m} : new int[] {m, k};
            int[] bShape = tb ? new int[] {n, k} : new int[] {k, n};
            float[] a = TestData.floats(rnd, m * k);
            float[] b = TestData.floats(rnd, k * n);
            float[] c = cs == null ? null : TestData.floats(rnd, TestData.volume(cs));
            Tensor cTensor = cs == null ? null : Oracle.floats(cs, c);
            float[] expected = (cs == null
                    ? Oracle.run("Gemm", attrs -> attrs.setInt("transA", ta ? 1 : 0).setInt("transB", tb ? 1 : 0)
                    .setFloat("alpha", alpha).setFloat("beta", beta), 1, Oracle.floats(aShape, a), Oracle.floats(bShape, b))
                    : Oracle.run("Gemm", attrs -> attrs.setInt("transA", ta ? 1 : 0).setInt("transB", tb ? 1 : 0)
                    .setFloat("alpha", alpha).setFloat("beta", beta), 1, Oracle.floats(aShape, a), Oracle.floats(bShape, b),
                    cTensor)).get(0).floats();
            int cRows = cs == null || cs.length < 2 ? 1 : cs[0];
            int cCols = cs == null || cs.length == 0 ? 1 : cs[cs.length - 1];
            float[] y = new float[m * n];
            MatMul.gemm(trial % 2 == 0 ? ctx : null, a, 0, b, 0, c, 0, y, 0, m, n, k, ta, tb, alpha, beta, cRows, cCols);
            TestData.assertClose(expected, y, 1e-5, "Gemm ta=" + ta + " tb=" + tb + " C " + TestData.describe(cs == null
                    ? new int[0] : cs));
        }
    }
}
