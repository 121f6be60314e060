package org.falconc.runtime.gemm;

import static org.falconc.runtime.Approx.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.falconc.runtime.Approx;
import org.falconc.runtime.Epilogue;
import org.falconc.runtime.ExactSums;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;
import org.junit.jupiter.api.Test;

class GemmTest {

    private static final ThreadPool ONE = ThreadPool.of(1);
    private static final ThreadPool TWO = ThreadPool.of(2);

    @Test
    void vectorKernelIsSelectedWhenTheModuleIsPresent() {
        // Surefire runs with --add-modules jdk.incubator.vector.
        assertTrue(MicroKernels.vectorAvailable());
        assertEquals("VectorMicroKernel", MicroKernels.best().getClass().getSimpleName());
    }

    @Test
    void packedMatrixHoldsEveryElement() {
        Random rnd = new Random(3);
        float[] a = random(rnd, 13 * 7);
        PackedMatrix p = PackedMatrix.pack(a, 0, 13, 7, 7);
        PackedMatrix t = PackedMatrix.packTransposed(transpose(a, 13, 7), 0, 13, 7, 13);
        for (int m = 0; m < 13; m++) {
            for (int k = 0; k < 7; k++) {
                assertEquals(a[m * 7 + k], p.get(m, k));
                assertEquals(a[m * 7 + k], t.get(m, k));
            }
        }
    }

