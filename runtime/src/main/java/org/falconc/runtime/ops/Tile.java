package org.falconc.runtime.ops;

/**
 * Tile: output coordinate c on axis a reads input coordinate c mod inShape[a]. Viewed as the
 * 2·rank-dimensional copy over (repeats[a], inShape[a]) pairs with source strides (0, stride[a]).
 */
public final class Tile {
    private Tile() {
    }

    public static void run(float[] x, int xOff, float[] y, int yOff, int[] inShape, int[] repeats) {
        tile(x, xOff, y, yOff, inShape, repeats);
    }

    public static void run(long[] x, int xOff, long[] y, int yOff, int[] inShape, int[] repeats) {
        tile(x, xOff, y, yOff, inShape, repeats);
    }

    public static void run(int[] x, int xOff, int[] y, int yOff, int[] inShape, int[] repeats) {
        tile(x, xOff, y, yOff, inShape, repeats);
    }

    public static void run(boolean[] x, int xOff, boolean[] y, int yOff, int[] inShape, int[] repeats) {
        tile(x, xOff, y, yOff, inShape, repeats);
    }

    private static void tile(Object x, int xOff, Object y, int yOff, int[] inShape, int[] repeats) {
        int rank = inShape.length;
        int[] inStrides = Rows.contiguousStrides(inShape);
        int[] shape = new int[2 * rank];
        int[] srcStrides = new int[2 * rank];
        for (int a = 0; a < rank; a++) {
            shape[2 * a] = repeats[a];
            shape[2 * a + 1] = inShape[a];
            srcStrides[2 * a + 1] = inStrides[a];
        }
        StridedCopy.copy(x, xOff, srcStrides, y, yOff, null, shape);
    }
}
