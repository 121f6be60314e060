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
    /** Where panel 0 starts in {@link #data} (several matrices may share one array). */
    final int base;

    private PackedMatrix(int rows, int depth, float[] data, int base) {
        this.rows = rows;
        this.depth = depth;
        this.data = data;
        this.base = base;
    }

    /** Floats of the packed form of a rows x depth matrix. */
    public static int packedLength(int rows, int depth) {
        return (rows + MR - 1) / MR * depth * MR;
    }

    /**
     * Wraps panels packed ahead of time (at compile time, by {@link #packInto}) without copying:
     * the matrix starts at {@code data[base]} and spans {@link #packedLength} floats.
     */
    public static PackedMatrix prepacked(float[] data, int base, int rows, int depth) {
        if (rows <= 0 || depth <= 0) {
            throw new IllegalArgumentException("empty matrix " + rows + "x" + depth);
        }
        if (base < 0 || base + (long) packedLength(rows, depth) > data.length) {
            throw new IllegalArgumentException("packed " + rows + "x" + depth + " matrix at " + base
                    + " does not fit in " + data.length + " floats");
        }
        return new PackedMatrix(rows, depth, data, base);
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
        float[] data = new float[packedLength(rows, depth)];
        packInto(a, off, rows, depth, rowStride, colStride, data, 0);
        return new PackedMatrix(rows, depth, data, 0);
    }

    /**
     * Writes the packed form of A (element (m, k) at {@code a[off + m * rowStride + k * colStride]})
     * to {@code dst[dstOff, dstOff + packedLength)}; padding rows are left as they are (zero in a
     * fresh array). The compiler packs weights with this, so models load them ready to use.
     */
    public static void packInto(float[] a, int off, int rows, int depth, int rowStride, int colStride,
                                float[] dst, int dstOff) {
        for (int m = 0; m < rows; m++) {
            int base = dstOff + (m / MR) * depth * MR + (m % MR);
            int src = off + m * rowStride;
            for (int k = 0; k < depth; k++) {
                dst[base + k * MR] = a[src + k * colStride];
            }
        }
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
        return data[base + (m / MR) * depth * MR + k * MR + (m % MR)];
    }
}
