package org.falconc.runtime.ops;

/**
 * Slice with resolved ranges: output coordinate c on axis a reads input coordinate
 * {@code starts[a] + c * steps[a]}, for c &lt; {@code outShape[a]}. Every axis is given (unsliced
 * axes: start 0, step 1, full length); starts are already normalised and clamped, steps may be
 * negative (ir's Slice.ranges computes exactly these).
 */
public final class Slice {
    private Slice() {
    }

    public static void run(float[] x, int xOff, float[] y, int yOff, int[] inShape, int[] starts, int[] steps, int[] outShape) {
        slice(x, xOff, y, yOff, inShape, starts, steps, outShape);
    }

    public static void run(long[] x, int xOff, long[] y, int yOff, int[] inShape, int[] starts, int[] steps, int[] outShape) {
        slice(x, xOff, y, yOff, inShape, starts, steps, outShape);
    }

    public static void run(int[] x, int xOff, int[] y, int yOff, int[] inShape, int[] starts, int[] steps, int[] outShape) {
        slice(x, xOff, y, yOff, inShape, starts, steps, outShape);
    }

    public static void run(boolean[] x, int xOff, boolean[] y, int yOff, int[] inShape, int[] starts, int[] steps,
                           int[] outShape) {
        slice(x, xOff, y, yOff, inShape, starts, steps, outShape);
    }

    private static void slice(Object x, int xOff, Object y, int yOff, int[] inShape, int[] starts, int[] steps,
                              int[] outShape) {
        int[] inStrides = Rows.contiguousStrides(inShape);
        int[] srcStrides = new int[inShape.length];
        int src = xOff;
        for (int a = 0; a < inShape.length; a++) {
            srcStrides[a] = inStrides[a] * steps[a];
            if (outShape[a] > 0) {
                src += starts[a] * inStrides[a];
            }
        }
        StridedCopy.copy(x, src, srcStrides, y, yOff, null, outShape);
    }
}
