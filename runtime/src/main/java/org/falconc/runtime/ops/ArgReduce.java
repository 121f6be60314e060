package org.falconc.runtime.ops;

/**
 * ArgMax and ArgMin along one axis, the input viewed as [outer, n, inner]: for each line, the index
 * of its first extreme element, or the last one with {@code selectLast} (select_last_index=1).
 * Output is i64 [outer, inner] (keepdims only changes the shape). NaN is never chosen unless it is
 * the line's first element (the reference's comparison semantics).
 */
public final class ArgReduce {
    private ArgReduce() {
    }

    /** Reads element i of the input as a double. */
    @FunctionalInterface
    private interface Source {
        double at(int i);
    }

    public static void argMax(float[] x, int xOff, long[] y, int yOff, int outer, int n, int inner, boolean selectLast) {
        run(i -> x[i], 1, xOff, y, yOff, outer, n, inner, selectLast);
    }

    public static void argMin(float[] x, int xOff, long[] y, int yOff, int outer, int n, int inner, boolean selectLast) {
        run(i -> x[i], -1, xOff, y, yOff, outer, n, inner, selectLast);
    }

    public static void argMax(long[] x, int xOff, long[] y, int yOff, int outer, int n, int inner, boolean selectLast) {
        run(i -> x[i], 1, xOff, y, yOff, outer, n, inner, selectLast);
    }

    public static void argMin(long[] x, int xOff, long[] y, int yOff, int outer, int n, int inner, boolean selectLast) {
        run(i -> x[i], -1, xOff, y, yOff, outer, n, inner, selectLast);
    }

    public static void argMax(int[] x, int xOff, long[] y, int yOff, int outer, int n, int inner, boolean selectLast) {
        run(i -> x[i], 1, xOff, y, yOff, outer, n, inner, selectLast);
    }

    public static void argMin(int[] x, int xOff, long[] y, int yOff, int outer, int n, int inner, boolean selectLast) {
        run(i -> x[i], -1, xOff, y, yOff, outer, n, inner, selectLast);
    }

    /** {@code sign} 1 looks for the maximum, -1 for the minimum (as sign·x maximum). */
    private static void run(Source x, int sign, int xOff, long[] y, int yOff, int outer, int n, int inner,
                            boolean selectLast) {
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = xOff + o * n * inner + in;
                int best = 0;
                double bestValue = sign * x.at(base);
                for (int k = 1; k < n; k++) {
                    double v = sign * x.at(base + k * inner);
                    if (v > bestValue || (selectLast && v == bestValue)) {
                        best = k;
                        bestValue = v;
                    }
                }
                y[yOff + o * inner + in] = best;
            }
        }
    }
}
