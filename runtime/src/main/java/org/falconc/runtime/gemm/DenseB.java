package org.falconc.runtime.gemm;

/** A row-major B[K, N] (element (k, n) at {@code b[off + batch * batchStride + k * ldb + n]}). */
final class DenseB implements BPanelSource {

    private final float[] b;
    private final int off;
    private final int ldb;
    private final int batchStride;

    DenseB(float[] b, int off, int ldb, int batchStride) {
        this.b = b;
        this.off = off;
        this.ldb = ldb;
        this.batchStride = batchStride;
    }

    float[] array() {
        return b;
    }

    int offset(int batch) {
        return off + batch * batchStride;
    }

    int ldb() {
        return ldb;
    }

    @Override
    public void pack(int batch, int k0, int k1, int n0, int n1, float[] dst, int dstOff, int stripStride, int nr) {
        int kc = k1 - k0;
        int base = off + batch * batchStride;
        for (int n = n0, strip = 0; n < n1; n += nr, strip++) {
            int cols = Math.min(nr, n1 - n);
            int d = dstOff + strip * stripStride;
            int src = base + k0 * ldb + n;
            if (cols == nr) {
                for (int k = 0; k < kc; k++, d += nr, src += ldb) {
                    System.arraycopy(b, src, dst, d, nr);
                }
            } else {
                for (int k = 0; k < kc; k++, d += nr, src += ldb) {
                    System.arraycopy(b, src, dst, d, cols);
                    java.util.Arrays.fill(dst, d + cols, d + nr, 0f);
                }
            }
        }
    }
}
