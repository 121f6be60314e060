package org.falconc.runtime;

/**
 * How far a float kernel's output may be from the exact result, from float rounding alone, so that a
 * kernel that drops, repeats or misplaces a single product fails.
 *
 * <p><b>Sums.</b> A float sum of n addends (products of floats, bias, residual) evaluated in any order,
 * with or without fused multiply-add, is within γ_n·Σ|addend| of the exact sum, γ_n = n·u / (1 - n·u),
 * u = 2^-24 the unit roundoff (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, 2nd ed.,
 * §3.1, eq. 3.5). Addends that are exactly zero (padding) round nothing and need not be counted.
 *
 * <p><b>Activation.</b> The store applies the activation to that float sum v: the error grows by the
 * activation's Lipschitz constant, plus the activation's own rounding (a few u of |v| and |y|: HardSwish
 * is evaluated in float). ThresholdedRelu jumps at alpha, so near it both sides are accepted.
 */
public final class KernelTolerance {
    /** Unit roundoff of float: half the distance from 1 to the next float. */
    public static final double UNIT_ROUNDOFF = 0x1p-24;

    private KernelTolerance() {
    }

    /** γ_n: the relative error bound of an n-addend float sum, relative to the sum of magnitudes. */
    public static double gamma(int n) {
        double nu = n * UNIT_ROUNDOFF;
        if (nu >= 1) {
            throw new IllegalArgumentException("no rounding bound for " + n + " addends");
        }
        return nu / (1 - nu);
    }

    /**
     * Whether {@code got} is what a float kernel may store for an element whose exact pre-activation
     * value is {@code exact} when its float pre-activation value is within {@code preError} of it.
     */
    public static boolean admits(int act, float p0, float p1, double exact, double preError, float got) {
        double expected = ActivationReference.apply(act, p0, p1, exact);
        if (Double.isNaN(exact) || Double.isNaN(expected) || Double.isInfinite(expected) || Double.isInfinite(exact)) {
            return Double.compare(expected, got) == 0 || (Double.isNaN(expected) && Float.isNaN(got));
        }
        double own = 4 * UNIT_ROUNDOFF * (Math.abs(expected) + Math.abs(exact) + preError) + Float.MIN_VALUE;
        double tolerance = ActivationReference.lipschitz(act, p0) * preError + own;
        if (Math.abs(got - expected) <= tolerance) {
            return true;
        }
        // ThresholdedRelu: the float sum may fall on the other side of alpha than the exact one.
        return act == Epilogue.THRESHOLDED_RELU && Math.abs(exact - p0) <= preError
                && (got == 0 || Math.abs(got - exact) <= preError + own);
    }
}
