package org.falconc.runtime.ops;

/**
 * BatchNormalization in inference mode, x [n, c, inner...]:
 * y = scale·(x - mean)/sqrt(var + epsilon) + bias per channel, applied as y = a·x + b with a, b
 * per channel in double (BatchNorm is normally folded into the preceding conv; this is the
 * fallback). Parameter tensors are (array, offset) pairs of c elements. y may alias x.
 */
public final class BatchNorm {
    private BatchNorm() {
    }

    public static void inference(float[] x, int xOff, float[] y, int yOff, int n, int c, int inner,
                                 float[] scale, int scaleOff, float[] bias, int biasOff, float[] mean, int meanOff,
                                 float[] var, int varOff, float epsilon) {
        for (int ch = 0; ch < c; ch++) {
            double a = scale[scaleOff + ch] / Math.sqrt(var[varOff + ch] + (double) epsilon);
            double b = bias[biasOff + ch] - a * mean[meanOff + ch];
            for (int img = 0; img < n; img++) {
                int base = (img * c + ch) * inner;
                for (int i = 0; i < inner; i++) {
                    y[yOff + base + i] = (float) (a * x[xOff + base + i] + b);
                }
            }
        }
    }
}
