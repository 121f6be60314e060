package org.falconc.runtime.ops;

/** Expand: broadcasts the input (numpy rules) to {@code outShape}. */
public final class Expand {
    private Expand() {
    }

    public static void run(float[] x, int xOff, float[] y, int yOff, int[] inShape, int[] outShape) {
        StridedCopy.copy(x, xOff, BroadcastLoop.strides(inShape, outShape), y, yOff, null, outShape);
    }

    public static void run(long[] x, int xOff, long[] y, int yOff, int[] inShape, int[] outShape) {
        StridedCopy.copy(x, xOff, BroadcastLoop.strides(inShape, outShape), y, yOff, null, outShape);
    }

    public static void run(int[] x, int xOff, int[] y, int yOff, int[] inShape, int[] outShape) {
        StridedCopy.copy(x, xOff, BroadcastLoop.strides(inShape, outShape), y, yOff, null, outShape);
    }

    public static void run(boolean[] x, int xOff, boolean[] y, int yOff, int[] inShape, int[] outShape) {
        StridedCopy.copy(x, xOff, BroadcastLoop.strides(inShape, outShape), y, yOff, null, outShape);
    }
}
