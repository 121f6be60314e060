package org.falconc.runtime.ops;

import org.falconc.runtime.parallel.ExecutionContext;

/**
 * Matrix products whose operands are both activations (weight GEMMs go to the gemm package):
 * batched MatMul with numpy batch broadcasting, and Gemm with a run-time B. Plain loops in i-k-j
 * order (the inner loop is a contiguous saxpy the JIT vectorises), accumulating in float.
 */
public final class MatMul {
    private static final long PARALLEL_WORK = 1 << 16;
    /** Scratch slot of {@link #gemm}'s row accumulator (slots 0..7 belong to gemm/conv). */
    static final int ROW_SLOT = 8;

    private MatMul() {
    }

    /**
     * Y[batch..., m, n] = A[batch..., m, k] × B[batch..., k, n]. The output batch is dense of shape
     * {@code batchShape}; {@code aBatchStrides}/{@code bBatchStrides} give, per batch axis, the element
     * stride of that operand's matrices (0 where it is broadcast; see {@link #batchStrides}). 1-D
     * operands are promoted by the lowering (A [k] as [1, k], B [k] as [k, 1]); it does not change
     * the layout. Rows of the output run in parallel on {@code ctx} (null: calling thread).
     */
    public static void batched(ExecutionContext ctx, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff,
                               int[] batchShape, int[] aBatchStrides, int[] bBatchStrides, int m, int k, int n) {
        int batches = Rows.volume(batchShape);
        int rows = batches * m;
        if (rows == 0 || n == 0) {
            return;
        }
        if (ctx == null || ctx.threads() == 1 || (long) rows * k * n < PARALLEL_WORK || rows < 2) {
            rows(a, aOff, b, bOff, y, yOff, batchShape, aBatchStrides, bBatchStrides, m, k, n, 0, rows);
            return;
        }
        int minChunk = (int) Math.max(1, PARALLEL_WORK / Math.max(1L, (long) k * n));
        ctx.pool().parallelRange(rows, minChunk, (start, end, lane) ->
                rows(a, aOff, b, bOff, y, yOff, batchShape, aBatchStrides, bBatchStrides, m, k, n, start, end));
    }

    /** Matrix strides of an operand with batch shape {@code operandBatch} broadcast to {@code batchShape}. */
    public static int[] batchStrides(int[] operandBatch, int[] batchShape, int matrixSize) {
        int[] s = BroadcastLoop.strides(operandBatch, batchShape);
        for (int i = 0; i < s.length; i++) {
            s[i] *= matrixSize;
        }
        return s;
    }

    /** Output rows [start, end) of the flattened [batches·m] row range. */
    private static void rows(float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int[] batchShape,
                             int[] aStrides, int[] bStrides, int m, int k, int n, int start, int end) {
        for (int r = start; r < end; r++) {
            int batch = r / m;
            int i = r - batch * m;
            int aMat = aOff;
            int bMat = bOff;
            for (int d = batchShape.length - 1, rest = batch; d >= 0; d--) {
                int c = rest % batchShape[d];
                rest /= batchShape[d];
                aMat += c * aStrides[d];
                bMat += c * bStrides[d];
            }
            int yRow = yOff + r * n;
            java.util.Arrays.fill(y, yRow, yRow + n, 0f);
            int aRow = aMat + i * k;
            for (int p = 0; p < k; p++) {
                float av = a[aRow + p];
                int bRow = bMat + p * n;
                for (int j = 0; j < n; j++) {
                    y[yRow + j] += av * b[bRow + j];
                }
            }
        }
    }

    /**
     * Gemm with a run-time B: Y[m, n] = alpha·A'·B' + beta·C, A' = transA ? Aᵀ : A (A stored [m, k]
     * or [k, m]), B' likewise ([k, n] or [n, k]). C is absent when {@code c == null}, else broadcast
     * from [cRows, cCols] with cRows ∈ {1, m}, cCols ∈ {1, n} (a scalar is 1×1, a vector [n] is 1×n).
     * The row accumulator is scratch slot {@value #ROW_SLOT} of {@code ctx} (null: allocated).
     */
    public static void gemm(ExecutionContext ctx, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, float[] y, int yOff,
                            int m, int n, int k, boolean transA, boolean transB, float alpha, float beta,
                            int cRows, int cCols) {
        float[] row = ctx != null ? ctx.scratch(ROW_SLOT, n) : new float[n];
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(row, 0, n, 0f);
            for (int p = 0; p < k; p++) {
                float av = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
                if (transB) {
                    for (int j = 0; j < n; j++) {
                        row[j] += av * b[bOff + j * k + p];
                    }
                } else {
                    int bRow = bOff + p * n;
                    for (int j = 0; j < n; j++) {
                        row[j] += av * b[bRow + j];
                    }
                }
            }
            for (int j = 0; j < n; j++) {
                float v = alpha * row[j];
                if (c != null) {
                    v += beta * c[cOff + (cRows == 1 ? 0 : i) * cCols + (cCols == 1 ? 0 : j)];
                }
                y[yOff + i * n + j] = v;
            }
        }
    }
}
