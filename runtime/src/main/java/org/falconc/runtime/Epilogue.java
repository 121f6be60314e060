package org.falconc.runtime;

/**
 * Activations fused into the store of a producing kernel (conv, gemm):
 * {@code y = act(acc + bias[channel] + residual)}. Codes are the {@code int activation} argument of
 * kernels; {@code p0, p1} are its parameters (Clip: min, max; LeakyRelu, ThresholdedRelu: alpha; others: unused).
 */
public final class Epilogue {

    public static final int NONE = 0;
    public static final int RELU = 1;
    /** min(max(v, p0), p1). */
    public static final int CLIP = 2;
    /** v >= 0 ? v : p0 * v. */
    public static final int LEAKY_RELU = 3;
    /** v * clip(v / 6 + 0.5, 0, 1), as ONNX HardSwish. */
    public static final int HARD_SWISH = 4;
    /** 1 / (1 + exp(-v)). */
    public static final int SIGMOID = 5;
    /** v > p0 ? v : 0, as ONNX ThresholdedRelu (alpha = p0); NaN gives 0. */
    public static final int THRESHOLDED_RELU = 6;

    private Epilogue() {
    }

    public static float apply(int act, float p0, float p1, float v) {
        switch (act) {
            case NONE:
                return v;
            case RELU:
                return Math.max(v, 0f);
            case CLIP:
                return Math.min(Math.max(v, p0), p1);
            case LEAKY_RELU:
                return v >= 0f ? v : p0 * v;
            case HARD_SWISH:
                return v * Math.min(Math.max(v * (1f / 6f) + 0.5f, 0f), 1f);
            case SIGMOID:
                return (float) (1.0 / (1.0 + Math.exp(-v)));
            case THRESHOLDED_RELU:
                return v > p0 ? v : 0f;
            default:
                throw new IllegalArgumentException("unknown activation code " + act);
        }
    }

    /** Applies {@code act} in place to {@code y[off, off + n)}. */
    public static void applyInPlace(int act, float p0, float p1, float[] y, int off, int n) {
        if (act == NONE) {
            return;
        }
        for (int i = off, end = off + n; i < end; i++) {
            y[i] = apply(act, p0, p1, y[i]);
        }
    }
}
