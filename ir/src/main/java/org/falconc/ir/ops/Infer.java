package org.falconc.ir.ops;

import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;

/** Shared helpers for type-inference functions; every error names the node. */
public final class Infer {
    private Infer() {
    }

    public static IrException fail(Node node, String message) {
        return IrException.atNode(node, message);
    }

    /** The type of input {@code i}; throws when the input is absent or its type is not known yet. */
    public static TensorType inputType(Node node, int i) {
        Value v = node.input(i);
        if (v == null) {
            throw fail(node, "input " + i + " is missing");
        }
        if (!v.hasType()) {
            throw fail(node, "type of input %" + v.name() + " is not known (run type inference in order)");
        }
        return v.type();
    }

    /** The shape of input {@code i}. */
    public static Shape inputShape(Node node, int i) {
        return inputType(node, i).shape();
    }

    /** The constant data of input {@code i}, or null when absent or not a constant. */
    public static Tensor constant(Node node, int i) {
        Value v = node.input(i);
        return v == null ? null : v.constant();
    }

    /** The constant data of input {@code i}; throws {@link NotStaticException} when it is not a constant. */
    public static Tensor requireConstant(Node node, int i, String role) {
        Value v = node.input(i);
        if (v == null) {
            throw fail(node, "input '" + role + "' is missing");
        }
        if (v.constant() == null) {
            throw new NotStaticException(node, i, role);
        }
        return v.constant();
    }

    /** Requires input {@code i} to have element type {@code t}. */
    public static void requireDType(Node node, int i, DType t) {
        TensorType tt = inputType(node, i);
        if (tt.dtype() != t) {
            throw fail(node, "input " + i + " must be " + t + ", got " + tt);
        }
    }

    /** Numpy-style multidirectional broadcasting of the given shapes. */
    public static Shape broadcast(Node node, List<Shape> shapes) {
        int rank = 0;
        for (Shape s : shapes) {
            rank = Math.max(rank, s.rank());
        }
        int[] out = new int[rank];
        java.util.Arrays.fill(out, 1);
        for (Shape s : shapes) {
            int off = rank - s.rank();
            for (int i = 0; i < s.rank(); i++) {
                int d = s.dim(i);
                int o = out[off + i];
                if (o == 1) {
                    out[off + i] = d;
                } else if (d != 1 && d != o) {
                    throw fail(node, "shapes " + shapes + " cannot be broadcast together");
                }
            }
        }
        return Shape.of(out);
    }

    /** A single output of type {@code t}. */
    public static List<TensorType> one(TensorType t) {
        return List.of(t);
    }
}
