package org.falconc.ir.ops.fused;

import java.util.Arrays;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.Infer;

/**
 * The activations a fused op (FusedConv, FusedGemm) applies in its epilogue: the attribute
 * spelling, the parameters each one takes, and the scalar function. Schemas, reference kernels and
 * the fusion pass all read them from here, so they cannot disagree. Each function is the one the
 * interpreter's kernel of the unfused ONNX op computes, so fused and unfused graphs agree.
 */
public enum Activation {
    NONE("", 0),
    RELU("Relu", 0),
    /** params [min, max]: min(max(x, min), max). */
    CLIP("Clip", 2),
    /** params [alpha]: x < 0 ? alpha * x : x. */
    LEAKY_RELU("LeakyRelu", 1),
    HARD_SWISH("HardSwish", 0),
    SIGMOID("Sigmoid", 0),
    /** params [alpha]: x > alpha ? x : 0 (ONNX ThresholdedRelu). */
    THRESHOLDED_RELU("ThresholdedRelu", 1);

    /** Attribute naming the activation (a string, absent = none). */
    public static final String ATTRIBUTE = "activation";
    /** Attribute holding the activation's parameters (floats, absent = none). */
    public static final String PARAMS_ATTRIBUTE = "activation_params";

    private static final float LEAKY_RELU_DEFAULT_ALPHA = 0.01f;
    private static final float THRESHOLDED_RELU_DEFAULT_ALPHA = 1.0f;

    private final String attributeValue;
    private final int paramCount;

    Activation(String attributeValue, int paramCount) {
        this.attributeValue = attributeValue;
        this.paramCount = paramCount;
    }

    /** The value of the {@code activation} attribute, which is also the ONNX op it fuses ("" for none). */
    public String attributeValue() {
        return attributeValue;
    }

    public int paramCount() {
        return paramCount;
    }

    /** The activation whose attribute value is {@code name}, or null when there is none. */
    public static Activation named(String name) {
        for (Activation a : values()) {
            if (a.attributeValue.equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** The activation of a fused node; throws naming the node when the attribute is not a known one. */
    public static Activation of(Node fused) {
        String name = fused.attrs().getString(ATTRIBUTE, "");
        Activation a = named(name);
        if (a == null) {
            throw Infer.fail(fused, "unknown activation '" + name + "' (expected one of \"\", Relu, Clip, "
                    + "LeakyRelu, HardSwish, Sigmoid, ThresholdedRelu)");
        }
        return a;
    }

    /** The validated parameters of a fused node's activation: as many as it takes, none NaN. */
    public float[] params(Node fused) {
        float[] p = fused.attrs().getFloats(PARAMS_ATTRIBUTE, new float[0]);
        if (p.length != paramCount) {
            throw Infer.fail(fused, "activation '" + attributeValue + "' takes " + paramCount
                    + " activation_params, got " + Arrays.toString(p));
        }
        for (float v : p) {
            if (Float.isNaN(v)) {
                throw Infer.fail(fused, "activation_params " + Arrays.toString(p) + " must not be NaN");
            }
        }
        return p;
    }

    /** The activation applied to one element, in double as the unfused kernels compute it. */
    public double apply(double x, float[] params) {
        return switch (this) {
            case NONE -> x;
            case RELU -> Math.max(x, 0);
            case CLIP -> Math.min(Math.max(x, params[0]), params[1]);
            case LEAKY_RELU -> x < 0 ? params[0] * (double) x : x;
            case HARD_SWISH -> x * Math.max(0, Math.min(1, x / 6 + 0.5));
            case SIGMOID -> sigmoid(x);
            case THRESHOLDED_RELU -> x > params[0] ? x : 0;
        };
    }

    /**
     * Whether this activation, with {@code params}, maps every input at or below zero to exactly 0
     * (an exact-zero producer whose output a mask describes well): Relu, ThresholdedRelu with
     * alpha >= 0, Clip with min exactly 0.
     */
    public boolean producesExactZeros(float[] params) {
        return switch (this) {
            case RELU -> true;
            case THRESHOLDED_RELU -> params.length == 1 && params[0] >= 0;
            case CLIP -> params.length == 2 && params[0] == 0;
            default -> false;
        };
    }

    private static double sigmoid(double x) {
        // written so that exp never overflows
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /**
     * The activation an ONNX node computes, if a fused op can take it over: Relu, LeakyRelu,
     * HardSwish, Sigmoid, ThresholdedRelu (not NaN alpha), and Clip whose present bounds are constant f32 scalars. Null otherwise.
     */
    public static Activation ofOnnxNode(Node n) {
        if (n.numOutputs() != 1 || n.op().isEmpty()) {
            return null;
        }
        Activation a = named(n.op());
        if (a == null || (a == CLIP && onnxClipBounds(n) == null)
                || (a == THRESHOLDED_RELU && Float.isNaN(n.attrs().getFloat("alpha", THRESHOLDED_RELU_DEFAULT_ALPHA)))) {
            return null;
        }
        return a;
    }

    /** The fused parameters of an ONNX activation node accepted by {@link #ofOnnxNode}. */
    public float[] paramsOfOnnxNode(Node n) {
        return switch (this) {
            case CLIP -> onnxClipBounds(n);
            case LEAKY_RELU -> new float[] {n.attrs().getFloat("alpha", LEAKY_RELU_DEFAULT_ALPHA)};
            case THRESHOLDED_RELU -> new float[] {n.attrs().getFloat("alpha", THRESHOLDED_RELU_DEFAULT_ALPHA)};
            default -> new float[0];
        };
    }

    /** [min, max] of an ONNX Clip with constant bounds (an absent bound is infinite), or null. */
    private static float[] onnxClipBounds(Node clip) {
        float[] bounds = {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
        for (int i = 1; i <= 2; i++) {
            if (!clip.hasInput(i)) {
                continue;
            }
            Tensor t = clip.input(i).constant();
            if (t == null || t.isElided() || t.dtype() != org.falconc.ir.DType.F32 || t.numElements() != 1
                    || Float.isNaN(t.floats()[0])) {
                return null;
            }
            bounds[i - 1] = t.floats()[0];
        }
        return bounds;
    }
}
