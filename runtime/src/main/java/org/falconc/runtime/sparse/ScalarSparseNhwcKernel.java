package org.falconc.runtime.sparse;

/**
 * The portable {@link SparseNhwcKernel}: plain loops, one "vector" is a whole 16-channel weight
 * panel. Used when the jdk.incubator.vector module is absent, and by tests as the second
 * implementation.
 */
final class ScalarSparseNhwcKernel extends SparseNhwcKernel {

    @Override
    int lanes() {
        return PANEL;
    }

    @Override
    int maxVectors() {
        return 8;
    }

    @Override
    String name() {
        return "scalar";
    }

    @Override
    void accumulate(int nv, int[] seg, int count, float[] x, float[] w, int ws, int wo, float[] acc, int ai) {
        int done = 0;
        for (int i = 0; done < count; i++) {
            int xb = seg[SEGMENT_INTS * i + 2];
            int wb = seg[SEGMENT_INTS * i + 3];
            for (long m = word(seg, i); m != 0; m &= m - 1) {
                int bit = Long.numberOfTrailingZeros(m);
                float v = x[xb + bit];
                for (int j = 0; j < nv; j++) {
                    int wi = wb + bit * ws + (j < 4 ? j * PANEL : wo + (j - 4) * PANEL);
                    int a = ai + j * PANEL;
                    for (int l = 0; l < PANEL; l++) {
                        acc[a + l] += v * w[wi + l];
                    }
                }
                done++;
            }
        }
    }
}
