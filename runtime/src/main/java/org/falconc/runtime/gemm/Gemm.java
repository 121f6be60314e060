package org.falconc.runtime.gemm;

import org.falconc.runtime.parallel.ExecutionContext;

/**
 * Single-precision GEMM with a fused epilogue: {@code C[M, N] = act(A[M, K] x B[K, N] + bias[m] +
 * residual[m, n])}, A packed at load time ({@link PackedMatrix}), B and C row-major activations.
 *
 * <p>Uses {@link MicroKernels#best()} unless a kernel is passed. Columns N below
 * {@link #GEMV_MAX_N} take the matrix-vector path (one column at a time).
 */
public final class Gemm {

    /** Narrower products run as one GEMV per column instead of padding to a full strip. */
    public static final int GEMV_MAX_N = 4;

    private Gemm() {
    }

    /**
     * {@code C = act(A x B + bias + residual)}.
     *
     * @param b        B[K, N]: element (k, n) at {@code b[bOff + k * ldb + n]}
     * @param c        C[M, N]: element (m, n) at {@code c[cOff + m * ldc + n]}
     * @param bias     per row (length >= M), or null
     * @param residual same layout as C ({@code residual[residualOff + m * ldc + n]}), or null
     */
    public static void multiply(ExecutionContext ctx, PackedMatrix a, float[] b, int bOff, int ldb, int n,
                                float[] c, int cOff, int ldc, float[] bias, int act, float p0, float p1,
                                float[] residual, int residualOff) {
        multiplyRange(ctx, MicroKernels.best(), a, 0, a.depth(), b, bOff, ldb, n, c, cOff, ldc, false,
                bias, act, p0, p1, residual, residualOff);
    }

    /**
     * GEMM over the K sub-range {@code [k0, k1)} of A (B rows are addressed by the same absolute
     * k: {@code b[bOff + k * ldb + n]}). With {@code accumulate} the product is added to C, so a
     * sparse caller can sum several K ranges; bias, residual and activation are applied by this
     * call, so pass them only to the last range.
     */
    public static void multiplyRange(ExecutionContext ctx, MicroKernel kernel, PackedMatrix a, int k0, int k1,
                                     float[] b, int bOff, int ldb, int n, float[] c, int cOff, int ldc,
                                     boolean accumulate, float[] bias, int act, float p0, float p1,
                                     float[] residual, int residualOff) {
        if (k0 < 0 || k1 > a.depth() || k0 >= k1) {
            throw new IllegalArgumentException("K range [" + k0 + ", " + k1 + ") outside [0, " + a.depth() + ")");
        }
        GemmEpilogue epi = new GemmEpilogue(bias, 0, residual, residualOff - cOff, act, p0, p1);
        if (n < GEMV_MAX_N) {
            for (int j = 0; j < n; j++) {
                Gemv.run(ctx, kernel, a, k0, k1, b, bOff + j, ldb, c, cOff + j, ldc, epi, accumulate);
            }
            return;
        }
        GemmDriver.run(ctx, kernel, new PackedMatrix[] {a}, 1, new DenseB(b, bOff, ldb, 0), n, k0, k1,
                c, cOff, 0, ldc, epi, accumulate);
    }

    /**
     * A fully connected layer: {@code y[i, m] = act(sum_k W[m, k] x[i, k] + bias[m])} for i in
     * [0, batch), x row-major [batch, K] and y row-major [batch, M] (ONNX Gemm with transB = 1 on
     * the weight). Batch 1 is a GEMV.
     */
    public static void fullyConnected(ExecutionContext ctx, float[] x, int xOff, int batch, PackedMatrix w,
                                      float[] bias, float[] y, int yOff, int act, float p0, float p1) {
        fullyConnected(ctx, MicroKernels.best(), x, xOff, batch, w, bias, y, yOff, act, p0, p1);
    }

    public static void fullyConnected(ExecutionContext ctx, MicroKernel kernel, float[] x, int xOff, int batch,
                                      PackedMatrix w, float[] bias, float[] y, int yOff,
                                      int act, float p0, float p1) {
        int m = w.rows();
        int k = w.depth();
        GemmEpilogue epi = new GemmEpilogue(bias, 0, null, 0, act, p0, p1);
        if (batch < GEMV_MAX_N) {
            for (int i = 0; i < batch; i++) {
                Gemv.run(ctx, kernel, w, 0, k, x, xOff + i * k, 1, y, yOff + i * m, 1, epi, false);
            }
            return;
        }
        // Y^T[M, batch] = W x X^T into scratch, then transpose into y.
        float[] t = ctx.scratch(ScratchSlots.CONV_TEMP, m * batch);
        GemmDriver.run(ctx, kernel, new PackedMatrix[] {w}, 1, new TransposedB(x, xOff, k), batch, 0, k,
                t, 0, 0, batch, epi, false);
        for (int i = 0; i < batch; i++) {
            for (int r = 0; r < m; r++) {
                y[yOff + i * m + r] = t[r * batch + i];
            }
        }
    }
}
