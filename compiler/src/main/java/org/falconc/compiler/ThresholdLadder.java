package org.falconc.compiler;

import java.util.Arrays;

/**
 * One producer's candidate thresholds for threshold mode: level {@code i} sets its threshold to the
 * {@link #QUANTILES}[i]-quantile of its positive outputs on the calibration inputs, which turns that
 * share of them into zeros. A step from one level to the next is worth the convolution MACs that read
 * the producer's zeros times the zero fraction it adds ({@link #stepSaving}); level -1 is no threshold.
 *
 * @param producer   the producer's key (node name, or first output's name: {@code PassOptions.thresholds})
 * @param thresholds the threshold of each level, non-decreasing
 * @param zeros      the zero fraction of the producer's outputs at each level
 * @param zerosAtT0  the zero fraction without a threshold (the Relu's exact zeros)
 * @param macs       the dense MACs of the decomposed convolutions reading the producer's zeros (its share
 *                   of them when a convolution reads several producers)
 */
record ThresholdLadder(String producer, float[] thresholds, double[] zeros, double zerosAtT0, double macs) {
    /** The quantile levels of every ladder. */
    static final double[] QUANTILES = {0.10, 0.20, 0.30, 0.40, 0.50, 0.60, 0.70, 0.80, 0.90, 0.95};

    ThresholdLadder {
        if (thresholds.length != zeros.length) {
            throw new IllegalArgumentException(thresholds.length + " thresholds but " + zeros.length + " zero fractions");
        }
    }

    /**
     * The ladder of a producer from its sorted positive outputs (a sample of them) and the share of its
     * outputs that are positive.
     */
    static ThresholdLadder of(String producer, float[] sortedPositives, double positiveShare, double macs) {
        if (sortedPositives.length == 0) {
            return new ThresholdLadder(producer, new float[0], new double[0], 1 - positiveShare, macs);
        }
        float[] t = new float[QUANTILES.length];
        double[] z = new double[QUANTILES.length];
        for (int i = 0; i < QUANTILES.length; i++) {
            t[i] = sortedPositives[(int) Math.min(sortedPositives.length - 1, Math.floor(QUANTILES[i] * sortedPositives.length))];
            z[i] = 1 - positiveShare + QUANTILES[i] * positiveShare;
        }
        return new ThresholdLadder(producer, t, z, 1 - positiveShare, macs);
    }

    int levels() {
        return thresholds.length;
    }

    /** The threshold at a level (0 at level -1). */
    float threshold(int level) {
        return level < 0 ? 0f : thresholds[level];
    }

    /** The zero fraction at a level. */
    double zeroFraction(int level) {
        return level < 0 ? zerosAtT0 : zeros[level];
    }

    /** MACs the step from {@code level} to {@code level + 1} makes skippable. */
    double stepSaving(int level) {
        return macs * Math.max(0, zeroFraction(level + 1) - zeroFraction(level));
    }

    @Override
    public String toString() {
        return producer + Arrays.toString(thresholds);
    }
}
