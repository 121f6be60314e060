package org.falconc.ir.ops.nn;

import java.util.Arrays;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;

/** Input checks the neural-network ops share; every error names the node. */
public final class NnChecks {
    private NnChecks() {
    }

    /** The shape of f32 input {@code i} named {@code role}, whose rank must be at least {@code minRank}. */
    public static Shape floatInput(Node node, int i, String role, int minRank) {
        TensorType t = Infer.inputType(node, i);
        if (t.dtype() != DType.F32) {
            throw Infer.fail(node, "input '" + role + "' must be f32, got " + t);
        }
        if (t.rank() < minRank) {
            throw Infer.fail(node, "input '" + role + "' must have rank >= " + minRank + ", got " + t);
        }
        return t.shape();
    }

    /** Requires f32 input {@code i} (if present) to be a vector of {@code length} elements. */
    public static void floatVector(Node node, int i, String role, int length) {
        TensorType t = Infer.inputType(node, i);
        if (t.dtype() != DType.F32 || t.rank() != 1 || t.shape().dim(0) != length) {
            throw Infer.fail(node, "input '" + role + "' must be f32[" + length + "], got " + t);
        }
    }

    /** The spatial dimensions (all after batch and channel) of an N x C x D1 x ... shape. */
    public static int[] spatial(Shape s) {
        return Arrays.copyOfRange(s.dims(), 2, s.rank());
    }

    /** {@code [n, c, spatial...]}. */
    public static Shape batchChannelSpatial(int n, int c, int[] spatial) {
        int[] d = new int[spatial.length + 2];
        d[0] = n;
        d[1] = c;
        System.arraycopy(spatial, 0, d, 2, spatial.length);
        return Shape.of(d);
    }

    /** Requires the optional kernel_shape attribute, when present, to equal the weight's spatial dimensions. */
    public static void kernelShapeMatches(Node node, int[] weightSpatial) {
        long[] ks = node.attrs().getInts("kernel_shape", null);
        if (ks == null) {
            return;
        }
        boolean same = ks.length == weightSpatial.length;
        for (int i = 0; same && i < ks.length; i++) {
            same = ks[i] == weightSpatial[i];
        }
        if (!same) {
            throw Infer.fail(node, "attribute 'kernel_shape' " + Arrays.toString(ks)
                    + " does not match the weight's spatial dimensions " + Arrays.toString(weightSpatial));
        }
    }
}
