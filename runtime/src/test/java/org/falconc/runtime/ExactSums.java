package org.falconc.runtime;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What a kernel's naive twin computes per output element: the exact value before the activation (the
 * float addends summed in double; a product of two floats is exact in double), the sum of the addends'
 * magnitudes and how many non-zero addends there were. {@link #check} compares a kernel's float output
 * with it under {@link KernelTolerance}'s rounding bound.
 */
public final class ExactSums {
    private final double[] value;
    private final double[] magnitude;
    private final int[] count;

    public ExactSums(int size) {
        value = new double[size];
        magnitude = new double[size];
        count = new int[size];
    }

    public int size() {
        return value.length;
    }

    /** Adds one addend (a product, a bias, a residual) to element {@code i}. */
    public void add(int i, double addend) {
        value[i] += addend;
        magnitude[i] += Math.abs(addend);
        if (addend != 0) {
            count[i]++;
        }
    }

    /** The exact pre-activation value of element {@code i}. */
    public double value(int i) {
        return value[i];
    }

    /** The bound on |float sum - exact sum| of element {@code i}. */
    public double error(int i) {
        return KernelTolerance.gamma(Math.max(count[i], 1)) * magnitude[i];
    }

    /** Fails unless {@code got} is a float kernel's result for element {@code i} with activation {@code act}. */
    public void check(int i, float got, int act, float p0, float p1, String what) {
        if (!KernelTolerance.admits(act, p0, p1, value[i], error(i), got)) {
            fail(what + ": element " + i + " expected " + ActivationReference.apply(act, p0, p1, value[i]) + " ± "
                    + error(i) + " (exact pre-activation " + value[i] + ", " + count[i] + " addends) got " + got);
        }
    }

    /** {@link #check} for every element, element i at {@code actual[off + i]}. */
    public void checkAll(float[] actual, int off, int act, float p0, float p1, String what) {
        for (int i = 0; i < value.length; i++) {
            check(i, actual[off + i], act, p0, p1, what);
        }
    }
}
