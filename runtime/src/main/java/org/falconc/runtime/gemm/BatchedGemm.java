package org.falconc.runtime.gemm;

import org.falconc.runtime.parallel.ExecutionContext;

/**
 * Independent GEMMs of one shape run as a single parallel loop — the images and groups of a
 * convolution: problem b computes {@code C_b = act(A_{b % groups} x B_b + bias + residual)} with
 * {@code C_b} at {@code c[cOff + b * cBatchStride]} ([M, N] row-major, leading dimension ldc), B_b
 * from a {@link BPanelSource}, and bias row m of group g at {@code bias[g * M + m]}.
 */
public final class BatchedGemm {

    private BatchedGemm() {
    }

    /** B_b row-major at {@code b[off + batch * batchStride + k * ldb + n]}. */
    public static BPanelSource denseSource(float[] b, int off, int ldb, int batchStride) {
        return new DenseB(b, off, ldb, batchStride);
    }

    /**
     * @param k0, k1     K sub-range of every A (and rows of B) to multiply; [0, K) for the full product
     * @param accumulate add the product to C (split-K callers; pass the epilogue to the last range only)
     */
    public static void run(ExecutionContext ctx, MicroKernel kernel, PackedMatrix[] groups, int batches,
                           BPanelSource src, int n, int k0, int k1, float[] c, int cOff, int cBatchStride, int ldc,
                           float[] bias, int act, float p0, float p1, float[] residual, int residualOff,
                           boolean accumulate) {
        run(ctx, kernel, groups, batches, src, n, k0, k1, c, cOff, cBatchStride, ldc,
                new GemmEpilogue(bias, 0, residual, residualOff - cOff, act, p0, p1), accumulate);
    }

    /**
     * {@link #run} with a prepared epilogue;
     * its bias offset is that of group 0, group g adding {@code g * M}.
     */
    public static void run(ExecutionContext ctx, MicroKernel kernel, PackedMatrix[] groups, int batches,
                           BPanelSource src, int n, int k0, int k1, float[] c, int cOff, int cBatchStride, int ldc,
                           GemmEpilogue epi, boolean accumulate) {
        float[] bias = epi.bias;
        if (n < Gemm.GEMV_MAX_N && src instanceof DenseB) {
            // Columns of a 1x1 image: a GEMV per (problem, column) instead of padding to NR.
            DenseB dense = (DenseB) src;
            int m = groups[0].rows();
            for (int b = 0; b < batches; b++) {
                int g = b % groups.length;
                GemmEpilogue e = g == 0 || bias == null ? epi : epi.withBiasOffset(epi.biasOff + g * m);
                for (int j = 0; j < n; j++) {
                    Gemv.run(ctx, kernel, groups[g], k0, k1, dense.array(), dense.offset(b) + j, dense.ldb(),
                            c, cOff + b * cBatchStride + j, ldc, e, accumulate);
                }
            }
            return;
        }
        GemmDriver.run(ctx, kernel, groups, batches, src, n, k0, k1, c, cOff, cBatchStride, ldc, epi, accumulate);
    }
}
