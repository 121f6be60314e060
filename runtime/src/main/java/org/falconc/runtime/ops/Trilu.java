package org.falconc.runtime.ops;

/**
 * Trilu on the last two axes of {@code matrices} matrices of [rows, cols]: upper keeps the elements
 * with column - row &gt;= k, lower those with column - row &lt;= k, the rest become zero. The diagonal
 * k is an i64 scalar tensor ({@code null, 0}: k = 0), known at compile time or not. {@code y} may be
 * {@code x} (in place).
 */
public final class Trilu {
    private Trilu() {
    }

    public static void run(float[] x, int xOff, float[] y, int yOff, int matrices, int rows, int cols, long[] k, int kOff,
                           boolean upper) {
        trilu(x, xOff, y, yOff, matrices, rows, cols, k, kOff, upper);
    }

    public static void run(long[] x, int xOff, long[] y, int yOff, int matrices, int rows, int cols, long[] k, int kOff,
                           boolean upper) {
        trilu(x, xOff, y, yOff, matrices, rows, cols, k, kOff, upper);
    }

    public static void run(int[] x, int xOff, int[] y, int yOff, int matrices, int rows, int cols, long[] k, int kOff,
                           boolean upper) {
        trilu(x, xOff, y, yOff, matrices, rows, cols, k, kOff, upper);
    }

    public static void run(boolean[] x, int xOff, boolean[] y, int yOff, int matrices, int rows, int cols, long[] k,
                           int kOff, boolean upper) {
        trilu(x, xOff, y, yOff, matrices, rows, cols, k, kOff, upper);
    }

    private static void trilu(Object x, int xOff, Object y, int yOff, int matrices, int rows, int cols, long[] kArray,
                              int kOff, boolean upper) {
        long k = kArray == null ? 0 : kArray[kOff];
        ElementCopier keep = ElementCopier.of(x, y);
        ElementCopier zero = ElementCopier.of(null, y);
        for (int m = 0; m < matrices; m++) {
            for (int row = 0; row < rows; row++) {
                int at = (m * rows + row) * cols;
                for (int col = 0; col < cols; col++) {
                    long diagonal = (long) col - row;
                    if (upper ? diagonal >= k : diagonal <= k) {
                        keep.copy(xOff + at + col, yOff + at + col);
                    } else {
                        zero.copy(0, yOff + at + col);
                    }
                }
            }
        }
    }
}
