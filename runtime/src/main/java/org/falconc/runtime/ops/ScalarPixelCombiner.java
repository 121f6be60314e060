package org.falconc.runtime.ops;

/** {@link PixelCombiner} in plain Java (always available). */
final class ScalarPixelCombiner implements PixelCombiner {

    @Override
    public boolean maxOfPixels(float[] x, int[] pixels, int count, float[] y, int dst, int c) {
        System.arraycopy(x, pixels[0], y, dst, c);
        for (int i = 1; i < count; i++) {
            maxInto(y, dst, x, pixels[i], c);
        }
        boolean nan = false;
        for (int ch = 0; ch < c; ch++) {
            nan |= Float.isNaN(y[dst + ch]);
        }
        return nan;
    }

    @Override
    public void maxInto(float[] acc, int accOff, float[] x, int xOff, int c) {
        for (int ch = 0; ch < c; ch++) {
            acc[accOff + ch] = Math.max(acc[accOff + ch], x[xOff + ch]);
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
