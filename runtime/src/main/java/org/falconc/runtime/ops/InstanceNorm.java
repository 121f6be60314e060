package org.falconc.runtime.ops;

/**
 * InstanceNormalization, x [n, c, inner...]: each (image, channel) plane normalised by its own mean
 * and population variance (two passes in double, as the reference), then scale·x̂ + bias per
 * channel. y may alias x.
 */
public final class InstanceNorm {
    private InstanceNorm() {
    }

    public static void run(float[] x, int xOff, float[] y, int yOff, int n, int c, int inner, float[] scale,
                           int scaleOff, float[] bias, int biasOff, float epsilon) {
        for (int plane = 0; plane < n * c; plane++) {
            int base = plane * inner;
            double mean = 0;
            for (int i = 0; i < inner; i++) {
                mean += x[xOff + base + i];
            }
            mean /= inner;
            double var = 0;
            for (int i = 0; i < inner; i++) {
                double d = x[xOff + base + i] - mean;
                var += d * d;
            }
            var /= inner;
            int ch = plane % c;
            double inv = 1 / Math.sqrt(var + (double) epsilon);
            double s = scale[scaleOff + ch];
            double b = bias[biasOff + ch];
            for (int i = 0; i < inner; i++) {
                y[yOff + base + i] = (float) (s * (x[xOff + base + i] - mean) * inv + b);
            }
        }
    }
}
