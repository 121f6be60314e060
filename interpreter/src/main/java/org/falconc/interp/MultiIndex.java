package org.falconc.interp;

import org.falconc.ir.Shape;

/** Conversions between flat (row-major) element positions and per-axis coordinates, for the reference kernels. */
public final class MultiIndex {
    private MultiIndex() {
    }

    /** Writes the coordinates of flat position {@code flat} in {@code shape} into {@code coords}. */
    public static void unravel(int flat, Shape shape, int[] coords) {
        for (int axis = shape.rank() - 1; axis >= 0; axis--) {
            int d = shape.dim(axis);
            coords[axis] = flat % d;
            flat /= d;
        }
    }

    /** As {@link #unravel(int, Shape, int[])} for dimensions given as an array. */
    public static void unravel(int flat, int[] dims, int[] coords) {
        for (int axis = dims.length - 1; axis >= 0; axis--) {
            coords[axis] = flat % dims[axis];
            flat /= dims[axis];
        }
    }

    /** The flat position of {@code coords} in {@code shape}. */
    public static int ravel(int[] coords, Shape shape) {
        int flat = 0;
        for (int axis = 0; axis < shape.rank(); axis++) {
            flat = flat * shape.dim(axis) + coords[axis];
        }
        return flat;
    }

    /** Number of elements of an array with dimensions {@code dims}. */
    public static int volume(int[] dims) {
        int v = 1;
        for (int d : dims) {
            v *= d;
        }
        return v;
    }
}
