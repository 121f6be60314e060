package org.falconc.codegen.lower.ops;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.ir.FalconcException;
import org.falconc.ir.Node;
import org.falconc.runtime.Epilogue;
import org.falconc.runtime.ops.UnaryOp;

/**
 * The fused activation of a FusedConv / FusedGemm node (read through its one home,
 * {@link org.falconc.ir.ops.fused.Activation}) as the runtime's epilogue code and parameters.
 */
record Activation(org.falconc.ir.ops.fused.Activation kind, int code, float p0, float p1) {
    static final Activation NONE = new Activation(org.falconc.ir.ops.fused.Activation.NONE, Epilogue.NONE, 0, 0);

    /** The node's activation; NONE for unfused ops. */
    static Activation of(Node node, LayerBuilder layer) {
        org.falconc.ir.ops.fused.Activation kind;
        float[] params;
        try {
            kind = org.falconc.ir.ops.fused.Activation.of(node);
            params = kind.params(node);
        } catch (FalconcException e) {
            throw layer.unsupported(e.getMessage());
        }
        int code = switch (kind) {
            case NONE -> Epilogue.NONE;
            case RELU -> Epilogue.RELU;
            case CLIP -> Epilogue.CLIP;
            case LEAKY_RELU -> Epilogue.LEAKY_RELU;
            case HARD_SWISH -> Epilogue.HARD_SWISH;
            case SIGMOID -> Epilogue.SIGMOID;
            case THRESHOLDED_RELU -> Epilogue.THRESHOLDED_RELU;
        };
        return new Activation(kind, code, params.length > 0 ? params[0] : 0, params.length > 1 ? params[1] : 0);
    }

    boolean isNone() {
        return code == Epilogue.NONE;
    }

    /** The same function as a {@code Unary} op code, for kernels without an epilogue. */
    int unaryCode() {
        return switch (kind) {
            case NONE -> UnaryOp.IDENTITY;
            case RELU -> UnaryOp.RELU;
            case CLIP -> UnaryOp.CLIP;
            case LEAKY_RELU -> UnaryOp.LEAKY_RELU;
            case HARD_SWISH -> UnaryOp.HARD_SWISH;
            case SIGMOID -> UnaryOp.SIGMOID;
            case THRESHOLDED_RELU -> UnaryOp.THRESHOLDED_RELU;
        };
    }

    @Override
    public String toString() {
        return isNone() ? "" : " + " + kind.attributeValue();
    }
}
