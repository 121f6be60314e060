package org.falconc.cli;

/** Numeric comparison rules used against oracles. */
final class Comparison {
    private Comparison() {
    }

    /** The ONNX backend runner's rule: |a - e| <= atol + rtol * |e| for every element (NaNs must match). */
    static String firstMismatch(float[] actual, float[] expected, double atol, double rtol) {
        if (actual.length != expected.length) {
            return "length " + actual.length + " != expected " + expected.length;
        }
        for (int i = 0; i < actual.length; i++) {
            float a = actual[i];
            float e = expected[i];
            if (Float.isNaN(e) || Float.isNaN(a)) {
                if (Float.isNaN(e) != Float.isNaN(a)) {
                    return "element " + i + ": " + a + " vs expected " + e;
                }
                continue;
            }
            if (Float.isInfinite(e) || Float.isInfinite(a)) {
                if (a != e) {
                    return "element " + i + ": " + a + " vs expected " + e;
                }
                continue;
            }
            if (Math.abs((double) a - e) > atol + rtol * Math.abs(e)) {
                return "element " + i + ": " + a + " vs expected " + e;
            }
        }
        return null;
    }

    /** ||a - e||_2 / ||e||_2 (0 when both are zero). */
    static double relativeL2(float[] actual, float[] expected) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = (double) actual[i] - expected[i];
            num += d * d;
            den += (double) expected[i] * expected[i];
        }
        return den == 0 ? Math.sqrt(num) : Math.sqrt(num / den);
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
