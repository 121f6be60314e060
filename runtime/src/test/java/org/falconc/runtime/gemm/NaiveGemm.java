package org.falconc.runtime.gemm;

import org.falconc.runtime.ExactSums;

/** Naive twin of {@link Gemm}: the triple loop, every addend summed exactly (before the activation). */
final class NaiveGemm {

    private NaiveGemm() {
    }

    /**
     * Exact c[i, j] (dense m × n, element i·n + j) before the activation: sum over k in [k0, k1) of
     * a[i·lda + k]·b[bOff + k·ldb + j], plus bias[i] and residual[residualOff + i·ldr + j] when given.
     */
    static ExactSums multiply(float[] a, int m, int lda, int k0, int k1, float[] b, int bOff, int ldb, int n,
                              float[] bias, float[] residual, int residualOff, int ldr) {
        ExactSums c = new ExactSums(m * n);
        addProducts(c, a, m, lda, k0, k1, b, bOff, ldb, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (bias != null) {
                    c.add(i * n + j, bias[i]);
                }
                if (residual != null) {
                    c.add(i * n + j, residual[residualOff + i * ldr + j]);
                }
            }
        }
        return c;
    }

    /** Adds the products of the K range [k0, k1) to {@code c} (dense m × n). */
    static void addProducts(ExactSums c, float[] a, int m, int lda, int k0, int k1, float[] b, int bOff, int ldb,
                            int n) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = k0; k < k1; k++) {
                    c.add(i * n + j, (double) a[i * lda + k] * b[bOff + k * ldb + j]);
                }
            }
        }
    }

    /** Checks c[cOff + i·ldc + j] against the exact {@code expected} (dense m × n) with activation {@code act}. */
    static void check(ExactSums expected, float[] c, int cOff, int ldc, int m, int n, int act, float p0, float p1,
                      String what) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                expected.check(i * n + j, c[cOff + i * ldc + j], act, p0, p1, what + " row " + i + " col " + j);
            }
        }
    }
}
