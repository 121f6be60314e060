package org.falconc.runtime.ops;

/**
 * The per-axis sampling tables of {@link Resize}, built at compile time from the resolved Resize
 * attributes (ir's ResizePlan gives every input here). The arithmetic follows
 * onnx/reference/ops/op_resize.py exactly as the reference interpreter's ResizeFilter does.
 *
 * <p><b>Format.</b> Axis a has {@code taps[a]} taps per output coordinate. For output coordinate
 * o of axis a, entry e = base(a) + o·taps[a] + t (t &lt; taps[a]), with base(a) = Σ_{b&lt;a}
 * outShape[b]·taps[b], holds {@code indices[e]}, the input coordinate (already clamped to
 * [0, in-1]), and {@code weights[e]}. {@code indices[base(a) + o·taps[a]] == -1} marks a coordinate
 * outside the crop box of tf_crop_and_resize: every output there takes the extrapolation value.
 */
public final class ResizeTables {
    private final int[] taps;
    private final int[] indices;
    private final float[] weights;

    private ResizeTables(int[] taps, int[] indices, float[] weights) {
        this.taps = taps;
        this.indices = indices;
        this.weights = weights;
    }

    public int[] taps() {
        return taps.clone();
    }

    public int[] indices() {
        return indices.clone();
    }

    public float[] weights() {
        return weights.clone();
    }

    /**
     * Tables for one Resize. Names as the ONNX attributes: {@code mode} nearest|linear|cubic,
     * {@code coordinateMode} half_pixel|half_pixel_symmetric|pytorch_half_pixel|align_corners|
     * asymmetric|tf_crop_and_resize, {@code nearestMode} round_prefer_floor|round_prefer_ceil|floor|ceil.
     * {@code scales[a]} is the scale the coordinate transformation uses (ResizePlan.scale), roi per
     * axis (ignored unless tf_crop_and_resize).
     */
    public static ResizeTables build(String mode, String coordinateMode, String nearestMode, double cubicCoeffA,
                                     boolean excludeOutside, boolean antialias, int[] inShape, int[] outShape,
                                     double[] scales, double[] roiStart, double[] roiEnd) {
        int rank = inShape.length;
        double[][][] w = new double[rank][][];
        int[][][] idx = new int[rank][][];
        int[] taps = new int[rank];
        int total = 0;
        for (int a = 0; a < rank; a++) {
            int out = outShape[a];
            w[a] = new double[out][];
            idx[a] = new int[out][];
            for (int o = 0; o < out; o++) {
                axisFilter(mode, coordinateMode, nearestMode, cubicCoeffA, excludeOutside,
                        antialias && !mode.equals("nearest"), inShape[a], out, scales[a], roiStart[a], roiEnd[a], o,
                        w[a], idx[a]);
                if (w[a][o] != null) {
                    taps[a] = Math.max(taps[a], w[a][o].length);
                }
            }
            taps[a] = Math.max(taps[a], 1);
            total += out * taps[a];
        }
        int[] indices = new int[total];
        float[] weights = new float[total];
        int e = 0;
        for (int a = 0; a < rank; a++) {
            for (int o = 0; o < outShape[a]; o++, e += taps[a]) {
                if (w[a][o] == null) {
                    indices[e] = -1;
                    continue;
                }
                // filters of one axis all have the same length; pad defensively with zero weights
                for (int t = 0; t < taps[a]; t++) {
                    boolean real = t < w[a][o].length;
                    indices[e + t] = real ? idx[a][o][t] : idx[a][o][0];
                    weights[e + t] = real ? (float) w[a][o][t] : 0f;
                }
            }
        }
        return new ResizeTables(taps, indices, weights);
    }

