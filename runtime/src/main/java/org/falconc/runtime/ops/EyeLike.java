package org.falconc.runtime.ops;

/** EyeLike: a [rows, cols] matrix with ones where column - row == k and zeros elsewhere. */
public final class EyeLike {
    private EyeLike() {
    }

    public static void floats(float[] y, int yOff, int rows, int cols, int k) {
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                y[yOff + row * cols + col] = col - row == k ? 1f : 0f;
            }
        }
    }

    public static void longs(long[] y, int yOff, int rows, int cols, int k) {
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                y[yOff + row * cols + col] = col - row == k ? 1L : 0L;
            }
        }
    }

    public static void ints(int[] y, int yOff, int rows, int cols, int k) {
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                y[yOff + row * cols + col] = col - row == k ? 1 : 0;
            }
        }
    }

    public static void bools(boolean[] y, int yOff, int rows, int cols, int k) {
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                y[yOff + row * cols + col] = col - row == k;
            }
        }
    }
}
