package org.falconc.codegen.lower.ops;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.ir.Node;
import org.falconc.runtime.Epilogue;
import org.falconc.runtime.ops.UnaryOp;

/**
 * The fused activation of a FusedConv / FusedGemm node ({@code activation}, {@code activation_params})
 * as the runtime's epilogue code and parameters.
 */
record Activation(String name, int code, float p0, float p1) {
    static final Activation NONE = new Activation("", Epilogue.NONE, 0, 0);

    /** The node's activation; NONE for unfused ops. */
    static Activation of(Node node, LayerBuilder layer) {
        String name = node.attrs().getString("activation", "");
        int code;
        try {
            code = Epilogue.code(name);
        } catch (IllegalArgumentException e) {
            throw layer.unsupported(e.getMessage());
        }
        float[] params = node.attrs().getFloats("activation_params", new float[0]);
        float p0 = 0;
        float p1 = 0;
        switch (code) {
            case Epilogue.CLIP -> {
                p0 = params.length > 0 ? params[0] : Float.NEGATIVE_INFINITY;
                p1 = params.length > 1 ? params[1] : Float.POSITIVE_INFINITY;
            }
            case Epilogue.LEAKY_RELU -> p0 = params.length > 0 ? params[0] : 0.01f;
            case Epilogue.THRESHOLDED_RELU -> p0 = params.length > 0 ? params[0] : 1f;
            default -> { }
        }
        return new Activation(name, code, p0, p1);
    }

    boolean isNone() {
        return code == Epilogue.NONE;
    }

    /** The same function as a {@code Unary} op code, for kernels without an epilogue. */
    int unaryCode() {
        return switch (code) {
            case Epilogue.RELU -> UnaryOp.RELU;
            case Epilogue.CLIP -> UnaryOp.CLIP;
            case Epilogue.LEAKY_RELU -> UnaryOp.LEAKY_RELU;
            case Epilogue.HARD_SWISH -> UnaryOp.HARD_SWISH;
            case Epilogue.SIGMOID -> UnaryOp.SIGMOID;
            case Epilogue.THRESHOLDED_RELU -> UnaryOp.THRESHOLDED_RELU;
            default -> UnaryOp.IDENTITY;
        };
    }

    @Override
    public String toString() {
        return name.isEmpty() ? "" : " + " + name;
    }
}
