package org.falconc.runtime.ops;

/**
 * Resize as a separable weighted gather: each output element is the weighted sum, axis by axis
 * (outermost first, in double), of the input elements its per-axis taps select, as the reference
 * kernel computes it. Taps with weight 0 are skipped (so a non-finite neighbour does not leak in).
 * The tables ({@link ResizeTables}: {@code taps}, {@code indices} as an int[] constant, the weights
 * as a float weight buffer) are built at compile time.
 */
public final class Resize {
    private Resize() {
    }

    public static void run(float[] x, int xOff, float[] y, int yOff, int[] inShape, int[] outShape, int[] taps,
                           int[] indices, float[] weights, int weightsOff, float extrapolationValue) {
        int rank = inShape.length;
        int[] base = new int[rank];
        for (int a = 1; a < rank; a++) {
            base[a] = base[a - 1] + outShape[a - 1] * taps[a - 1];
        }
        if (Rows.volume(outShape) == 0) {
            return;
        }
        if (rank == 0) {
            y[yOff] = x[xOff];
            return;
        }
        Sampler s = new Sampler(x, xOff, inShape, taps, indices, weights, weightsOff, extrapolationValue, base);
        int[] o = new int[rank];
        int outVol = Rows.volume(outShape);
        for (int p = 0; p < outVol; p++) {
            y[yOff + p] = (float) s.sample(o, 0, 0);
            // advance the output multi-index (row-major odometer)
            for (int a = rank - 1; a >= 0 && ++o[a] == outShape[a]; a--) {
                o[a] = 0;
            }
        }
    }

    /** The constants of one call and the recursive weighted sum. */
    private static final class Sampler {
        final float[] x;
        final int xOff;
        final int[] inShape;
        final int[] taps;
        final int[] indices;
        final float[] weights;
        final int weightsOff;
        final float extrapolation;
        final int[] base;

        Sampler(float[] x, int xOff, int[] inShape, int[] taps, int[] indices, float[] weights, int weightsOff,
                float extrapolation, int[] base) {
            this.x = x;
            this.xOff = xOff;
            this.inShape = inShape;
            this.taps = taps;
            this.indices = indices;
            this.weights = weights;
            this.weightsOff = weightsOff;
            this.extrapolation = extrapolation;
            this.base = base;
        }

        /** The interpolated value over axes {@code a..}, the outer axes having selected input offset {@code offset}. */
        double sample(int[] o, int a, int offset) {
            if (a == inShape.length) {
                return x[xOff + offset];
            }
            int e = base[a] + o[a] * taps[a];
            if (indices[e] < 0) {
                return extrapolation;
            }
            double sum = 0;
            for (int t = 0; t < taps[a]; t++) {
                double w = weights[weightsOff + e + t];
                if (w != 0) {
                    sum += w * sample(o, a + 1, offset * inShape[a] + indices[e + t]);
                }
            }
            return sum;
        }
    }
}
