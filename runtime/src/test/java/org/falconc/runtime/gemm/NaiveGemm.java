package org.falconc.runtime.gemm;

import org.falconc.runtime.Epilogue;

/** Naive twin of {@link Gemm}: triple loop in double precision, then the epilogue. */
final class NaiveGemm {

    private NaiveGemm() {
    }

    /** c[m, n] = act(sum_{k in [k0,k1)} a[m*lda + k] * b[bOff + k*ldb + n] + (accumulate ? c : 0) + bias + res). */
    static void multiply(float[] a, int m, int lda, int k0, int k1, float[] b, int bOff, int ldb, int n,
                         float[] c, int cOff, int ldc, boolean accumulate, float[] bias, int act, float p0, float p1,
                         float[] residual, int residualOff) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int k = k0; k < k1; k++) {
                    acc += (double) a[i * lda + k] * b[bOff + k * ldb + j];
                }
                int ci = cOff + i * ldc + j;
                float v = (float) acc;
                if (accumulate) {
                    v += c[ci];
                }
                if (bias != null) {
                    v += bias[i];
                }
                if (residual != null) {
                    v += residual[residualOff + i * ldc + j];
                }
                c[ci] = Epilogue.apply(act, p0, p1, v);
            }
        }
    }
}
