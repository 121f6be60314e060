package org.falconc.ir.ops.fused;

import java.util.List;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;

/**
 * DecomposedConv: X, W, optional B, optional residual Z, mask M of X -> Y [, mask of Y]. Y is
 * exactly FusedConv's; the convolution is computed unit by unit (unit_channels input channels x
 * unit_pixels output pixels), skipping units dead in M (docs/sparsity.md). Only 1-D/2-D convolutions
 * with constant weights that are not depthwise are valid; M must be bool[N, C, ceil(Q_in /
 * input_mask_block)].
 */
public final class DecomposedConvInference {
    public static final String OP = "DecomposedConv";
    /** Input index of the residual Z. */
    public static final int RESIDUAL = 3;
    /** Input index of the input mask M. */
    public static final int MASK = 4;

    private DecomposedConvInference() {
    }

    public static List<TensorType> infer(Node node) {
        if (!node.hasInput(MASK)) {
            throw Infer.fail(node, "input " + MASK + " (the mask M of X) is missing");
        }
        TensorType y = FusedConvInference.inferY(node);
        Shape x = Infer.inputShape(node, 0);
        Shape w = Infer.inputShape(node, 1);
        if (x.rank() != 3 && x.rank() != 4) {
            throw Infer.fail(node, "only 1-D and 2-D convolutions can be decomposed, input X is " + x);
        }
        if (node.input(1).constant() == null) {
            throw Infer.fail(node, "weights W (%" + node.input(1).name() + ") must be a constant");
        }
        int group = (int) node.attrs().getInt("group", 1);
        if (group > 1 && w.dim(1) == 1) {
            throw Infer.fail(node, "a depthwise convolution (group " + group + ", one input channel per group) "
                    + "cannot be decomposed");
        }
        SparseAttrs.requiredPositiveInt(node, SparseAttrs.UNIT_CHANNELS);
        SparseAttrs.requiredPositiveInt(node, SparseAttrs.UNIT_PIXELS);
        int inputBlock = SparseAttrs.requiredPositiveInt(node, SparseAttrs.INPUT_MASK_BLOCK);
        SparseAttrs.optionalFraction(node, SparseAttrs.EXPECTED_LIVE);
        SparseAttrs.optionalCount(node, SparseAttrs.DENSE_MACS);
        SparseAttrs.optionalCount(node, SparseAttrs.EXPECTED_MACS);
        TensorType m = Infer.inputType(node, MASK);
        TensorType expected = SparseAttrs.maskType(x, inputBlock);
        if (!m.equals(expected)) {
            throw Infer.fail(node, "mask M must be " + expected + " (the mask of X " + x + " with input_mask_block "
                    + inputBlock + "), got " + m);
        }
        return SparseAttrs.withMaskOutput(node, y);
    }
}
