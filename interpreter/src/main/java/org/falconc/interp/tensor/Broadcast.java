package org.falconc.interp.tensor;

import org.falconc.interp.MultiIndex;
import org.falconc.ir.Shape;

/**
 * Numpy broadcasting for the reference kernels: maps each element of the (broadcast) output to the
 * element of one input that feeds it. Shapes are aligned at the trailing axis; an input axis of
 * size 1 (or a missing leading axis) repeats its single element.
 */
public final class Broadcast {
    private Broadcast() {
    }

    /**
     * For every flat position of {@code out}, the flat position in {@code in} that broadcasting
     * reads. {@code in} must broadcast to {@code out} (checked by type inference).
     */
    public static int[] sourceIndices(Shape out, Shape in) {
        int offset = out.rank() - in.rank();
        if (offset < 0) {
            throw new IllegalArgumentException(in + " does not broadcast to " + out);
        }
        int n = out.numElements();
        int[] map = new int[n];
        int[] outCoords = new int[out.rank()];
        int[] inCoords = new int[in.rank()];
        for (int flat = 0; flat < n; flat++) {
            MultiIndex.unravel(flat, out, outCoords);
            for (int axis = 0; axis < in.rank(); axis++) {
                int d = in.dim(axis);
                if (d != 1 && d != out.dim(axis + offset)) {
                    throw new IllegalArgumentException(in + " does not broadcast to " + out);
                }
                inCoords[axis] = d == 1 ? 0 : outCoords[axis + offset];
            }
            map[flat] = MultiIndex.ravel(inCoords, in);
        }
        return map;
    }
}
