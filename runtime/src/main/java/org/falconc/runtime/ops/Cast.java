package org.falconc.runtime.ops;

/**
 * Cast between the element types, one overload per (source, target) pair: {@code y[i] = (T) x[i]}.
 * As the reference interpreter: f32 to integers truncates toward zero (NaN gives 0, out-of-range
 * values saturate to the i64 range, then i32 keeps the low 32 bits); i64 to i32 keeps the low 32
 * bits; anything to bool is "non-zero" (NaN is true); bool to numbers is 0 or 1; integers to f32
 * round to nearest.
 */
public final class Cast {
    private Cast() {
    }

    public static void run(float[] x, int xOff, float[] y, int yOff, int n) {
        System.arraycopy(x, xOff, y, yOff, n);
    }

    public static void run(float[] x, int xOff, long[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = (long) x[xOff + i];
        }
    }

    public static void run(float[] x, int xOff, int[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = (int) (long) x[xOff + i];
        }
    }

    public static void run(float[] x, int xOff, boolean[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = x[xOff + i] != 0;
        }
    }

    public static void run(long[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = (float) x[xOff + i];
        }
    }

    public static void run(long[] x, int xOff, long[] y, int yOff, int n) {
        System.arraycopy(x, xOff, y, yOff, n);
    }

    public static void run(long[] x, int xOff, int[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = (int) x[xOff + i];
        }
    }

    public static void run(long[] x, int xOff, boolean[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = x[xOff + i] != 0;
        }
    }

    public static void run(int[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = (float) x[xOff + i];
        }
    }

    public static void run(int[] x, int xOff, long[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = (long) x[xOff + i];
        }
    }

    public static void run(int[] x, int xOff, int[] y, int yOff, int n) {
        System.arraycopy(x, xOff, y, yOff, n);
    }

    public static void run(int[] x, int xOff, boolean[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = x[xOff + i] != 0;
        }
    }

    public static void run(boolean[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = x[xOff + i] ? 1f : 0f;
        }
    }

    public static void run(boolean[] x, int xOff, long[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = x[xOff + i] ? 1L : 0L;
        }
    }

    public static void run(boolean[] x, int xOff, int[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = x[xOff + i] ? 1 : 0;
        }
    }

    public static void run(boolean[] x, int xOff, boolean[] y, int yOff, int n) {
        System.arraycopy(x, xOff, y, yOff, n);
    }
}
