package org.falconc.runtime.ops;

/**
 * Gather along an axis: data viewed as [outer, axisDim, inner], output as [outer, count, inner],
 * {@code y[o, j, :] = x[o, indices[j], :]}. Negative indices count from the end; an index out of
 * range throws IndexOutOfBoundsException. Indices are i64 or i32 (flattened: the output shape
 * data[:axis] + indices.shape + data[axis+1:] has this layout).
 */
public final class Gather {
    private Gather() {
    }

    public static void run(float[] x, int xOff, float[] y, int yOff, int outer, int axisDim, int inner,
                           long[] indices, int idxOff, int count) {
        gather(x, xOff, y, yOff, outer, axisDim, inner, indices, idxOff, count);
    }

    public static void run(long[] x, int xOff, long[] y, int yOff, int outer, int axisDim, int inner,
                           long[] indices, int idxOff, int count) {
        gather(x, xOff, y, yOff, outer, axisDim, inner, indices, idxOff, count);
    }

    public static void run(int[] x, int xOff, int[] y, int yOff, int outer, int axisDim, int inner,
                           long[] indices, int idxOff, int count) {
        gather(x, xOff, y, yOff, outer, axisDim, inner, indices, idxOff, count);
    }

    public static void run(boolean[] x, int xOff, boolean[] y, int yOff, int outer, int axisDim, int inner,
                           long[] indices, int idxOff, int count) {
        gather(x, xOff, y, yOff, outer, axisDim, inner, indices, idxOff, count);
    }

    public static void run(float[] x, int xOff, float[] y, int yOff, int outer, int axisDim, int inner,
                           int[] indices, int idxOff, int count) {
        gather(x, xOff, y, yOff, outer, axisDim, inner, indices, idxOff, count);
    }

    public static void run(long[] x, int xOff, long[] y, int yOff, int outer, int axisDim, int inner,
                           int[] indices, int idxOff, int count) {
        gather(x, xOff, y, yOff, outer, axisDim, inner, indices, idxOff, count);
    }

    public static void run(int[] x, int xOff, int[] y, int yOff, int outer, int axisDim, int inner,
                           int[] indices, int idxOff, int count) {
        gather(x, xOff, y, yOff, outer, axisDim, inner, indices, idxOff, count);
    }

    public static void run(boolean[] x, int xOff, boolean[] y, int yOff, int outer, int axisDim, int inner,
                           int[] indices, int idxOff, int count) {
        gather(x, xOff, y, yOff, outer, axisDim, inner, indices, idxOff, count);
    }

    private static void gather(Object x, int xOff, Object y, int yOff, int outer, int axisDim, int inner,
                               Object indices, int idxOff, int count) {
        for (int j = 0; j < count; j++) {
            long raw = indices instanceof long[] l ? l[idxOff + j] : ((int[]) indices)[idxOff + j];
            long i = raw < 0 ? raw + axisDim : raw;
            if (i < 0 || i >= axisDim) {
                throw new IndexOutOfBoundsException("Gather index " + raw + " is out of range for an axis of size "
                        + axisDim);
            }
            for (int o = 0; o < outer; o++) {
                System.arraycopy(x, xOff + (o * axisDim + (int) i) * inner, y, yOff + (o * count + j) * inner, inner);
            }
        }
    }
}
