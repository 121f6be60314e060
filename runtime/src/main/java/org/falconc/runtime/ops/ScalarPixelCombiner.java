package org.falconc.runtime.ops;

/** {@link PixelCombiner} in plain Java (always available). */
final class ScalarPixelCombiner implements PixelCombiner {

    @Override
    public boolean maxOfPixels(float[] x, int[] pixels, int count, float[] y, int dst, int c) {
        System.arraycopy(x, pixels[0], y, dst, c);
        for (int i = 1; i < count; i++) {
            int src = pixels[i];
            for (int ch = 0; ch < c; ch++) {
                y[dst + ch] = Math.max(y[dst + ch], x[src + ch]);
            }
        }
        boolean nan = false;
        for (int ch = 0; ch < c; ch++) {
            nan |= Float.isNaN(y[dst + ch]);
        }
        return nan;
    }

    @Override
    public void averageOfPixels(float[] x, int[] pixels, int count, double divisor, float[] y, int dst, int c,
                                double[] sums) {
        java.util.Arrays.fill(sums, 0, c, 0.0);
        for (int i = 0; i < count; i++) {
            int src = pixels[i];
            for (int ch = 0; ch < c; ch++) {
                sums[ch] += x[src + ch];
            }
        }
        for (int ch = 0; ch < c; ch++) {
            y[dst + ch] = (float) (sums[ch] / divisor);
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
