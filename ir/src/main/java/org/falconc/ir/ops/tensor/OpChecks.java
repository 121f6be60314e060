package org.falconc.ir.ops.tensor;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;

/**
 * Validation helpers shared by the tensor-op schemas (and by the reference kernels, which resolve
 * axes and shape arguments the same way). Every failure is an {@link org.falconc.ir.IrException}
 * naming the node.
 */
public final class OpChecks {
    public static final Set<DType> F32_ONLY = EnumSet.of(DType.F32);
    public static final Set<DType> INTEGERS = EnumSet.of(DType.I64, DType.I32);
    public static final Set<DType> NUMERIC = EnumSet.of(DType.F32, DType.I64, DType.I32);
    public static final Set<DType> BOOL_ONLY = EnumSet.of(DType.BOOL);
    public static final Set<DType> ANY = EnumSet.allOf(DType.class);

    private OpChecks() {
    }

    /** The type of input {@code i}, which must have one of the {@code allowed} element types. */
    public static TensorType inputOf(Node node, int i, Set<DType> allowed) {
        TensorType t = Infer.inputType(node, i);
        if (!allowed.contains(t.dtype())) {
            throw Infer.fail(node, "input " + i + " (%" + node.input(i).name() + ") must be "
                    + describe(allowed) + ", got " + t);
        }
        return t;
    }

    /** Requires inputs {@code a} and {@code b} to have the same element type. */
    public static void requireSameDType(Node node, int a, int b) {
        TensorType ta = Infer.inputType(node, a);
        TensorType tb = Infer.inputType(node, b);
        if (ta.dtype() != tb.dtype()) {
            throw Infer.fail(node, "inputs " + a + " and " + b + " must have the same element type, got "
                    + ta + " and " + tb);
        }
    }

    public static String describe(Set<DType> allowed) {
        if (allowed.size() == 1) {
            return allowed.iterator().next().text();
        }
        return allowed.stream().map(DType::text).collect(Collectors.joining(", ", "one of ", ""));
    }

    /** Normalises a possibly negative axis against {@code rank}. */
    public static int axis(Node node, long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw Infer.fail(node, "axis " + axis + " is out of range for rank " + rank
                    + " (expected " + -rank + ".." + (rank - 1) + ")");
        }
        return (int) a;
    }

    /** Normalises a list of axes against {@code rank}; repeated axes are an error. */
    public static int[] axes(Node node, long[] axes, int rank, String role) {
        int[] out = new int[axes.length];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < axes.length; i++) {
            out[i] = axis(node, axes[i], rank);
            if (seen[out[i]]) {
                throw Infer.fail(node, role + " " + java.util.Arrays.toString(axes) + " name axis " + out[i] + " twice");
            }
            seen[out[i]] = true;
        }
        return out;
    }

    /** The integers of a 1-D (or scalar) i64/i32 tensor argument such as axes, shape or repeats. */
    public static long[] integerVector(Node node, Tensor t, String role) {
        if (!t.dtype().isInteger()) {
            throw Infer.fail(node, "input '" + role + "' must be i64 or i32, got " + t.type());
        }
        if (t.shape().rank() > 1) {
            throw Infer.fail(node, "input '" + role + "' must be a 1-D tensor, got " + t.type());
        }
        return t.toLongArray();
    }

    /** The single element of a scalar (or one-element) tensor argument, as a double. */
    public static double scalarValue(Node node, Tensor t, String role) {
        if (t.numElements() != 1) {
            throw Infer.fail(node, "input '" + role + "' must hold exactly one element, got " + t.type());
        }
        return t.getDouble(0);
    }

    /** Requires input {@code i}, when present, to hold a single element (a scalar or a one-element tensor). */
    public static void requireSingleElement(Node node, int i, String role) {
        if (node.input(i) == null) {
            return;
        }
        Shape s = Infer.inputShape(node, i);
        if (s.numElements() != 1) {
            throw Infer.fail(node, "input '" + role + "' must be a scalar, got " + Infer.inputType(node, i));
        }
    }

    /** An int attribute that must be 0 or 1. */
    public static boolean flag(Node node, String name, boolean dflt) {
        long v = node.attrs().getInt(name, dflt ? 1 : 0);
        if (v != 0 && v != 1) {
            throw Infer.fail(node, "attribute '" + name + "' must be 0 or 1, got " + v);
        }
        return v == 1;
    }
}
