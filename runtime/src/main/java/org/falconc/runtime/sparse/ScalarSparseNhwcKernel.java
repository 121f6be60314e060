package org.falconc.runtime.sparse;

/**
 * The portable {@link SparseNhwcKernel}: plain loops, one "vector" is a whole 16-channel weight
 * panel. Used when the jdk.incubator.vector module is absent, and by tests as the second
 * implementation.
 */
final class ScalarSparseNhwcKernel extends SparseNhwcKernel {

    private static final int PANEL = 16;

    @Override
    int lanes() {
        return PANEL;
    }

    @Override
    String name() {
        return "scalar";
    }

    @Override
    void accumulate(int nv, float[] xv, int[] wo, int n, float[] w, int o1, int o2, int o3, float[] acc, int ai) {
        int[] offsets = {0, o1, o2, o3};
        for (int i = 0; i < n; i++) {
            float v = xv[i];
            for (int j = 0; j < nv; j++) {
                int wi = wo[i] + offsets[j];
                int a = ai + j * PANEL;
                for (int l = 0; l < PANEL; l++) {
                    acc[a + l] += v * w[wi + l];
                }
            }
        }
    }
}
