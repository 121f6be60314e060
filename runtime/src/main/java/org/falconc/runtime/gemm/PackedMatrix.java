package org.falconc.runtime.gemm;

/**
 * The A operand of a GEMM (weights), packed once at load time into panels of {@link #MR} rows.
 *
 * <p>Panel {@code p} holds rows {@code [p*MR, p*MR + MR)} for the full depth, k-major: element
 * (row {@code p*MR + r}, column {@code k}) is at {@code data[p * panelStride() + k * MR + r]}. Rows
 * past {@code rows} are zero. Because a panel is k-major over the whole depth, any K sub-range
 * {@code [k0, k1)} of it is a contiguous slice starting at {@code p * panelStride() + k0 * MR}: the
 * micro-kernel runs on such slices (KC blocks), and a sparse caller can skip whole K ranges (for a
 * convolution, K is ordered (input channel, r, s), so an input-channel group is one K range).
 */
public final class PackedMatrix {

    /** Rows per panel: the micro-kernel's register-block height. */
    public static final int MR = 8;

    private final int rows;
    private final int depth;
    final float[] data;

    private PackedMatrix(int rows, int depth, float[] data) {
        this.rows = rows;
        this.depth = depth;
        this.data = data;
    }

    /** Packs row-major A[rows, depth]: element (m, k) at {@code a[off + m * lda + k]}. */
    public static PackedMatrix pack(float[] a, int off, int rows, int depth, int lda) {
        return pack(a, off, rows, depth, lda, 1);
    }

    /** Packs A given transposed, as row-major [depth, rows]: element (m, k) at {@code a[off + k * lda + m]}. */
    public static PackedMatrix packTransposed(float[] a, int off, int rows, int depth, int lda) {
        return pack(a, off, rows, depth, 1, lda);
    }

    /** Packs A with arbitrary strides: element (m, k) at {@code a[off + m * rowStride + k * colStride]}. */
    public static PackedMatrix pack(float[] a, int off, int rows, int depth, int rowStride, int colStride) {
        if (rows <= 0 || depth <= 0) {
            throw new IllegalArgumentException("empty matrix " + rows + "x" + depth);
        }
        int panels = (rows + MR - 1) / MR;
        float[] data = new float[panels * depth * MR];
        for (int m = 0; m < rows; m++) {
            int base = (m / MR) * depth * MR + (m % MR);
            int src = off + m * rowStride;
            for (int k = 0; k < depth; k++) {
                data[base + k * MR] = a[src + k * colStride];
            }
        }
        return new PackedMatrix(rows, depth, data);
    }

    /** M: the number of rows (output channels of a convolution). */
    public int rows() {
        return rows;
    }

    /** K: the shared dimension. */
    public int depth() {
        return depth;
    }

    public int panels() {
        return (rows + MR - 1) / MR;
    }

    /** Distance in {@code data} between consecutive panels. */
    int panelStride() {
        return depth * MR;
    }

    /** Element (m, k), for tests and debugging. */
    public float get(int m, int k) {
        return data[(m / MR) * depth * MR + k * MR + (m % MR)];
    }
}
