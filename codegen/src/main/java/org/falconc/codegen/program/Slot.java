package org.falconc.codegen.program;

import org.falconc.ir.DType;

/**
 * Where a tensor lives while the model runs. Every slot is one JVM array plus an element offset;
 * {@link Arg.Buffer} passes it to a kernel as those two arguments.
 */
public sealed interface Slot {
    /** Element type, which decides the array type ({@code float[]}, {@code long[]}, {@code int[]}, {@code boolean[]}). */
    DType dtype();

    /** Number of elements. */
    int length();

    /** First element within the array. */
    default int offset() {
        return 0;
    }

    /** {@code [offset, offset + length)} of the per-call scratch arena of element type {@code dtype}. */
    record Arena(DType dtype, int offset, int length) implements Slot {
        public Arena {
            if (offset < 0 || length < 0) {
                throw new IllegalArgumentException("arena slot " + offset + "+" + length);
            }
        }
    }

    /**
     * {@code [offset, offset + length)} of the caller's array of graph input {@code index} (of its
     * element type, read only); the offset is not 0 for a part of the input (a Split output).
     */
    record Input(int index, DType dtype, int offset, int length) implements Slot {
    }

    /**
     * {@code [offset, offset + length)} of the array returned for graph output {@code index}, allocated
     * before the first layer runs; the offset is not 0 for a part of the output (a Concat input).
     */
    record Output(int index, DType dtype, int offset, int length) implements Slot {
    }

    /** Constant {@code index} of {@link Program#weights()}, loaded when the model is constructed (read only). */
    record Weight(int index, DType dtype, int length) implements Slot {
    }
}
