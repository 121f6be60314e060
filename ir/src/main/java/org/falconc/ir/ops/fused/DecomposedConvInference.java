package org.falconc.ir.ops.fused;

import java.util.List;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.layout.ChannelsLast;

/**
 * DecomposedConv: X, W, optional B, optional residual Z, bitmap BITS of X -> Y. Y is exactly
 * FusedConvNhwc's (X, Z, Y channels-last); the convolution is the sum over its taps of 1x1 products,
 * and each product of one input activation is skipped when BITS says that activation is zero
 * (docs/sparsity.md). Only 2-D convolutions with constant weights that are not depthwise are valid;
 * BITS must be {@link SparseAttrs#bitsType} of X.
 */
public final class DecomposedConvInference {
    public static final String OP = "DecomposedConv";
    /** Input index of the residual Z. */
    public static final int RESIDUAL = 3;
    /** Input index of the bitmap of X. */
    public static final int BITS = 4;

    private DecomposedConvInference() {
    }

    public static List<TensorType> infer(Node node) {
        if (!node.hasInput(BITS)) {
            throw Infer.fail(node, "input " + BITS + " (the bitmap of X) is missing");
        }
        TensorType y = ChannelsLast.inferAs("FusedConvNhwc", node, BITS);
        Shape x = Infer.inputShape(node, 0);
        Shape w = Infer.inputShape(node, 1);
        if (node.input(1).constant() == null) {
            throw Infer.fail(node, "weights W (%" + node.input(1).name() + ") must be a constant");
        }
        int group = (int) node.attrs().getInt("group", 1);
        if (group > 1 && w.dim(1) == 1) {
            throw Infer.fail(node, "a depthwise convolution (group " + group + ", one input channel per group) "
                    + "cannot be decomposed");
        }
        SparseAttrs.optionalFraction(node, SparseAttrs.BREAK_EVEN);
        SparseAttrs.optionalFraction(node, SparseAttrs.EXPECTED_ZEROS);
        TensorType bits = Infer.inputType(node, BITS);
        TensorType expected = SparseAttrs.bitsType(x);
        if (!bits.equals(expected)) {
            throw Infer.fail(node, "bitmap BITS must be " + expected + " (the bitmap of X " + x + "), got " + bits);
        }
        return Infer.one(y);
    }
}
