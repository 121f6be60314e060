package org.falconc.compiler;

import java.util.List;
import java.util.Map;

/**
 * Whether a thresholded model's outputs still agree with the dense model's on calibration inputs: for
 * a classifier (first output one vector of at least two scores) the top-1 class differs on at most a
 * share {@code maxDrop} of the inputs; otherwise the relative L2 error of every f32 output is at most
 * {@code maxDrop} on every input.
 */
public final class Agreement {
    private Agreement() {
    }

    static boolean within(boolean classifier, List<Map<String, Object>> reference, List<Map<String, Object>> got,
                          double maxDrop) {
        if (classifier) {
            int differ = 0;
            for (int i = 0; i < reference.size(); i++) {
                if (argmax(first(reference.get(i))) != argmax(first(got.get(i)))) {
                    differ++;
                }
            }
            return differ <= maxDrop * reference.size() + 1e-9;
        }
        for (int i = 0; i < reference.size(); i++) {
            for (var e : reference.get(i).entrySet()) {
                if (e.getValue() instanceof float[] ref && relativeL2(ref, (float[]) got.get(i).get(e.getKey())) > maxDrop) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Mean relative L2 error of the f32 outputs over the inputs and outputs: how far {@code got} is from {@code reference}. */
    static double change(List<Map<String, Object>> reference, List<Map<String, Object>> got) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < reference.size(); i++) {
            for (var e : reference.get(i).entrySet()) {
                if (e.getValue() instanceof float[] ref) {
                    sum += relativeL2(ref, (float[]) got.get(i).get(e.getKey()));
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** The agreement in words: top-1 classes kept (classifier) or the largest relative L2 error. */
    static String describe(boolean classifier, List<Map<String, Object>> reference, List<Map<String, Object>> got) {
        if (classifier) {
            int same = 0;
            for (int i = 0; i < reference.size(); i++) {
                if (argmax(first(reference.get(i))) == argmax(first(got.get(i)))) {
                    same++;
                }
            }
            return String.format(java.util.Locale.ROOT, "top-1 class kept on %d of %d inputs", same, reference.size());
        }
        double worst = 0;
        for (int i = 0; i < reference.size(); i++) {
            for (var e : reference.get(i).entrySet()) {
                if (e.getValue() instanceof float[] ref) {
                    worst = Math.max(worst, relativeL2(ref, (float[]) got.get(i).get(e.getKey())));
                }
            }
        }
        return String.format(java.util.Locale.ROOT, "largest relative L2 error %.3g on %d inputs", worst,
                reference.size());
    }

    /** One f32 output that is a vector of at least two scores (at most one axis longer than 1: [1, 10], [1, 1000, 1, 1]). */
    static boolean isClassifier(org.falconc.ir.Graph g) {
        if (g.outputs().size() != 1 || g.outputs().get(0).type().dtype() != org.falconc.ir.DType.F32) {
            return false;
        }
        int longAxes = 0;
        for (int d : g.outputs().get(0).type().shape().dims()) {
            if (d > 1) {
                longAxes++;
            }
        }
        return longAxes == 1;
    }

    private static Object first(Map<String, Object> outputs) {
        return outputs.values().iterator().next();
    }

    public static int argmax(Object scores) {
        float[] v = (float[]) scores;
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    static double relativeL2(float[] ref, float[] got) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < ref.length; i++) {
            double d = (double) got[i] - ref[i];
            num += d * d;
            den += (double) ref[i] * ref[i];
        }
        return den == 0 ? Math.sqrt(num) : Math.sqrt(num / den);
    }
}
