package org.falconc.runtime.conv;

/**
 * The portable {@link NhwcKernel}: plain loops, one "vector" is a whole weight panel. Used when the
 * jdk.incubator.vector module is absent, and by tests as the second implementation.
 */
final class ScalarNhwcKernel extends NhwcKernel {

    @Override
    int lanes() {
        return PANEL;
    }

    @Override
    String name() {
        return "scalar";
    }

    @Override
    int rows(int nv) {
        return nv == 4 ? 4 : nv == 2 ? 8 : 12;
    }

    @Override
    int tallRows() {
        return 6;
    }

    @Override
    void direct(int nv, int mr, boolean load, float[] x, int[] xo, int xoOff, int xAdd, int inner,
                float[] w, int wb, int ws, float[] tile) {
        int stride = tileStride();
        for (int m = 0; m < mr; m++) {
            if (!load) {
                java.util.Arrays.fill(tile, m * stride, m * stride + nv * PANEL, 0f);
            }
            int xm = xo[xoOff + m] + xAdd;
            for (int ci = 0; ci < inner; ci++) {
                float xv = x[xm + ci];
                for (int p = 0; p < nv; p++) {
                    int wi = wb + p * PANEL + ci * ws;
                    int ti = m * stride + p * PANEL;
                    for (int lane = 0; lane < PANEL; lane++) {
                        tile[ti + lane] += xv * w[wi + lane];
                    }
                }
            }
        }
    }
}
