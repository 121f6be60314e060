package org.falconc.runtime.ops;

/**
 * Softmax, LogSoftmax and Hardmax along one axis, the tensor viewed as [outer, n, inner] around it:
 * each of the outer·inner lines of n elements (stride inner) is normalised on its own, in double,
 * subtracting the line's maximum first so exp cannot overflow. Same arithmetic as the reference, so
 * results agree bit for bit. y may alias x.
 */
public final class Softmax {
    private Softmax() {
    }

    public static void softmax(float[] x, int xOff, float[] y, int yOff, int outer, int n, int inner) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                double m = max(x, xOff + base, n, inner);
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += Math.exp(x[xOff + base + k * inner] - m);
                }
                // exp is recomputed rather than stored: same doubles, no scratch buffer
                for (int k = 0; k < n; k++) {
                    int at = base + k * inner;
                    y[yOff + at] = (float) (Math.exp(x[xOff + at] - m) / sum);
                }
            }
        }
    }

    public static void logSoftmax(float[] x, int xOff, float[] y, int yOff, int outer, int n, int inner) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                double m = max(x, xOff + base, n, inner);
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += Math.exp(x[xOff + base + k * inner] - m);
                }
                double logSum = Math.log(sum);
                for (int k = 0; k < n; k++) {
                    int at = base + k * inner;
                    y[yOff + at] = (float) (x[xOff + at] - m - logSum);
                }
            }
        }
    }

    /** 1 at the first maximum of each line, 0 elsewhere. */
    public static void hardmax(float[] x, int xOff, float[] y, int yOff, int outer, int n, int inner) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                int best = 0;
                for (int k = 1; k < n; k++) {
                    if (x[xOff + base + k * inner] > x[xOff + base + best * inner]) {
                        best = k;
                    }
                }
                for (int k = 0; k < n; k++) {
                    y[yOff + base + k * inner] = k == best ? 1f : 0f;
                }
            }
        }
    }

    /** The maximum of a line, NaN propagating (as the reference's Math.max fold). */
    private static double max(float[] x, int at, int n, int stride) {
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            m = Math.max(m, x[at + k * stride]);
        }
        return m;
    }
}
