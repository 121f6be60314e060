package org.falconc.runtime.gemm;

/**
 * Where the B operand of a GEMM comes from. The driver asks for one KC x NC block at a time and the
 * source writes it packed: strips of {@code nr} columns, strip {@code s} at
 * {@code dst[s * (k1 - k0) * nr ...]}, row k of a strip contiguous ({@code nr} floats), columns past
 * {@code n1} zero. A dense matrix and an on-the-fly im2col view of an image are two sources, so
 * im2col never materialises the whole column matrix.
 */
public interface BPanelSource {

    /**
     * Packs rows {@code [k0, k1)} and columns {@code [n0, n1)} of problem {@code batch}'s B matrix.
     * {@code batch} indexes the independent problems of one batched call (for a convolution:
     * image * groups + group).
     */
    default void pack(int batch, int k0, int k1, int n0, int n1, float[] dst, int nr) {
        pack(batch, k0, k1, n0, n1, dst, 0, (k1 - k0) * nr, nr);
    }

    /**
     * {@link #pack} into a wider panel: strip s at {@code dst[dstOff + s * stripStride ...]}, row k
     * at {@code + (k - k0) * nr}. The compacted GEMM of a sparse convolution packs several K ranges
     * back to back into one panel this way ({@code stripStride = total rows * nr}).
     */
    void pack(int batch, int k0, int k1, int n0, int n1, float[] dst, int dstOff, int stripStride, int nr);
}
