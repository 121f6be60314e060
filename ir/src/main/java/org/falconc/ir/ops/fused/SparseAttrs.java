package org.falconc.ir.ops.fused;

import org.falconc.ir.Attribute;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;

/**
 * Attribute names and shared checks of FalCon-style sparse execution (docs/sparsity.md): the mask
 * outputs of FusedConv / DecomposedConv, ActivationMask and the units of DecomposedConv.
 */
public final class SparseAttrs {
    /** Block (pixels) of a node's output mask; present = the node has a second output, the mask. */
    public static final String MASK_BLOCK = "mask_block";
    /** Block of ActivationMask. */
    public static final String BLOCK = "block";
    public static final String UNIT_CHANNELS = "unit_channels";
    public static final String UNIT_PIXELS = "unit_pixels";
    /** Block of the input mask M a DecomposedConv reads. */
    public static final String INPUT_MASK_BLOCK = "input_mask_block";
    /** Informational: the expected fraction of live units. */
    public static final String EXPECTED_LIVE = "expected_live";
    /** Informational: the convolution's MACs when run densely. */
    public static final String DENSE_MACS = "dense_macs";
    /** Informational: the MACs expected when run sparsely. */
    public static final String EXPECTED_MACS = "expected_macs";

    private SparseAttrs() {
    }

    /** The value of an int attribute that must be > 0, or 0 when absent. */
    public static int positiveInt(Node node, String name) {
        if (!node.attrs().has(name)) {
            return 0;
        }
        long v = node.attrs().getInt(name);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw Infer.fail(node, "attribute '" + name + "' must be a positive int, got " + v);
        }
        return (int) v;
    }

    /** The value of a required int attribute that must be > 0. */
    public static int requiredPositiveInt(Node node, String name) {
        if (!node.attrs().has(name)) {
            throw Infer.fail(node, "attribute '" + name + "' is required");
        }
        return positiveInt(node, name);
    }

    /** The {@code mask_block} of a FusedConv / DecomposedConv (0: no mask output). */
    public static int maskBlock(Node node) {
        return positiveInt(node, MASK_BLOCK);
    }

    /** Number of pixels (product of the spatial dims) of a tensor [N, C, spatial...]. */
    public static int pixels(Shape s) {
        int q = 1;
        for (int a = 2; a < s.rank(); a++) {
            q *= s.dim(a);
        }
        return q;
    }

    /** The type of the mask of a tensor of shape {@code s} [N, C, spatial...] with block {@code block}. */
    public static TensorType maskType(Shape s, int block) {
        int nb = (int) ((pixels(s) + (long) block - 1) / block);
        return new TensorType(DType.BOOL, Shape.of(s.dim(0), s.dim(1), nb));
    }

    /**
     * Checks that the node has a second output exactly when it has {@code mask_block} and returns
     * the types: {@code y}, then the mask type when there is a mask.
     */
    public static java.util.List<TensorType> withMaskOutput(Node node, TensorType y) {
        int block = maskBlock(node);
        if (block == 0) {
            if (node.numOutputs() > 1) {
                throw Infer.fail(node, "a second output (the mask) needs attribute '" + MASK_BLOCK + "'");
            }
            return Infer.one(y);
        }
        if (node.numOutputs() != 2) {
            throw Infer.fail(node, "attribute '" + MASK_BLOCK + "' needs a second output (the mask), got "
                    + node.numOutputs() + " outputs");
        }
        return java.util.List.of(y, maskType(y.shape(), block));
    }

    /** Checks an optional float attribute in [0, 1]. */
    static void optionalFraction(Node node, String name) {
        Attribute a = node.attrs().get(name);
        if (a == null) {
            return;
        }
        float v = node.attrs().getFloat(name);
        if (!(v >= 0 && v <= 1)) {
            throw Infer.fail(node, "attribute '" + name + "' must be in [0, 1], got " + v);
        }
    }

    /** Checks an optional int attribute >= 0. */
    static void optionalCount(Node node, String name) {
        if (!node.attrs().has(name)) {
            return;
        }
        long v = node.attrs().getInt(name);
        if (v < 0) {
            throw Infer.fail(node, "attribute '" + name + "' must not be negative, got " + v);
        }
    }
}
