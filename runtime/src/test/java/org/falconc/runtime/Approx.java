package org.falconc.runtime;

import java.util.Random;

/** Test helpers: random tensors and the fused activations with parameters that make them non-trivial. */
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

    public static final int[] ACTIVATIONS = {
        Epilogue.NONE, Epilogue.RELU, Epilogue.CLIP, Epilogue.LEAKY_RELU, Epilogue.HARD_SWISH, Epilogue.SIGMOID,
        Epilogue.THRESHOLDED_RELU,
    };

    /** Parameters that make each activation non-trivial on values in about [-3, 3]. */
    public static float p0(int act) {
        return act == Epilogue.CLIP ? -0.5f : act == Epilogue.LEAKY_RELU ? 0.1f
                : act == Epilogue.THRESHOLDED_RELU ? 0.2f : 0f;
    }

    public static float p1(int act) {
        return act == Epilogue.CLIP ? 0.7f : 0f;
    }
}
