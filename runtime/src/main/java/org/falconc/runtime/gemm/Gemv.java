package org.falconc.runtime.gemm;

import org.falconc.runtime.parallel.ExecutionContext;

/**
 * Matrix-vector product on a packed A: {@code y[m] = act(sum_k A[m, k] x[k] + bias[m] + res[m])}
 * for fully connected layers at batch 1 and 1x1 convolutions on a 1x1 image, where the tiled GEMM
 * would pad the single column to a whole NR-wide strip. Memory-bound on A, so it streams each
 * panel once, parallel over panels.
 */
final class Gemv {

    /** Below this many multiply-adds the call runs on the caller thread only. */
    private static final int PARALLEL_MIN_WORK = 1 << 16;

    private Gemv() {
    }

    /**
     * @param x   x[k] at {@code x[xOff + k * xStride]} for k in [k0, k1)
     * @param y   y[m] at {@code y[yOff + m * yStride]}; the epilogue's residual is addressed
     *            through y's index like C's
     */
    static void run(ExecutionContext ctx, MicroKernel kernel, PackedMatrix a, int k0, int k1,
                    float[] x, int xOff, int xStride, float[] y, int yOff, int yStride,
                    GemmEpilogue epi, boolean accumulate) {
        int mr = PackedMatrix.MR;
        int kc = k1 - k0;
        float[] xx = ctx.scratch(ScratchSlots.GEMV_X, kc * mr);
        for (int k = 0, xi = xOff + k0 * xStride; k < kc; k++, xi += xStride) {
            float v = x[xi];
            int d = k * mr;
            for (int r = 0; r < mr; r++) {
                xx[d + r] = v;
            }
        }
        int panels = a.panels();
        int m = a.rows();
        int stride = a.panelStride();
        long work = (long) m * kc;
        int tasks = work < PARALLEL_MIN_WORK ? 1 : Math.min(panels, 4 * ctx.threads());
        int perTask = (panels + tasks - 1) / tasks;
        int taskCount = (panels + perTask - 1) / perTask;
        ctx.pool().parallelFor(taskCount, (task, lane) -> {
            float[] out = ctx.scratch(lane, ScratchSlots.TILE, 64);
            int pHi = Math.min(panels, (task + 1) * perTask);
            for (int p = task * perTask; p < pHi; p++) {
                kernel.panelDot(a.data, a.base + p * stride + k0 * mr, xx, 0, kc, out);
                int row0 = p * mr;
                int rows = Math.min(mr, m - row0);
                for (int r = 0; r < rows; r++) {
                    int yi = yOff + (row0 + r) * yStride;
                    epi.store(out[r], y, yi, accumulate, true, row0 + r);
                }
            }
        });
    }
}
