package org.falconc.interp.tensor;

import org.falconc.ir.Shape;

/** Conversions between flat (row-major) element positions and per-axis coordinates. */
final class MultiIndex {
    private MultiIndex() {
    }

    /** Writes the coordinates of flat position {@code flat} in {@code shape} into {@code coords}. */
    static void unravel(int flat, Shape shape, int[] coords) {
        for (int axis = shape.rank() - 1; axis >= 0; axis--) {
            int d = shape.dim(axis);
            coords[axis] = flat % d;
            flat /= d;
        }
    }

    /** The flat position of {@code coords} in {@code shape}. */
    static int ravel(int[] coords, Shape shape) {
        int flat = 0;
        for (int axis = 0; axis < shape.rank(); axis++) {
            flat = flat * shape.dim(axis) + coords[axis];
        }
        return flat;
    }
}
