package org.falconc.runtime.ops;

/**
 * Op codes of {@link Binary} and the scalar function of each, one table row per op: its float form
 * (evaluated in double, rounded once, as the reference interpreter does), its integer form (exact,
 * wrapping at the element width like C), and for comparisons and logic the bool-valued test.
 */
public final class BinaryOp {
    public static final int ADD = 0;
    public static final int SUB = 1;
    public static final int MUL = 2;
    public static final int DIV = 3;
    /** Integer base to an integer power; float pow. A negative integer exponent throws. */
    public static final int POW = 4;
    /** Mod with fmod=0: integer result has the divisor's sign (Python). Floats: C fmod. */
    public static final int MOD = 5;
    /** Mod with fmod=1: result has the dividend's sign (C fmod, Java %). */
    public static final int FMOD = 6;
    /** Max/Min as binary steps of the variadic ops; NaN propagates. */
    public static final int MAX = 7;
    public static final int MIN = 8;
    /** PRelu(x, slope): x &lt; 0 ? slope * x : x, slope broadcast as input 1. */
    public static final int PRELU = 9;
    public static final int EQUAL = 10;
    public static final int LESS = 11;
    public static final int LESS_OR_EQUAL = 12;
    public static final int GREATER = 13;
    public static final int GREATER_OR_EQUAL = 14;
    public static final int AND = 15;
    public static final int OR = 16;
    public static final int XOR = 17;
    public static final int COUNT = 18;

    @FunctionalInterface
    public interface FloatFunction {
        double apply(double a, double b);
    }

    @FunctionalInterface
    public interface IntegerFunction {
        long apply(long a, long b);
    }

    @FunctionalInterface
    public interface FloatTest {
        boolean test(double a, double b);
    }

    @FunctionalInterface
    public interface IntegerTest {
        boolean test(long a, long b);
    }

    @FunctionalInterface
    public interface BoolFunction {
        boolean apply(boolean a, boolean b);
    }

    private static final String[] NAMES = new String[COUNT];
    private static final FloatFunction[] FLOAT = new FloatFunction[COUNT];
    private static final IntegerFunction[] INTEGER = new IntegerFunction[COUNT];
    private static final FloatTest[] FLOAT_TEST = new FloatTest[COUNT];
    private static final IntegerTest[] INTEGER_TEST = new IntegerTest[COUNT];
    private static final BoolFunction[] BOOL = new BoolFunction[COUNT];

    static {
        arithmetic(ADD, "Add", (a, b) -> a + b, (a, b) -> a + b);
        arithmetic(SUB, "Sub", (a, b) -> a - b, (a, b) -> a - b);
        arithmetic(MUL, "Mul", (a, b) -> a * b, (a, b) -> a * b);
        arithmetic(DIV, "Div", (a, b) -> a / b, (a, b) -> a / b); // Java truncates like C; /0 throws
        arithmetic(POW, "Pow", BinaryOp::floatPower, BinaryOp::integerPower);
        arithmetic(MOD, "Mod", (a, b) -> a % b, Math::floorMod);
        arithmetic(FMOD, null, (a, b) -> a % b, (a, b) -> a % b);
        arithmetic(MAX, "Max", Math::max, Math::max);
        arithmetic(MIN, "Min", Math::min, Math::min);
        arithmetic(PRELU, "PRelu", (x, slope) -> x < 0 ? slope * x : x, (x, slope) -> x < 0 ? slope * x : x);
        comparison(EQUAL, "Equal", (a, b) -> a == b, (a, b) -> a == b);
        BOOL[EQUAL] = (a, b) -> a == b;
        comparison(LESS, "Less", (a, b) -> a < b, (a, b) -> a < b);
        comparison(LESS_OR_EQUAL, "LessOrEqual", (a, b) -> a <= b, (a, b) -> a <= b);
        comparison(GREATER, "Greater", (a, b) -> a > b, (a, b) -> a > b);
        comparison(GREATER_OR_EQUAL, "GreaterOrEqual", (a, b) -> a >= b, (a, b) -> a >= b);
        logic(AND, "And", (a, b) -> a && b);
        logic(OR, "Or", (a, b) -> a || b);
        logic(XOR, "Xor", (a, b) -> a ^ b);
    }

    private BinaryOp() {
    }

    private static void arithmetic(int code, String name, FloatFunction f, IntegerFunction i) {
        NAMES[code] = name;
        FLOAT[code] = f;
        INTEGER[code] = i;
    }

    private static void comparison(int code, String name, FloatTest f, IntegerTest i) {
        NAMES[code] = name;
        FLOAT_TEST[code] = f;
        INTEGER_TEST[code] = i;
    }

    private static void logic(int code, String name, BoolFunction f) {
        NAMES[code] = name;
        BOOL[code] = f;
    }

    /** The code of ONNX op {@code onnxName} (Mod means fmod=0; use {@link #FMOD} for fmod=1), or -1. */
    public static int code(String onnxName) {
        for (int c = 0; c < COUNT; c++) {
            if (onnxName.equals(NAMES[c])) {
                return c;
            }
        }
        return -1;
    }

    /** Whether the op produces bool output (comparisons and logic). */
    public static boolean isPredicate(int code) {
        return code >= EQUAL && code <= XOR;
    }

    public static FloatFunction floatFunction(int code) {
        return lookup(FLOAT, code, "float arithmetic");
    }

    public static IntegerFunction integerFunction(int code) {
        return lookup(INTEGER, code, "integer arithmetic");
    }

    public static FloatTest floatTest(int code) {
        return lookup(FLOAT_TEST, code, "float comparison");
    }

    public static IntegerTest integerTest(int code) {
        return lookup(INTEGER_TEST, code, "integer comparison");
    }

    public static BoolFunction boolFunction(int code) {
        return lookup(BOOL, code, "bool");
    }

    private static <T> T lookup(T[] table, int code, String kind) {
        T f = code >= 0 && code < COUNT ? table[code] : null;
        if (f == null) {
            throw new IllegalArgumentException("binary op code " + code + " has no " + kind + " form");
        }
        return f;
    }

    /**
     * x^y as C's pow (ONNX's reference is numpy's power, which follows C): Java's Math.pow gives NaN for
     * pow(1, NaN) and pow(-1, +-inf), where C gives 1; everything else agrees.
     */
    static double floatPower(double x, double y) {
        if (x == 1 || (x == -1 && Double.isInfinite(y))) {
            return 1;
        }
        return Math.pow(x, y);
    }

    /** Integer base to a non-negative integer power by repeated squaring (wrapping like repeated C multiplication). */
    static long integerPower(long base, long exponent) {
        if (exponent < 0) {
            throw new ArithmeticException("integer base raised to a negative integer power " + exponent);
        }
        long result = 1;
        long square = base;
        for (long e = exponent; e > 0; e >>= 1) {
            if ((e & 1) != 0) {
                result *= square;
            }
            square *= square;
        }
        return result;
    }

}
