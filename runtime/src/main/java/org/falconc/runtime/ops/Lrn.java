package org.falconc.runtime.ops;

/**
 * LRN across channels, x [n, c, inner...]: y = x / (bias + alpha/size · Σ x²)^beta, the sum over
 * channels c - floor((size-1)/2) .. c + ceil((size-1)/2) clipped to the tensor, in double as the
 * reference. y must not alias x (neighbouring channels are read after being written).
 */
public final class Lrn {
    private Lrn() {
    }

    public static void run(float[] x, int xOff, float[] y, int yOff, int n, int c, int inner, int size, float alpha,
                           float beta, float bias) {
        int before = (size - 1) / 2;
        int after = size - 1 - before;
        double a = alpha;
        double scale = a / size;
        for (int img = 0; img < n; img++) {
            int planeStart = xOff + img * c * inner;
            for (int ch = 0; ch < c; ch++) {
                int lo = Math.max(0, ch - before);
                int hi = Math.min(c - 1, ch + after);
                for (int i = 0; i < inner; i++) {
                    double squares = 0;
                    for (int cc = lo; cc <= hi; cc++) {
                        double v = x[planeStart + cc * inner + i];
                        squares += v * v;
                    }
                    double v = x[planeStart + ch * inner + i];
                    y[yOff + (img * c + ch) * inner + i] = (float) (v / Math.pow(bias + scale * squares, beta));
                }
            }
        }
    }
}
