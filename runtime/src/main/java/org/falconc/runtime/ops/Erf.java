package org.falconc.runtime.ops;

/**
 * The error function, which {@link Math} lacks. Same series as the reference interpreter's, so the
 * two agree bit for bit: erf(x) = 2/sqrt(pi) * exp(-x^2) * sum_{n>=0} 2^n x^(2n+1) / (1*3*...*(2n+1)),
 * all terms positive (no cancellation): within a few tens of double ulps, far below a float ulp;
 * beyond |x| = 6 erf is 1 to double precision.
 */
public final class Erf {
    private Erf() {
    }

    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        if (ax >= 6) {
            return Math.signum(x);
        }
        double twoX2 = 2 * ax * ax;
        double term = ax;
        double sum = ax;
        for (int n = 1; term > sum * 1e-17; n++) {
            term *= twoX2 / (2 * n + 1);
            sum += term;
        }
        double r = 2 / Math.sqrt(Math.PI) * Math.exp(-ax * ax) * sum;
        return Math.copySign(Math.min(r, 1.0), x);
    }
}