    /** Fills {@code weights[o]} and {@code indices[o]} for output coordinate o (left null when it extrapolates). */
    private static void axisFilter(String mode, String coordinateMode, String nearestMode, double cubicA,
                                   boolean excludeOutside, boolean antialias, int in, int out, double scale,
                                   double roiStart, double roiEnd, int o, double[][] weights, int[][] indices) {
        double x = originalCoordinate(coordinateMode, in, out, scale, roiStart, roiEnd, o);
        if (coordinateMode.equals("tf_crop_and_resize") && (x < 0 || x > in - 1)) {
            return;
        }
        // The filter is centred between i0 and i0 + 1 with ratio = x - i0 in (0, 1].
        double floor = Math.floor(x);
        boolean integral = x == floor;
        double ratio = integral ? 1 : x - floor;
        int i0 = (int) floor - (integral ? 1 : 0);
        double[] w = coefficients(mode, nearestMode, cubicA, antialias, ratio, scale);
        int first = i0 + 1 - w.length / 2;
        // exclude_outside renormalises interpolation filters; a nearest pick is never re-weighted.
        boolean exclude = excludeOutside && !mode.equals("nearest");
        int[] idx = new int[w.length];
        double kept = 0;
        for (int t = 0; t < w.length; t++) {
            int i = first + t;
            if (exclude && (i < 0 || i >= in)) {
                w[t] = 0;
            }
            kept += w[t];
            idx[t] = Math.min(Math.max(i, 0), in - 1);
        }
        if (exclude) {
            for (int t = 0; t < w.length; t++) {
                w[t] /= kept;
            }
        }
        weights[o] = w;
        indices[o] = idx;
    }

    /** The input coordinate that output coordinate {@code o} corresponds to. */
    static double originalCoordinate(String coordinateMode, int in, int out, double scale, double roiStart,
                                     double roiEnd, int o) {
        double outWidth = scale * in;
        return switch (coordinateMode) {
            case "align_corners" -> outWidth == 1 ? 0 : o * (in - 1) / (outWidth - 1);
            case "asymmetric" -> o / scale;
            case "tf_crop_and_resize" -> {
                double extent = roiEnd - roiStart;
                double x = outWidth == 1 ? extent * (in - 1) / 2 : o * extent * (in - 1) / (outWidth - 1);
                yield x + roiStart * (in - 1);
            }
            case "pytorch_half_pixel" -> outWidth == 1 ? -0.5 : (o + 0.5) / scale - 0.5;
            case "half_pixel_symmetric" -> {
                double adjustment = out / outWidth;
                double offset = in / 2.0 * (1 - adjustment);
                yield offset + (o + 0.5) / scale - 0.5;
            }
            case "half_pixel" -> (o + 0.5) / scale - 0.5;
            default -> throw new IllegalArgumentException("unknown coordinate_transformation_mode '" + coordinateMode + "'");
        };
    }

    /** Filter weights for the taps i0 + 1 - n/2 .. i0 + n/2 around a point at {@code ratio} past i0. */
    private static double[] coefficients(String mode, String nearestMode, double a, boolean antialias, double ratio,
                                         double scale) {
        switch (mode) {
            case "nearest" -> {
                boolean up = switch (nearestMode) {
                    case "round_prefer_ceil" -> ratio >= 0.5;
                    case "floor" -> ratio == 1;
                    case "ceil" -> true;
                    case "round_prefer_floor" -> ratio > 0.5;
                    default -> throw new IllegalArgumentException("unknown nearest_mode '" + nearestMode + "'");
                };
                return up ? new double[] {0, 1} : new double[] {1, 0};
            }
            case "linear" -> {
                if (!antialias) {
                    return new double[] {1 - ratio, ratio};
                }
                double s = Math.min(scale, 1.0);
                int start = (int) Math.floor(-1 / s) + 1;
                double[] w = new double[2 - 2 * start];
                for (int t = 0; t < w.length; t++) {
                    w[t] = Math.min(1, Math.max(0, 1 - Math.abs((start + t - ratio) * s)));
                }
                return normalised(w);
            }
            case "cubic" -> {
                if (!antialias) {
                    return new double[] {cubic(ratio + 1, a), cubic(ratio, a), cubic(1 - ratio, a), cubic(2 - ratio, a)};
                }
                double s = Math.min(scale, 1.0);
                int start = (int) Math.floor(-2 / s) + 1;
                double[] w = new double[2 - 2 * start];
                for (int t = 0; t < w.length; t++) {
                    w[t] = cubic(s * (start + t - ratio), a);
                }
                return normalised(w);
            }
            default -> throw new IllegalArgumentException("unknown Resize mode '" + mode + "'");
        }
    }

    /** Keys' cubic convolution kernel with parameter {@code a}. */
    private static double cubic(double x, double a) {
        x = Math.abs(x);
        if (x <= 1) {
            return ((a + 2) * x - (a + 3)) * x * x + 1;
        }
        if (x < 2) {
            return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
        }
        return 0;
    }

    private static double[] normalised(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        for (int t = 0; t < w.length; t++) {
            w[t] /= sum;
        }
        return w;
    }
}
