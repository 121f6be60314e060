package org.falconc.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HalfTest {
    private static void widens(int bits, float expected) {
        float f = Half.toFloat(bits);
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(f),
                () -> String.format("half 0x%04x: expected %s, got %s", bits, expected, f));
    }

    @Test
    void widensKnownValuesExactly() {
        widens(0x0000, 0.0f);
        widens(0x8000, -0.0f);
        widens(0x3C00, 1.0f);
        widens(0xBC00, -1.0f);
        widens(0xC000, -2.0f);
        widens(0x3555, 0.333251953125f);
        widens(0x3BFF, 0.99951171875f);
        widens(0x7BFF, 65504.0f);
        widens(0xFBFF, -65504.0f);
        widens(0x0400, 6.103515625e-05f); // smallest normal, 2^-14
    }

    @Test
    void widensSubnormalsExactly() {
        widens(0x0001, 5.9604644775390625e-08f); // 2^-24, smallest subnormal
        widens(0x8001, -5.9604644775390625e-08f);
        widens(0x0002, 1.1920928955078125e-07f);
        widens(0x0200, 3.0517578125e-05f); // 2^-15
        widens(0x03FF, 6.097555160522461e-05f); // largest subnormal, 1023 * 2^-24
        for (int m = 1; m < 0x400; m++) {
            assertEquals(m * Math.pow(2, -24), Half.toFloat(m), 0.0);
        }
    }

    @Test
    void widensInfinitiesAndNaNs() {
        widens(0x7C00, Float.POSITIVE_INFINITY);
        widens(0xFC00, Float.NEGATIVE_INFINITY);
        assertTrue(Float.isNaN(Half.toFloat(0x7E00)));
        assertTrue(Float.isNaN(Half.toFloat(0x7C01)), "signalling NaN stays NaN");
        assertTrue(Float.isNaN(Half.toFloat(0xFFFF)));
    }

    @Test
    void narrowingInvertsWideningForEveryHalf() {
        for (int h = 0; h < 0x10000; h++) {
            float f = Half.toFloat(h);
            short back = Half.fromFloat(f);
            if (Float.isNaN(f)) {
                assertTrue(Float.isNaN(Half.toFloat(back)), String.format("NaN 0x%04x", h));
            } else {
                assertEquals(h, back & 0xffff, String.format("0x%04x -> %s", h, f));
            }
        }
    }

    @Test
    void narrowingRoundsToNearestTiesToEven() {
        assertEquals(0x3C00, Half.fromFloat(1.0f + 0x1p-11f) & 0xffff, "tie goes to even mantissa 0");
        assertEquals(0x3C02, Half.fromFloat(1.0f + 3 * 0x1p-11f) & 0xffff, "tie goes to even mantissa 2");
        assertEquals(0x3C01, Half.fromFloat(1.0f + 0x1p-11f + 0x1p-20f) & 0xffff, "above the tie rounds up");
        assertEquals(0x7BFF, Half.fromFloat(65519f) & 0xffff);
        assertEquals(0x7C00, Half.fromFloat(65520f) & 0xffff, "tie at the top rounds to infinity");
        assertEquals(0x0000, Half.fromFloat(0x1p-25f) & 0xffff, "half the smallest subnormal ties to zero");
        assertEquals(0x0001, Half.fromFloat(1.5f * 0x1p-25f) & 0xffff);
        assertEquals(0x0002, Half.fromFloat(1.5f * 0x1p-24f) & 0xffff, "subnormal tie to even");
        assertEquals(0x0002, Half.fromFloat(2.5f * 0x1p-24f) & 0xffff, "subnormal tie to even");
        assertEquals(0x0400, Half.fromFloat(0x1p-14f - 0x1p-26f) & 0xffff, "rounds up out of the subnormals");
        assertEquals(0x8000, Half.fromFloat(-1e-10f) & 0xffff);
        assertEquals(0x0000, Half.fromFloat(Float.MIN_VALUE) & 0xffff);
        assertEquals(0xFC00, Half.fromFloat(-1e10f) & 0xffff);
        assertTrue(Float.isNaN(Half.toFloat(Half.fromFloat(Float.NaN))));
        assertTrue(Float.isNaN(Half.toFloat(Half.fromFloat(Float.intBitsToFloat(0x7f800001)))), "low-payload NaN");
    }

    @Test
    void narrowingPicksTheNearestHalf() {
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            float f = (float) ((r.nextDouble() * 2 - 1) * Math.pow(2, r.nextInt(36) - 26));
            int h = Half.fromFloat(f) & 0xffff;
            double err = Math.abs(Half.toFloat(h) - (double) f);
            for (int n : new int[] {h - 1, h + 1}) {
                float neighbour = Half.toFloat(n & 0xffff);
                if (!Float.isNaN(neighbour) && !Float.isInfinite(neighbour) && ((n ^ h) & 0x8000) == 0) {
                    assertTrue(err <= Math.abs(neighbour - (double) f), f + " -> " + Half.toFloat(h));
                }
            }
        }
    }
}
