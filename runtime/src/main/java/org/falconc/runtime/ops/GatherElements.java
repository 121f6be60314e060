package org.falconc.runtime.ops;

/**
 * GatherElements along an axis: the output has the indices' shape and
 * {@code y[c] = x[c with c[axis] replaced by indices[c]]}. The indices' shape may be smaller than
 * the data's on every axis. Negative indices count from the end; an index out of range throws
 * IndexOutOfBoundsException. Indices are i64 or i32.
 */
public final class GatherElements {
    private GatherElements() {
    }

    public static void run(float[] x, int xOff, float[] y, int yOff, int[] dataShape, long[] indices, int idxOff,
                           int[] indexShape, int axis) {
        gather(x, xOff, y, yOff, dataShape, indices, idxOff, indexShape, axis);
    }

    public static void run(long[] x, int xOff, long[] y, int yOff, int[] dataShape, long[] indices, int idxOff,
                           int[] indexShape, int axis) {
        gather(x, xOff, y, yOff, dataShape, indices, idxOff, indexShape, axis);
    }

    public static void run(int[] x, int xOff, int[] y, int yOff, int[] dataShape, long[] indices, int idxOff,
                           int[] indexShape, int axis) {
        gather(x, xOff, y, yOff, dataShape, indices, idxOff, indexShape, axis);
    }

    public static void run(boolean[] x, int xOff, boolean[] y, int yOff, int[] dataShape, long[] indices, int idxOff,
                           int[] indexShape, int axis) {
        gather(x, xOff, y, yOff, dataShape, indices, idxOff, indexShape, axis);
    }

    public static void run(float[] x, int xOff, float[] y, int yOff, int[] dataShape, int[] indices, int idxOff,
                           int[] indexShape, int axis) {
        gather(x, xOff, y, yOff, dataShape, indices, idxOff, indexShape, axis);
    }

    public static void run(long[] x, int xOff, long[] y, int yOff, int[] dataShape, int[] indices, int idxOff,
                           int[] indexShape, int axis) {
        gather(x, xOff, y, yOff, dataShape, indices, idxOff, indexShape, axis);
    }

    public static void run(int[] x, int xOff, int[] y, int yOff, int[] dataShape, int[] indices, int idxOff,
                           int[] indexShape, int axis) {
        gather(x, xOff, y, yOff, dataShape, indices, idxOff, indexShape, axis);
    }

    public static void run(boolean[] x, int xOff, boolean[] y, int yOff, int[] dataShape, int[] indices, int idxOff,
                           int[] indexShape, int axis) {
        gather(x, xOff, y, yOff, dataShape, indices, idxOff, indexShape, axis);
    }

    private static void gather(Object x, int xOff, Object y, int yOff, int[] dataShape, Object indices, int idxOff,
                               int[] indexShape, int axis) {
        int rank = indexShape.length;
        int[] dataStride = new int[rank];
        for (int a = rank - 1, s = 1; a >= 0; a--) {
            dataStride[a] = s;
            s *= dataShape[a];
        }
        int count = 1;
        for (int d : indexShape) {
            count *= d;
        }
        int axisDim = dataShape[axis];
        ElementCopier copy = ElementCopier.of(x, y);
        long[] li = indices instanceof long[] l ? l : null;
        int[] ii = indices instanceof int[] i ? i : null;
        int[] coord = new int[rank];
        int base = 0; // data offset of coord without the axis term
        for (int o = 0; o < count; o++) {
            long raw = li != null ? li[idxOff + o] : ii[idxOff + o];
            long index = raw < 0 ? raw + axisDim : raw;
            if (index < 0 || index >= axisDim) {
                throw new IndexOutOfBoundsException("GatherElements index " + raw + " is out of range for an axis of size "
                        + axisDim);
            }
            copy.copy(xOff + base + (int) index * dataStride[axis], yOff + o);
            // next coordinate of the indices' shape, row-major
            for (int a = rank - 1; a >= 0; a--) {
                if (++coord[a] < indexShape[a]) {
                    if (a != axis) {
                        base += dataStride[a];
                    }
                    break;
                }
                if (a != axis) {
                    base -= (coord[a] - 1) * dataStride[a];
                }
                coord[a] = 0;
            }
        }
    }
}
