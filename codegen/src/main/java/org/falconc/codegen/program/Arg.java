package org.falconc.codegen.program;

import java.util.Arrays;
import org.falconc.ir.DType;

/**
 * One argument of a {@link KernelCall}. Its JVM type is fixed by the kind (and, for buffers, the
 * element type), so a call's descriptor follows from its arguments.
 */
public sealed interface Arg {
    /** Internal name of the per-call context type kernels receive. */
    String EXECUTION_CONTEXT = "org/falconc/runtime/parallel/ExecutionContext";

    /** The JVM descriptor of the argument (two types for a buffer: array and offset). */
    String descriptor();

    record IntArg(int value) implements Arg {
        public String descriptor() {
            return "I";
        }
    }

    record LongArg(long value) implements Arg {
        public String descriptor() {
            return "J";
        }
    }

    record FloatArg(float value) implements Arg {
        public String descriptor() {
            return "F";
        }
    }

    record BoolArg(boolean value) implements Arg {
        public String descriptor() {
            return "Z";
        }
    }

    /** An {@code int[]} constant, emitted once as a {@code static final int[]} of the class. */
    record IntsArg(int[] values) implements Arg {
        public IntsArg {
            values = values.clone();
        }

        @Override
        public int[] values() {
            return values.clone();
        }

        public String descriptor() {
            return "[I";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IntsArg a && Arrays.equals(values, a.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "IntsArg" + Arrays.toString(values);
        }
    }

    /** A {@code float[]} constant, emitted once as a {@code static final float[]} of the class. */
    record FloatsArg(float[] values) implements Arg {
        public FloatsArg {
            values = values.clone();
        }

        @Override
        public float[] values() {
            return values.clone();
        }

        public String descriptor() {
            return "[F";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FloatsArg a && Arrays.equals(values, a.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "FloatsArg" + Arrays.toString(values);
        }
    }

    /** A tensor: the slot's array and its element offset. */
    record Buffer(Slot slot) implements Arg {
        public String descriptor() {
            return arrayDescriptor(slot.dtype()) + "I";
        }
    }

    /** An absent optional tensor of element type {@code dtype}: {@code null, 0}. */
    record Null(DType dtype) implements Arg {
        public String descriptor() {
            return arrayDescriptor(dtype) + "I";
        }
    }

    /**
     * A whole array without an offset, for kernels that take per-channel constants that way (e.g. a
     * bias {@code float[]}); the slot must start at element 0 of its array (a weight).
     */
    record Array(Slot slot) implements Arg {
        public Array {
            if (slot.offset() != 0) {
                throw new IllegalArgumentException("an array argument needs a slot at offset 0, got " + slot);
            }
        }

        public String descriptor() {
            return arrayDescriptor(slot.dtype());
        }
    }

    /** An absent {@link Array}: {@code null}. */
    record NullArray(DType dtype) implements Arg {
        public String descriptor() {
            return arrayDescriptor(dtype);
        }
    }

    /** Packed weight {@code index} of {@link Program#packed()}, an object of runtime class {@code type} (internal name). */
    record Packed(int index, String type) implements Arg {
        public String descriptor() {
            return "L" + type + ";";
        }
    }

    /** The per-call {@code ExecutionContext}. */
    record Context() implements Arg {
        public String descriptor() {
            return "L" + EXECUTION_CONTEXT + ";";
        }
    }

    /** {@code [F}, {@code [J}, {@code [I} or {@code [Z}. */
    static String arrayDescriptor(DType dtype) {
        return switch (dtype) {
            case F32 -> "[F";
            case I64 -> "[J";
            case I32 -> "[I";
            case BOOL -> "[Z";
        };
    }
}
