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
    void direct(int nv, boolean single, float[] x, int[] xo, int xoOff, int xAdd,
                int rowStep, int ryN, int colStep, int sxN, int inner,
                float[] w, int wb, int wRow, int wCol, int o1, int o2, int o3, float[] tile) {
        int mr = single ? 1 : rows(nv);
        int stride = tileStride();
        int[] offsets = {0, o1, o2, o3};
        for (int m = 0; m < mr; m++) {
            java.util.Arrays.fill(tile, m * stride, m * stride + nv * PANEL, 0f);
            int xm = xo[xoOff + m] + xAdd;
            for (int ry = 0; ry < ryN; ry++) {
                for (int sx = 0; sx < sxN; sx++) {
                    int xt = xm + ry * rowStep + sx * colStep;
                    int wt = wb + ry * wRow + sx * wCol;
                    for (int ci = 0; ci < inner; ci++) {
                        float xv = x[xt + ci];
                        for (int p = 0; p < nv; p++) {
                            int wi = wt + offsets[p] + ci * PANEL;
                            int ti = m * stride + p * PANEL;
                            for (int lane = 0; lane < PANEL; lane++) {
                                tile[ti + lane] += xv * w[wi + lane];
                            }
                        }
                    }
                }
            }
        }
    }
}
