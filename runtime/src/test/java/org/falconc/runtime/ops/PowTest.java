package org.falconc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Pow of the runtime ({@link Binary}) and of the reference interpreter (separate copies: the runtime
 * depends on the JDK only) with integral exponents, against references computed another way: integer
 * data by {@link Math#pow} where that is exact and BigInteger.modPow (wrapping at the element width)
 * beyond; f32 data by exact BigDecimal powers and the C99 special cases (ONNX's reference is numpy's
 * power, which follows C: pow(1, NaN) = pow(-1, inf) = pow(NaN, 0) = 1).
 */
class PowTest {
    private static final long[] INTEGER_BASES = {0, 1, -1, 2, -2, 3, -3, 5, -7, 10, -10, 1000, 3486784401L,
        Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
    private static final long[] INTEGER_EXPONENTS = {0, 1, 2, 3, 7, 15, 31, 32, 33, 62, 63, 64, 65, 127, 1000,
        1_000_000_007, Long.MAX_VALUE};

    /** base^exponent wrapped to {@code bits} bits, as repeated C multiplication gives. */
    private static long wrappedPower(long base, long exponent, int bits) {
        // exact when both arguments are doubles (the exponent below 2^53) and so is the result
        double exact = Math.pow(base, exponent);
        if (exponent < 1L << 53 && Math.abs(exact) < 0x1p53) {
            return bits == 64 ? (long) exact : (int) (long) exact;
        }
        BigInteger modulus = BigInteger.ONE.shiftLeft(bits);
        BigInteger r = BigInteger.valueOf(base).modPow(BigInteger.valueOf(exponent), modulus);
        return bits == 64 ? r.longValue() : r.intValue();
    }

    @Test
    void integerPowersWrapLikeRepeatedMultiplication() {
        int n = INTEGER_BASES.length * INTEGER_EXPONENTS.length;
        long[] a = new long[n];
        long[] b = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = INTEGER_BASES[i / INTEGER_EXPONENTS.length];
            b[i] = INTEGER_EXPONENTS[i % INTEGER_EXPONENTS.length];
        }
        int[] ai = java.util.Arrays.stream(a).mapToInt(v -> (int) v).toArray();
        int[] bi = java.util.Arrays.stream(b).mapToInt(v -> (int) Math.min(v, Integer.MAX_VALUE)).toArray();
        int[] shape = {n};
        int[] same = BroadcastLoop.strides(shape, shape);
        long[] runtime64 = new long[n];
        int[] runtime32 = new int[n];
        Binary.longs(BinaryOp.POW, a, 0, same, b, 0, same, runtime64, 0, shape);
        Binary.ints(BinaryOp.POW, ai, 0, same, bi, 0, same, runtime32, 0, shape);
        long[] interp64 = Oracle.run("Pow", x -> { }, 1, Tensor.ofLongs(Shape.of(n), a), Tensor.ofLongs(Shape.of(n), b))
                .get(0).longs();
        int[] interp32 = Oracle.run("Pow", x -> { }, 1, Tensor.ofInts(Shape.of(n), ai), Tensor.ofInts(Shape.of(n), bi))
                .get(0).ints();
        for (int i = 0; i < n; i++) {
            String what = a[i] + " ^ " + b[i];
            long e64 = wrappedPower(a[i], b[i], 64);
            long e32 = wrappedPower(ai[i], bi[i], 32);
            assertEquals(e64, runtime64[i], "runtime i64 " + what);
            assertEquals(e64, interp64[i], "interpreter i64 " + what);
            assertEquals(e32, runtime32[i], "runtime i32 " + ai[i] + " ^ " + bi[i]);
            assertEquals(e32, interp32[i], "interpreter i32 " + ai[i] + " ^ " + bi[i]);
        }
        // closed forms
        assertEquals(1024, wrappedPower(2, 10, 64));
        assertEquals(0, wrappedPower(2, 64, 64));
        assertEquals(Long.MIN_VALUE, wrappedPower(2, 63, 64));
        assertEquals(-27, wrappedPower(-3, 3, 64));
    }

    @Test
    void negativeIntegerExponentsAreRejected() {
        int[] one = {1};
        int[] s = BroadcastLoop.strides(one, one);
        assertThrows(ArithmeticException.class, () -> Binary.longs(BinaryOp.POW, new long[] {2}, 0, s, new long[] {-1},
                0, s, new long[1], 0, one));
        assertThrows(RuntimeException.class, () -> Oracle.run("Pow", x -> { }, 1, Tensor.ofLongs(Shape.of(1), 2),
                Tensor.ofLongs(Shape.of(1), -1)));
    }

    private static final float[] FLOAT_BASES = {0f, -0f, 0.5f, -0.5f, 1f, -1f, 1.5f, -1.5f, 2f, -2f, 3f, -3f, 10f, -10f,
        1e-3f, -1e-3f, 0.999f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY};
    private static final float[] FLOAT_EXPONENTS = {0f, -0f, 1f, -1f, 2f, -2f, 3f, -3f, 7f, -7f, 10f, 31f, -31f, 64f,
        -64f, 127f, 1000f, -1000f, 16777217f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};

    private static boolean oddInteger(double y) {
        return Math.rint(y) == y && Math.abs(y) < 0x1p53 && ((long) y & 1) == 1;
    }

    /** x^y for an integral or infinite or NaN y, following C99 Annex F.9.4.4, finite values exactly. */
    static double cPow(double x, double y) {
        if (y == 0 || x == 1 || (x == -1 && Double.isInfinite(y))) {
            return 1;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        if (Double.isInfinite(y)) {
            boolean grows = (Math.abs(x) > 1) == (y > 0);
            return grows ? Double.POSITIVE_INFINITY : 0;
        }
        if (x == 0 || Double.isInfinite(x)) {
            // magnitude 0 or inf; the sign of x survives only for odd integer exponents
            boolean large = (x == 0) == (y < 0);
            double magnitude = large ? Double.POSITIVE_INFINITY : 0;
            return oddInteger(y) ? Math.copySign(magnitude, x) : magnitude;
        }
        BigDecimal power = new BigDecimal(x).pow((int) Math.abs(y));
        if (y < 0) {
            power = BigDecimal.ONE.divide(power, new MathContext(60));
        }
        return power.doubleValue();
    }

    @Test
    void floatPowersWithIntegralExponentsFollowC() {
        int n = FLOAT_BASES.length * FLOAT_EXPONENTS.length;
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = FLOAT_BASES[i / FLOAT_EXPONENTS.length];
            b[i] = FLOAT_EXPONENTS[i % FLOAT_EXPONENTS.length];
        }
        int[] shape = {n};
        int[] same = BroadcastLoop.strides(shape, shape);
        float[] runtime = new float[n];
        Binary.floats(BinaryOp.POW, a, 0, same, b, 0, same, runtime, 0, shape);
        float[] interp = Oracle.run("Pow", x -> { }, 1, Oracle.floats(shape, a), Oracle.floats(shape, b)).get(0).floats();
        for (int i = 0; i < n; i++) {
            // |y| up to 16777217 makes BigDecimal slow and is decided by the special cases or by magnitude
            boolean huge = Math.abs(b[i]) > 2000 && !Float.isInfinite(b[i]) && Math.abs(a[i]) != 1 && a[i] != 0
                    && !Float.isInfinite(a[i]) && !Float.isNaN(a[i]);
            double exact = huge ? (Math.abs(a[i]) > 1 == b[i] > 0 ? Double.POSITIVE_INFINITY : 0)
                    * (a[i] < 0 && oddInteger(b[i]) ? -1 : 1) : cPow(a[i], b[i]);
            float expected = (float) exact;
            for (int w = 0; w < 2; w++) {
                float got = w == 0 ? runtime[i] : interp[i];
                String what = (w == 0 ? "runtime" : "interpreter") + " Pow(" + a[i] + ", " + b[i] + ") = " + got
                        + ", expected " + expected;
                boolean agrees = Float.floatToIntBits(expected) == Float.floatToIntBits(got)
                        || (Float.isNaN(expected) && Float.isNaN(got))
                        || (Float.isFinite(expected) && Math.abs(got - expected) <= Math.ulp(expected));
                assertTrue(agrees, what);
            }
        }
    }
}
