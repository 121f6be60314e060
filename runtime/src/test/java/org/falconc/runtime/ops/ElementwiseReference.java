package org.falconc.runtime.ops;

/**
 * The scalar functions of the elementwise ops written from their ONNX definitions, independently of
 * the kernels' op tables ({@link UnaryOp#floatFunction}, {@link BinaryOp#floatFunction}), so a wrong
 * table entry fails the tests instead of agreeing with itself. Computed in double.
 */
final class ElementwiseReference {
    private ElementwiseReference() {
    }

    /** Unary op {@code op} of {@code x} with parameters {@code p0}, {@code p1} (alpha, beta, gamma, bounds). */
    static double unary(int op, double x, double p0, double p1) {
        if (op == UnaryOp.THRESHOLDED_RELU) {
            // The spec's words, "x for x > alpha, 0 otherwise", make NaN 0 (as onnxruntime does).
            return x > p0 ? x : 0.0;
        }
        if (Double.isNaN(x)) {
            return x; // every other float op propagates NaN
        }
        return switch (op) {
            case UnaryOp.IDENTITY -> x;
            case UnaryOp.RELU -> x > 0 ? x : 0.0;
            case UnaryOp.LEAKY_RELU -> x >= 0 ? x : p0 * x;
            case UnaryOp.ELU -> x >= 0 ? x : p0 * (Math.exp(x) - 1);
            case UnaryOp.SELU -> x > 0 ? p1 * x : p1 * p0 * (Math.exp(x) - 1);
            case UnaryOp.CELU -> x >= 0 ? x : p0 * (Math.exp(x / p0) - 1);
            case UnaryOp.SIGMOID -> 1 / (1 + Math.exp(-x));
            case UnaryOp.HARD_SIGMOID -> clamp(p0 * x + p1, 0, 1);
            case UnaryOp.HARD_SWISH -> x * clamp(x / 6 + 0.5, 0, 1);
            case UnaryOp.TANH -> x == Double.NEGATIVE_INFINITY ? -1 : x == Double.POSITIVE_INFINITY ? 1
                    : (Math.exp(2 * x) - 1) / (Math.exp(2 * x) + 1);
            case UnaryOp.SOFTPLUS -> x > 30 ? x : Math.log(1 + Math.exp(x));
            case UnaryOp.SOFTSIGN -> x / (1 + Math.abs(x));
            case UnaryOp.MISH -> x * unary(UnaryOp.TANH, unary(UnaryOp.SOFTPLUS, x, 0, 0), 0, 0);
            case UnaryOp.GELU -> x / 2 * (1 + erf(x / Math.sqrt(2)));
            case UnaryOp.GELU_TANH -> x / 2 * (1 + unary(UnaryOp.TANH, Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x), 0, 0));
            case UnaryOp.ERF -> erf(x);
            case UnaryOp.EXP -> Math.exp(x);
            case UnaryOp.LOG -> Math.log(x);
            case UnaryOp.SQRT -> Math.sqrt(x);
            case UnaryOp.RECIPROCAL -> 1 / x;
            case UnaryOp.FLOOR -> Math.floor(x);
            case UnaryOp.CEIL -> Math.ceil(x);
            case UnaryOp.ROUND -> roundHalfToEven(x);
            case UnaryOp.SIN -> Math.sin(x);
            case UnaryOp.COS -> Math.cos(x);
            case UnaryOp.NEG -> -x;
            case UnaryOp.ABS -> x < 0 || (x == 0 && 1 / x < 0) ? -x : x;
            case UnaryOp.SIGN -> x > 0 ? 1 : x < 0 ? -1 : x;
            case UnaryOp.CLIP -> clamp(x, p0, p1);
            case UnaryOp.DIVIDE_BY -> x / p0;
            default -> throw new IllegalArgumentException("no reference for unary op " + op);
        };
    }

    /** Binary arithmetic op {@code op} (Add to PRelu). */
    static double binary(int op, double a, double b) {
        return switch (op) {
            case BinaryOp.ADD -> a + b;
            case BinaryOp.SUB -> a - b;
            case BinaryOp.MUL -> a * b;
            case BinaryOp.DIV -> a / b;
            case BinaryOp.POW -> Math.exp(b * Math.log(a));
            // ONNX Mod on floats requires fmod=1: C fmod, the sign of the dividend.
            case BinaryOp.MOD, BinaryOp.FMOD -> fmod(a, b);
            case BinaryOp.MAX -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : a > b ? a : b;
            case BinaryOp.MIN -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : a < b ? a : b;
            case BinaryOp.PRELU -> a >= 0 ? a : b * a;
            default -> throw new IllegalArgumentException("no reference for binary op " + op);
        };
    }

    /**
     * Binary integer op {@code op} (Add to PRelu) on {@code bits}-bit integers, computed exactly with
     * BigInteger and wrapped to the width as repeated C arithmetic does. Mod has the divisor's sign
     * (fmod=0, Python), FMOD the dividend's (C); Pow takes a non-negative exponent.
     */
    static long integerBinary(int op, long a, long b, int bits) {
        java.math.BigInteger x = java.math.BigInteger.valueOf(a);
        java.math.BigInteger y = java.math.BigInteger.valueOf(b);
        java.math.BigInteger modulus = java.math.BigInteger.ONE.shiftLeft(bits);
        java.math.BigInteger r = switch (op) {
            case BinaryOp.ADD -> x.add(y);
            case BinaryOp.SUB -> x.subtract(y);
            case BinaryOp.MUL -> x.multiply(y);
            case BinaryOp.DIV -> x.divide(y); // truncates toward zero, like C
            case BinaryOp.MOD -> {
                java.math.BigInteger rem = x.remainder(y);
                yield rem.signum() != 0 && rem.signum() != y.signum() ? rem.add(y) : rem;
            }
            case BinaryOp.FMOD -> x.remainder(y);
            case BinaryOp.POW -> x.modPow(y, modulus);
            case BinaryOp.MAX -> x.max(y);
            case BinaryOp.MIN -> x.min(y);
            case BinaryOp.PRELU -> x.signum() < 0 ? y.multiply(x) : x;
            default -> throw new IllegalArgumentException("no reference for binary op " + op);
        };
        return bits == 64 ? r.longValue() : r.intValue();
    }

    private static double clamp(double x, double lo, double hi) {
        return x < lo ? lo : x > hi ? hi : x;
    }

    private static double roundHalfToEven(double x) {
        double f = Math.floor(x);
        double diff = x - f;
        double r = diff > 0.5 || (diff == 0.5 && f % 2 != 0) ? f + 1 : f;
        return r == 0 ? Math.copySign(0.0, x) : r;
    }

    /** a - trunc(a / b) * b, computed exactly by subtracting shifted copies of |b|. */
    private static double fmod(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || b == 0) {
            return Double.NaN;
        }
        double r = Math.abs(a);
        double m = Math.abs(b);
        while (r >= m) {
            double d = m;
            while (d * 2 <= r) {
                d *= 2;
            }
            r -= d;
        }
        return Math.copySign(r, a);
    }

    /**
     * The Maclaurin series below |x| = 3 (its alternating terms cancel to 1e-12 there), the continued
     * fraction of erfc above (exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))).
     */
    static double erf(double x) {
        double ax = Math.abs(x);
        if (ax < 3) {
            double sum = 0;
            double term = x;
            for (int n = 0; n < 100; n++) {
                sum += term / (2 * n + 1);
                term *= -x * x / (n + 1);
            }
            return 2 / Math.sqrt(Math.PI) * sum;
        }
        if (Double.isInfinite(ax)) {
            return Math.signum(x);
        }
        double f = ax;
        for (int k = 200; k >= 1; k--) {
            f = ax + k / 2.0 / f;
        }
        double erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
        return Math.copySign(1 - erfc, x);
    }
}
