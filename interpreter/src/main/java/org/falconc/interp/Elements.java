package org.falconc.interp;

import org.falconc.ir.Tensor;

/**
 * Typed element writes for the reference kernels (reads use {@link Tensor#getDouble} and
 * {@link Tensor#getLong}). Conversions follow C casts: floats truncate toward zero when stored
 * into integers, i64 values wrap when stored into i32, and any non-zero value stores as true.
 */
public final class Elements {
    private Elements() {
    }

    public static void setDouble(Tensor t, int i, double v) {
        switch (t.dtype()) {
            case F32 -> t.floats()[i] = (float) v;
            case I64 -> t.longs()[i] = (long) v;
            case I32 -> t.ints()[i] = (int) (long) v;
            case BOOL -> t.bools()[i] = v != 0;
        }
    }

    public static void setLong(Tensor t, int i, long v) {
        switch (t.dtype()) {
            case F32 -> t.floats()[i] = (float) v;
            case I64 -> t.longs()[i] = v;
            case I32 -> t.ints()[i] = (int) v;
            case BOOL -> t.bools()[i] = v != 0;
        }
    }

    /** Copies element {@code si} of {@code src} to element {@code di} of {@code dst} (same element type). */
    public static void copy(Tensor src, int si, Tensor dst, int di) {
        switch (src.dtype()) {
            case F32 -> dst.floats()[di] = src.floats()[si];
            case I64 -> dst.longs()[di] = src.longs()[si];
            case I32 -> dst.ints()[di] = src.ints()[si];
            case BOOL -> dst.bools()[di] = src.bools()[si];
        }
    }
}
