package org.falconc.runtime.ops;

/**
 * Where(condition, X, Y) with three-way numpy broadcasting: {@code out = condition ? X : Y}. Strides
 * are broadcast strides over the output shape ({@link BroadcastLoop#strides}); one overload per
 * element type of X, Y and the output.
 */
public final class Where {
    private Where() {
    }

    public static void select(boolean[] c, int cOff, int[] cStrides, float[] x, int xOff, int[] xStrides,
                              float[] y, int yOff, int[] yStrides, float[] out, int outOff, int[] shape) {
        BroadcastLoop.forEach(shape, cStrides, xStrides, yStrides, (o, ci, cs, xi, xs, yi, ys, n) -> {
            for (int k = 0; k < n; k++) {
                out[outOff + o + k] = c[cOff + ci + k * cs] ? x[xOff + xi + k * xs] : y[yOff + yi + k * ys];
            }
        });
    }

    public static void select(boolean[] c, int cOff, int[] cStrides, long[] x, int xOff, int[] xStrides,
                              long[] y, int yOff, int[] yStrides, long[] out, int outOff, int[] shape) {
        BroadcastLoop.forEach(shape, cStrides, xStrides, yStrides, (o, ci, cs, xi, xs, yi, ys, n) -> {
            for (int k = 0; k < n; k++) {
                out[outOff + o + k] = c[cOff + ci + k * cs] ? x[xOff + xi + k * xs] : y[yOff + yi + k * ys];
            }
        });
    }

    public static void select(boolean[] c, int cOff, int[] cStrides, int[] x, int xOff, int[] xStrides,
                              int[] y, int yOff, int[] yStrides, int[] out, int outOff, int[] shape) {
        BroadcastLoop.forEach(shape, cStrides, xStrides, yStrides, (o, ci, cs, xi, xs, yi, ys, n) -> {
            for (int k = 0; k < n; k++) {
                out[outOff + o + k] = c[cOff + ci + k * cs] ? x[xOff + xi + k * xs] : y[yOff + yi + k * ys];
            }
        });
    }

    public static void select(boolean[] c, int cOff, int[] cStrides, boolean[] x, int xOff, int[] xStrides,
                              boolean[] y, int yOff, int[] yStrides, boolean[] out, int outOff, int[] shape) {
        BroadcastLoop.forEach(shape, cStrides, xStrides, yStrides, (o, ci, cs, xi, xs, yi, ys, n) -> {
            for (int k = 0; k < n; k++) {
                out[outOff + o + k] = c[cOff + ci + k * cs] ? x[xOff + xi + k * xs] : y[yOff + yi + k * ys];
            }
        });
    }
}
