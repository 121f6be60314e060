package org.falconc.bench;

import java.util.Map;

/**
 * How far falconc's outputs are from ONNX Runtime's on one sample: the largest |difference| over all
 * outputs, relative to the largest |value| of the reference (so logits and pixels compare alike).
 *
 * @param maxAbsDiff     the largest absolute difference
 * @param maxRelativeDiff {@code maxAbsDiff} / the largest |reference value| (0 when the reference is all zero)
 */
public record OutputAgreement(double maxAbsDiff, double maxRelativeDiff) {

    static OutputAgreement of(Map<String, float[]> actual, Map<String, float[]> reference) {
        if (!actual.keySet().equals(reference.keySet())) {
            throw new IllegalStateException("the engines name their outputs differently: falconc " + actual.keySet()
                    + ", ONNX Runtime " + reference.keySet());
        }
        double diff = 0;
        double scale = 0;
        for (var e : reference.entrySet()) {
            float[] ref = e.getValue();
            float[] got = actual.get(e.getKey());
            if (got.length != ref.length) {
                throw new IllegalStateException("output '" + e.getKey() + "' has " + got.length + " elements in falconc, "
                        + ref.length + " in ONNX Runtime");
            }
            for (int i = 0; i < ref.length; i++) {
                diff = Math.max(diff, Math.abs((double) got[i] - ref[i]));
                scale = Math.max(scale, Math.abs((double) ref[i]));
            }
        }
        if (Double.isNaN(diff)) {
            diff = Double.POSITIVE_INFINITY;
        }
        return new OutputAgreement(diff, scale == 0 ? diff : diff / scale);
    }
}
