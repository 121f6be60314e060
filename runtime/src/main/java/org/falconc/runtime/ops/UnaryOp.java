package org.falconc.runtime.ops;

import java.util.Map;

/**
 * Op codes of {@link Unary} and the scalar function of each: one table row per op. Float functions
 * are evaluated in double and rounded once to float, as the reference interpreter does, with the
 * op's attributes as parameters {@code p0, p1} (the lowering passes the ONNX defaults when an
 * attribute is absent). Integer functions (i64 and i32 data) exist for the ops ONNX allows on integers.
 *
 * <table>
 * <caption>parameters</caption>
 * <tr><td>LEAKY_RELU</td><td>p0 = alpha (0.01)</td></tr>
 * <tr><td>ELU, CELU</td><td>p0 = alpha (1)</td></tr>
 * <tr><td>SELU</td><td>p0 = alpha (1.6732632), p1 = gamma (1.0507010)</td></tr>
 * <tr><td>HARD_SIGMOID</td><td>p0 = alpha (0.2), p1 = beta (0.5)</td></tr>
 * <tr><td>THRESHOLDED_RELU</td><td>p0 = alpha (1)</td></tr>
 * <tr><td>CLIP</td><td>p0 = min, p1 = max (absent bound: -inf / +inf; integer data: Long.MIN/MAX_VALUE)</td></tr>
 * <tr><td>DIVIDE_BY</td><td>y = x / p0 (the last step of variadic Mean)</td></tr>
 * </table>
 */
public final class UnaryOp {
    public static final int IDENTITY = 0;
    public static final int RELU = 1;
    public static final int LEAKY_RELU = 2;
    public static final int ELU = 3;
    public static final int SELU = 4;
    public static final int CELU = 5;
    public static final int SIGMOID = 6;
    public static final int HARD_SIGMOID = 7;
    public static final int HARD_SWISH = 8;
    public static final int TANH = 9;
    public static final int SOFTPLUS = 10;
    public static final int SOFTSIGN = 11;
    public static final int MISH = 12;
    public static final int THRESHOLDED_RELU = 13;
    /** Gelu with approximate="none". */
    public static final int GELU = 14;
    /** Gelu with approximate="tanh". */
    public static final int GELU_TANH = 15;
    public static final int ERF = 16;
    public static final int EXP = 17;
    public static final int LOG = 18;
    public static final int SQRT = 19;
    public static final int RECIPROCAL = 20;
    public static final int FLOOR = 21;
    public static final int CEIL = 22;
    /** Halves round to even, as ONNX specifies. */
    public static final int ROUND = 23;
    public static final int SIN = 24;
    public static final int COS = 25;
    public static final int NEG = 26;
    public static final int ABS = 27;
    public static final int SIGN = 28;
    public static final int CLIP = 29;
    public static final int DIVIDE_BY = 30;
    public static final int COUNT = 31;

    /** A float op as a function of the input and the two parameters, in double. */
    @FunctionalInterface
    public interface FloatFunction {
        double apply(double x, double p0, double p1);
    }

    /** An integer op as a function of the input and the two parameters. */
    @FunctionalInterface
    public interface IntegerFunction {
        long apply(long x, long p0, long p1);
    }

    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    private static final double SQRT_2 = Math.sqrt(2);

    private static final FloatFunction[] FLOAT = new FloatFunction[COUNT];
    private static final IntegerFunction[] INTEGER = new IntegerFunction[COUNT];
    private static final String[] NAMES = new String[COUNT];

