package org.falconc.runtime.ops;

/**
 * Transpose: output axis a is input axis {@code perm[a]}. Overloads per element type; all share
 * {@link StridedCopy}.
 */
public final class Transpose {
    private Transpose() {
    }

    public static void run(float[] x, int xOff, float[] y, int yOff, int[] inShape, int[] perm) {
        transpose(x, xOff, y, yOff, inShape, perm);
    }

    public static void run(long[] x, int xOff, long[] y, int yOff, int[] inShape, int[] perm) {
        transpose(x, xOff, y, yOff, inShape, perm);
    }

    public static void run(int[] x, int xOff, int[] y, int yOff, int[] inShape, int[] perm) {
        transpose(x, xOff, y, yOff, inShape, perm);
    }

    public static void run(boolean[] x, int xOff, boolean[] y, int yOff, int[] inShape, int[] perm) {
        transpose(x, xOff, y, yOff, inShape, perm);
    }

    private static void transpose(Object x, int xOff, Object y, int yOff, int[] inShape, int[] perm) {
        int[] inStrides = Rows.contiguousStrides(inShape);
        int[] outShape = new int[perm.length];
        int[] srcStrides = new int[perm.length];
        for (int a = 0; a < perm.length; a++) {
            outShape[a] = inShape[perm[a]];
            srcStrides[a] = inStrides[perm[a]];
        }
        StridedCopy.copy(x, xOff, srcStrides, y, yOff, null, outShape);
    }
}
