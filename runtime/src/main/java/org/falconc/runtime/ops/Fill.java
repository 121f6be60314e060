package org.falconc.runtime.ops;

import java.util.Arrays;

/**
 * Fills {@code n} elements with one value: ConstantOfShape outputs too large to store as weights
 * (filled at run time instead), and Dropout's all-true mask.
 */
public final class Fill {
    private Fill() {
    }

    public static void floats(float[] y, int yOff, int n, float value) {
        Arrays.fill(y, yOff, yOff + n, value);
    }

    public static void longs(long[] y, int yOff, int n, long value) {
        Arrays.fill(y, yOff, yOff + n, value);
    }

    public static void ints(int[] y, int yOff, int n, int value) {
        Arrays.fill(y, yOff, yOff + n, value);
    }

    public static void bools(boolean[] y, int yOff, int n, boolean value) {
        Arrays.fill(y, yOff, yOff + n, value);
    }
}
