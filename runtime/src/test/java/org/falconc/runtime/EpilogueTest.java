package org.falconc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Epilogue}'s scalar activation against the ONNX definitions, on ordinary and extreme arguments. */
class EpilogueTest {
    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, 0.2f, 0.19999999f, 0.2000001f, -0.5f, 0.7f, 3f, -3f,
        2.9999998f, -2.9999998f, -1.5f, 1e-30f, -1e-30f, 88f, -88f, 1e4f, -1e4f, 1e30f, -1e30f, Float.MIN_VALUE,
        -Float.MAX_VALUE, Float.MAX_VALUE, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};

    @Test
    void everyActivationFollowsItsDefinition() {
        Random rnd = new Random(4);
        for (int act : Approx.ACTIVATIONS) {
            float p0 = Approx.p0(act);
            float p1 = Approx.p1(act);
            float[] x = new float[SPECIAL.length + 200];
            for (int i = 0; i < x.length; i++) {
                x[i] = i < SPECIAL.length ? SPECIAL[i] : (float) (rnd.nextGaussian() * 4);
            }
            float[] inPlace = x.clone();
            Epilogue.applyInPlace(act, p0, p1, inPlace, 0, x.length);
            for (int i = 0; i < x.length; i++) {
                float y = Epilogue.apply(act, p0, p1, x[i]);
                // the argument is exact: only the activation's own rounding is allowed
                assertTrue(KernelTolerance.admits(act, p0, p1, x[i], 0, y), "act " + act + " of " + x[i] + " gave " + y);
                assertEquals(Float.floatToIntBits(y), Float.floatToIntBits(inPlace[i]), "in place, act " + act);
            }
        }
    }

    @Test
    void closedFormValues() {
        assertEquals(0.5f, Epilogue.apply(Epilogue.SIGMOID, 0, 0, -0f));
        assertEquals(1f, Epilogue.apply(Epilogue.SIGMOID, 0, 0, 88f));
        assertEquals((float) (1 / (1 + Math.exp(88))), Epilogue.apply(Epilogue.SIGMOID, 0, 0, -88f)); // subnormal
        assertEquals(0f, Epilogue.apply(Epilogue.SIGMOID, 0, 0, Float.NEGATIVE_INFINITY));
        assertEquals(-1f / 3, Epilogue.apply(Epilogue.HARD_SWISH, 0, 0, -1f), 1e-7f); // -1 * (2/6)
        assertEquals(2f / 3, Epilogue.apply(Epilogue.HARD_SWISH, 0, 0, 1f), 1e-7f);   // 1 * (4/6)
        assertEquals(-0f, Epilogue.apply(Epilogue.HARD_SWISH, 0, 0, -3f)); // -3 * 0
        assertEquals(3f, Epilogue.apply(Epilogue.HARD_SWISH, 0, 0, 3f));
        assertEquals(0f, Epilogue.apply(Epilogue.THRESHOLDED_RELU, 1f, 0, 1f)); // strictly greater than alpha
        assertEquals(0f, Epilogue.apply(Epilogue.THRESHOLDED_RELU, 1f, 0, Float.NaN));
        assertEquals(-0.2f, Epilogue.apply(Epilogue.LEAKY_RELU, 0.1f, 0, -2f), 1e-7f);
        assertEquals(6f, Epilogue.apply(Epilogue.CLIP, 0f, 6f, 7.5f));
        assertTrue(Float.isNaN(Epilogue.apply(Epilogue.RELU, 0, 0, Float.NaN)));
    }

    @Test
    void anUnknownCodeIsRefused() {
        // names map to codes in one place: codegen's Activation, from ir's activation table
        assertThrows(IllegalArgumentException.class, () -> Epilogue.apply(99, 0, 0, 1f));
    }
}
