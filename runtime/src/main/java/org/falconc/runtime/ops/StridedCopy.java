package org.falconc.runtime.ops;

/**
 * The copy every layout kernel reduces to: for each multi-index i of {@code shape},
 * {@code dst[dstOff + sum i_a * dstStrides[a]] = src[srcOff + sum i_a * srcStrides[a]]}. Source
 * strides may be 0 (broadcast) or negative (reversed slices). Trailing axes that are contiguous in
 * both are merged into one row, so a copy that is contiguous on both sides is one arraycopy.
 */
public final class StridedCopy {
    private StridedCopy() {
    }

    /** {@code dstStrides == null} means the destination is dense row-major over {@code shape}. */
    public static void copy(Object src, int srcOff, int[] srcStrides, Object dst, int dstOff, int[] dstStrides,
                            int[] shape) {
        if (Rows.volume(shape) == 0) {
            return;
        }
        int[] dstSt = dstStrides != null ? dstStrides : Rows.contiguousStrides(shape);
        int rank = shape.length;
        if (rank == 0) {
            Rows.copy(src, srcOff, 1, dst, dstOff, 1, 1);
            return;
        }
        int first = rank - 1;
        int rowLength = shape[first];
        while (first > 0 && srcStrides[first - 1] == srcStrides[rank - 1] * rowLength
                && dstSt[first - 1] == dstSt[rank - 1] * rowLength) {
            first--;
            rowLength *= shape[first];
        }
        walk(src, srcOff, srcStrides, dst, dstOff, dstSt, shape, 0, first, rowLength);
    }

    private static void walk(Object src, int si, int[] srcStrides, Object dst, int di, int[] dstStrides, int[] shape,
                             int axis, int rowAxis, int rowLength) {
        if (axis == rowAxis) {
            int last = shape.length - 1;
            Rows.copy(src, si, srcStrides[last], dst, di, dstStrides[last], rowLength);
            return;
        }
        for (int c = 0; c < shape[axis]; c++) {
            walk(src, si + c * srcStrides[axis], srcStrides, dst, di + c * dstStrides[axis], dstStrides, shape,
                    axis + 1, rowAxis, rowLength);
        }
    }
}
