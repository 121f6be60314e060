package org.falconc.runtime;

/**
 * The fused activations ({@link Epilogue} codes) written from their ONNX operator definitions, in
 * double, independently of {@link Epilogue#apply}: the kernels' stores are checked against this, not
 * against the runtime's own scalar function.
 */
public final class ActivationReference {
    private ActivationReference() {
    }

    /** The activation {@code act} with parameters {@code p0, p1} (Clip: min, max; LeakyRelu, ThresholdedRelu: alpha). */
    public static double apply(int act, double p0, double p1, double x) {
        if (act == Epilogue.THRESHOLDED_RELU) {
            // "x for x > alpha, 0 otherwise": NaN is not greater, so it gives 0
            return x > p0 ? x : 0.0;
        }
        if (Double.isNaN(x)) {
            return x; // every other activation propagates NaN
        }
        return switch (act) {
            case Epilogue.NONE -> x;
            case Epilogue.RELU -> x < 0 ? 0.0 : x;
            case Epilogue.LEAKY_RELU -> x < 0 ? p0 * x : x;
            case Epilogue.CLIP -> x < p0 ? p0 : x > p1 ? p1 : x;
            // x * max(0, min(1, x/6 + 1/2)) with the gate's three pieces spelled out (-inf * 0 stays NaN)
            case Epilogue.HARD_SWISH -> x * (x <= -3 ? 0.0 : x >= 3 ? 1.0 : (x + 3) / 6);
            case Epilogue.SIGMOID -> x < 0 ? Math.exp(x) / (1 + Math.exp(x)) : 1 / (1 + Math.exp(-x));
            default -> throw new IllegalArgumentException("no reference for activation " + act);
        };
    }

    /**
     * A Lipschitz constant of the activation on the reals: how much an error in its argument can grow
     * (ThresholdedRelu has a jump at alpha, which {@link KernelTolerance} treats separately).
     */
    public static double lipschitz(int act, double p0) {
        return switch (act) {
            case Epilogue.LEAKY_RELU -> Math.max(1, Math.abs(p0));
            case Epilogue.HARD_SWISH -> 1.5; // slope x/3 + 1/2 on [-3, 3]
            case Epilogue.SIGMOID -> 0.25;
            default -> 1;
        };
    }
}
