package org.falconc.codegen.memory;

import org.falconc.ir.DType;

/**
 * A buffer the arena must hold from step {@code first} (the layer that writes it) to step
 * {@code last} (the last layer that reads it), both inclusive: a layer's output never shares memory
 * with its live inputs unless they are the same buffer (in place).
 *
 * @param id     the caller's key for the buffer
 * @param dtype  arena the buffer lives in
 * @param length elements
 */
public record BufferLifetime(int id, DType dtype, int length, int first, int last) {
    public BufferLifetime {
        if (length < 0 || first > last) {
            throw new IllegalArgumentException("buffer " + id + ": length " + length + ", steps " + first + ".." + last);
        }
    }

    /** Whether both buffers are live at some common step. */
    public boolean overlapsInTime(BufferLifetime o) {
        return first <= o.last && o.first <= last;
    }
}