    static {
        floatOp(IDENTITY, "Identity", (x, a, b) -> x);
        floatOp(RELU, "Relu", (x, a, b) -> Math.max(x, 0));
        floatOp(LEAKY_RELU, "LeakyRelu", (x, alpha, b) -> x < 0 ? alpha * x : x);
        floatOp(ELU, "Elu", (x, alpha, b) -> x < 0 ? alpha * Math.expm1(x) : x);
        floatOp(SELU, "Selu", (x, alpha, gamma) -> x > 0 ? gamma * x : gamma * alpha * Math.expm1(x));
        floatOp(CELU, "Celu", (x, alpha, b) -> Math.max(0, x) + Math.min(0, alpha * Math.expm1(x / alpha)));
        floatOp(SIGMOID, "Sigmoid", (x, a, b) -> sigmoid(x));
        floatOp(HARD_SIGMOID, "HardSigmoid", (x, alpha, beta) -> Math.max(0, Math.min(1, alpha * x + beta)));
        floatOp(HARD_SWISH, "HardSwish", (x, a, b) -> x * Math.max(0, Math.min(1, x / 6 + 0.5)));
        floatOp(TANH, "Tanh", (x, a, b) -> Math.tanh(x));
        floatOp(SOFTPLUS, "Softplus", (x, a, b) -> softplus(x));
        floatOp(SOFTSIGN, "Softsign", (x, a, b) -> x / (1 + Math.abs(x)));
        floatOp(MISH, "Mish", (x, a, b) -> x * Math.tanh(softplus(x)));
        floatOp(THRESHOLDED_RELU, "ThresholdedRelu", (x, alpha, b) -> x > alpha ? x : 0);
        floatOp(GELU, "Gelu", (x, a, b) -> 0.5 * x * (1 + Erf.erf(x / SQRT_2)));
        floatOp(GELU_TANH, null, (x, a, b) -> 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x))));
        floatOp(ERF, "Erf", (x, a, b) -> Erf.erf(x));
        floatOp(EXP, "Exp", (x, a, b) -> Math.exp(x));
        floatOp(LOG, "Log", (x, a, b) -> Math.log(x));
        floatOp(SQRT, "Sqrt", (x, a, b) -> Math.sqrt(x));
        floatOp(RECIPROCAL, "Reciprocal", (x, a, b) -> 1 / x);
        floatOp(FLOOR, "Floor", (x, a, b) -> Math.floor(x));
        floatOp(CEIL, "Ceil", (x, a, b) -> Math.ceil(x));
        floatOp(ROUND, "Round", (x, a, b) -> Math.rint(x));
        floatOp(SIN, "Sin", (x, a, b) -> Math.sin(x));
        floatOp(COS, "Cos", (x, a, b) -> Math.cos(x));
        floatOp(NEG, "Neg", (x, a, b) -> -x);
        floatOp(ABS, "Abs", (x, a, b) -> Math.abs(x));
        floatOp(SIGN, "Sign", (x, a, b) -> Math.signum(x));
        floatOp(CLIP, "Clip", (x, lo, hi) -> Math.min(Math.max(x, lo), hi));
        floatOp(DIVIDE_BY, null, (x, d, b) -> x / d);

        INTEGER[IDENTITY] = (x, a, b) -> x;
        INTEGER[RELU] = (x, a, b) -> Math.max(x, 0);
        INTEGER[NEG] = (x, a, b) -> -x;
        INTEGER[ABS] = (x, a, b) -> Math.abs(x);
        INTEGER[SIGN] = (x, a, b) -> Long.signum(x);
        INTEGER[CLIP] = (x, lo, hi) -> Math.min(Math.max(x, lo), hi);
    }

    private UnaryOp() {
    }

    private static void floatOp(int code, String onnxName, FloatFunction f) {
        FLOAT[code] = f;
        NAMES[code] = onnxName;
    }

    /** The float function of {@code code}; throws for an unknown code. */
    public static FloatFunction floatFunction(int code) {
        FloatFunction f = code >= 0 && code < COUNT ? FLOAT[code] : null;
        if (f == null) {
            throw new IllegalArgumentException("unknown unary op code " + code);
        }
        return f;
    }

    /** The integer function of {@code code}; throws when the op does not take integers. */
    public static IntegerFunction integerFunction(int code) {
        IntegerFunction f = code >= 0 && code < COUNT ? INTEGER[code] : null;
        if (f == null) {
            throw new IllegalArgumentException("unary op code " + code + " has no integer form");
        }
        return f;
    }

    /** The code of ONNX op {@code onnxName} (Gelu means approximate="none"), or -1. */
    public static int code(String onnxName) {
        for (int c = 0; c < COUNT; c++) {
            if (onnxName.equals(NAMES[c])) {
                return c;
            }
        }
        return -1;
    }

    /** Every ONNX op name with a code, for the lowering's op table. */
    public static Map<String, Integer> codes() {
        java.util.TreeMap<String, Integer> m = new java.util.TreeMap<>();
        for (int c = 0; c < COUNT; c++) {
            if (NAMES[c] != null) {
                m.put(NAMES[c], c);
            }
        }
        return m;
    }

    private static double sigmoid(double x) {
        // written so that exp never overflows
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    private static double softplus(double x) {
        // log(1 + exp(x)) without overflow for large x
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }
}
