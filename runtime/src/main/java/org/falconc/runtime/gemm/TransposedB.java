package org.falconc.runtime.gemm;

/** B given as its transpose: element (k, n) at {@code b[off + n * ld + k]} (activations [N, K]). */
final class TransposedB implements BPanelSource {

    private final float[] b;
    private final int off;
    private final int ld;

    TransposedB(float[] b, int off, int ld) {
        this.b = b;
        this.off = off;
        this.ld = ld;
    }

    @Override
    public void pack(int batch, int k0, int k1, int n0, int n1, float[] dst, int dstOff, int stripStride, int nr) {
        int kc = k1 - k0;
        for (int n = n0, strip = 0; n < n1; n += nr, strip++) {
            int cols = Math.min(nr, n1 - n);
            int d = dstOff + strip * stripStride;
            for (int j = 0; j < nr; j++) {
                if (j < cols) {
                    int src = off + (n + j) * ld + k0;
                    for (int k = 0; k < kc; k++) {
                        dst[d + k * nr + j] = b[src + k];
                    }
                } else {
                    for (int k = 0; k < kc; k++) {
                        dst[d + k * nr + j] = 0f;
                    }
                }
            }
        }
    }
}
