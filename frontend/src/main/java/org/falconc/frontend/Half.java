package org.falconc.frontend;

/**
 * IEEE 754 binary16 (float16) conversions. Java 17 has no Float.float16ToFloat, so they are here.
 * Widening is exact; narrowing rounds to nearest, ties to even, as ONNX Runtime and numpy do.
 */
public final class Half {
    private Half() {
    }

    /** The float with the same value as the half whose bits are the low 16 bits of {@code bits}. */
    public static float toFloat(int bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            // Infinity or NaN; NaN payload bits move to the top of the float mantissa.
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // Zero or subnormal: mantissa * 2^-24, exact in float.
            float magnitude = mantissa * 0x1p-24f;
            return sign != 0 ? -magnitude : magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }

    /** The bits of the half nearest to {@code value} (ties to even; overflow to infinity; NaN stays NaN). */
    public static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xff;
        int mantissa = bits & 0x7fffff;
        if (exponent == 0xff) {
            // Keep NaNs NaN (quiet bit set) even when their payload lies in the dropped bits.
            int nan = mantissa != 0 ? 0x200 | (mantissa >>> 13) : 0;
            return (short) (sign | 0x7c00 | nan);
        }
        int e = exponent - 127 + 15;
        if (e >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (e <= 0) {
            if (e < -10) {
                return (short) sign; // below half the smallest subnormal: rounds to zero
            }
            int full = mantissa | 0x800000;
            int shift = 14 - e;
            return (short) (sign | roundShift(full, shift));
        }
        // A carry out of the mantissa correctly bumps the exponent (up to infinity).
        return (short) (sign | ((e << 10) + roundShift(mantissa, 13)));
    }

    /** {@code value >> shift}, rounded to nearest with ties to even. */
    private static int roundShift(int value, int shift) {
        int kept = value >>> shift;
        int rest = value & ((1 << shift) - 1);
        int half = 1 << (shift - 1);
        if (rest > half || (rest == half && (kept & 1) != 0)) {
            kept++;
        }
        return kept;
    }
}