    @Test
    void randomShapesMatchNaive() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 120; trial++) {
            int m = 1 + rnd.nextInt(trial % 4 == 0 ? 70 : 20);
            int k = 1 + rnd.nextInt(trial % 3 == 0 ? 600 : 40);
            int n = 1 + rnd.nextInt(trial % 5 == 0 ? 300 : 70);
            check(rnd, m, k, n, trial);
        }
        // K past several KC blocks, N not a multiple of NR, M not a multiple of MR.
        check(rnd, 37, 3 * GemmDriver.KC_MAX + 5, 291, 1000);
        check(rnd, 9, 1, 33, 1001);
    }

    private static void check(Random rnd, int m, int k, int n, int trial) {
        int lda = k + rnd.nextInt(3);
        int ldb = n + rnd.nextInt(3);
        int ldc = n + rnd.nextInt(3);
        int bOff = rnd.nextInt(5);
        int cOff = rnd.nextInt(5);
        float[] a = random(rnd, m * lda);
        float[] b = random(rnd, bOff + k * ldb);
        float[] bias = rnd.nextBoolean() ? random(rnd, m) : null;
        int act = Approx.ACTIVATIONS[trial % Approx.ACTIVATIONS.length];
        float[] residual = rnd.nextBoolean() ? random(rnd, cOff + 3 + m * ldc) : null;
        int residualOff = residual == null ? 0 : cOff + 3;
        PackedMatrix packed = PackedMatrix.pack(a, 0, m, k, lda);
        float[] init = random(rnd, cOff + m * ldc);
        ExactSums expected = NaiveGemm.multiply(a, m, lda, 0, k, b, bOff, ldb, n, bias, residual, residualOff, ldc);
        for (MicroKernel kernel : new MicroKernel[] {MicroKernels.best(), MicroKernels.scalar()}) {
            for (ThreadPool pool : new ThreadPool[] {ONE, TWO}) {
                float[] c = init.clone();
                Gemm.multiplyRange(new ExecutionContext(pool), kernel, packed, 0, k, b, bOff, ldb, n, c, cOff, ldc,
                        false, bias, act, Approx.p0(act), Approx.p1(act), residual, residualOff);
                String what = kernel.name() + " threads " + pool.threads() + " " + m + "x" + k + "x" + n + " act " + act;
                NaiveGemm.check(expected, c, cOff, ldc, m, n, act, Approx.p0(act), Approx.p1(act), what);
                // Padding between rows (ldc > n) must stay untouched.
                for (int i = 0; i < m; i++) {
                    for (int j = n; j < ldc; j++) {
                        assertEquals(init[cOff + i * ldc + j], c[cOff + i * ldc + j], what + " wrote padding");
                    }
                }
            }
        }
    }

    @Test
    void kSubRangesAccumulate() {
        Random rnd = new Random(7);
        int m = 21;
        int k = 700;
        int n = 45;
        float[] a = random(rnd, m * k);
        float[] b = random(rnd, k * n);
        float[] bias = random(rnd, m);
        PackedMatrix packed = PackedMatrix.pack(a, 0, m, k, k);
        ExactSums expected = NaiveGemm.multiply(a, m, k, 0, 300, b, 0, n, n, bias, null, 0, 0);
        NaiveGemm.addProducts(expected, a, m, k, 450, 700, b, 0, n, n);
        for (MicroKernel kernel : new MicroKernel[] {MicroKernels.best(), MicroKernels.scalar()}) {
            ExecutionContext ctx = new ExecutionContext(TWO);
            float[] c = new float[m * n];
            Gemm.multiplyRange(ctx, kernel, packed, 0, 300, b, 0, n, n, c, 0, n, false, null, Epilogue.NONE, 0, 0, null, 0);
            Gemm.multiplyRange(ctx, kernel, packed, 450, 700, b, 0, n, n, c, 0, n, true, bias, Epilogue.RELU, 0, 0, null, 0);
            NaiveGemm.check(expected, c, 0, n, m, n, Epilogue.RELU, 0, 0, kernel.name() + " K ranges");
        }
    }

    @Test
    void gemvMatchesNaive() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 30; trial++) {
            int m = 1 + rnd.nextInt(trial < 5 ? 1200 : 40);
            int k = 1 + rnd.nextInt(trial < 5 ? 2100 : 70);
            int n = 1 + rnd.nextInt(Gemm.GEMV_MAX_N - 1);
            check(rnd, m, k, n, trial);
        }
    }

    @Test
    void fullyConnectedMatchesNaive() {
        Random rnd = new Random(5);
        for (int batch : new int[] {1, 2, 3, 4, 9}) {
            int m = 1 + rnd.nextInt(60);
            int k = 1 + rnd.nextInt(300);
            float[] wt = random(rnd, m * k);
            float[] x = random(rnd, batch * k);
            float[] bias = random(rnd, m);
            ExactSums[] expected = new ExactSums[batch];
            for (int i = 0; i < batch; i++) {
                // y_i^T = W x_i^T: x row i is a column of B with ldb 1.
                expected[i] = NaiveGemm.multiply(wt, m, k, 0, k, x, i * k, 1, 1, bias, null, 0, 0);
            }
            PackedMatrix packed = PackedMatrix.pack(wt, 0, m, k, k);
            for (MicroKernel kernel : new MicroKernel[] {MicroKernels.best(), MicroKernels.scalar()}) {
                float[] y = new float[batch * m];
                Gemm.fullyConnected(new ExecutionContext(TWO), kernel, x, 0, batch, packed, bias, y, 0,
                        Epilogue.RELU, 0, 0);
                for (int i = 0; i < batch; i++) {
                    NaiveGemm.check(expected[i], y, i * m, 1, m, 1, Epilogue.RELU, 0, 0,
                            kernel.name() + " batch " + batch + " image " + i);
                }
            }
        }
    }

    @Test
    void defaultEntryPointUsesBestKernel() {
        Random rnd = new Random(9);
        int m = 24;
        int k = 50;
        int n = 70;
        float[] a = random(rnd, m * k);
        float[] b = random(rnd, k * n);
        ExactSums expected = NaiveGemm.multiply(a, m, k, 0, k, b, 0, n, n, null, null, 0, 0);
        float[] c = new float[m * n];
        Gemm.multiply(new ExecutionContext(TWO), PackedMatrix.pack(a, 0, m, k, k), b, 0, n, n, c, 0, n,
                null, Epilogue.NONE, 0, 0, null, 0);
        NaiveGemm.check(expected, c, 0, n, m, n, Epilogue.NONE, 0, 0, "Gemm.multiply");
    }

    private static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j];
            }
        }
        return t;
    }
}
