package org.falconc.runtime;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

/** Test helpers: random tensors and the kernel-vs-naive tolerance. */
public final class Approx {

    private Approx() {
    }

    public static float[] random(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextFloat() * 2f - 1f;
        }
        return a;
    }

    /**
     * Asserts |actual - expected| <= 1e-4 * (1 + |expected|) * sqrt(depth) element-wise over
     * {@code [off, off + n)}: float sums of {@code depth} terms in a different order drift by about
     * sqrt(depth) ulps.
     */
    public static void assertClose(float[] expected, float[] actual, int off, int n, int depth, String what) {
        double scale = 1e-4 * Math.sqrt(Math.max(1, depth));
        for (int i = off; i < off + n; i++) {
            double e = expected[i];
            double a = actual[i];
            if (!(Math.abs(a - e) <= scale * (1 + Math.abs(e)))) {
                fail(what + ": element " + (i - off) + " expected " + e + " got " + a);
            }
        }
    }

    public static final int[] ACTIVATIONS = {
        Epilogue.NONE, Epilogue.RELU, Epilogue.CLIP, Epilogue.LEAKY_RELU, Epilogue.HARD_SWISH, Epilogue.SIGMOID,
    };

    /** Parameters that make each activation non-trivial on values in about [-3, 3]. */
    public static float p0(int act) {
        return act == Epilogue.CLIP ? -0.5f : act == Epilogue.LEAKY_RELU ? 0.1f : 0f;
    }

    public static float p1(int act) {
        return act == Epilogue.CLIP ? 0.7f : 0f;
    }
}
