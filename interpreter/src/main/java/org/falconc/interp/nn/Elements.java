package org.falconc.interp.nn;

import org.falconc.ir.Tensor;

/** Element moves between tensors of the same element type, for the data-movement kernels (Pad, DepthToSpace). */
final class Elements {
    private Elements() {
    }

    /** {@code dst[di] = src[si]}. */
    static void copy(Tensor src, int si, Tensor dst, int di) {
        switch (src.dtype()) {
            case F32 -> dst.floats()[di] = src.floats()[si];
            case I64 -> dst.longs()[di] = src.longs()[si];
            case I32 -> dst.ints()[di] = src.ints()[si];
            case BOOL -> dst.bools()[di] = src.bools()[si];
        }
    }
}
