package org.falconc.interp.nn;

import org.falconc.ir.ops.nn.ResizePlan;

/**
 * Resize along one axis: for every output coordinate, the input indices it reads and their weights,
 * following onnx/reference/ops/op_resize.py (coordinate transformation, then the nearest, linear or
 * cubic filter, optionally antialiased, around the original coordinate; neighbours past the border
 * repeat the edge element).
 */
final class ResizeFilter {
    /** Per output coordinate: input indices, or null when tf_crop_and_resize extrapolates there. */
    private final int[][] indices;
    private final double[][] weights;

    ResizeFilter(ResizePlan plan, int axis) {
        int in = plan.inSize(axis);
        int out = plan.outSize(axis);
        indices = new int[out][];
        weights = new double[out][];
        for (int o = 0; o < out; o++) {
            double x = originalCoordinate(plan, axis, o);
            if (plan.coordinateMode().equals("tf_crop_and_resize") && (x < 0 || x > in - 1)) {
                continue;
            }
            // The filter is centred between i0 and i0 + 1 with ratio = x - i0 in (0, 1].
            double floor = Math.floor(x);
            boolean integral = x == floor;
            double ratio = integral ? 1 : x - floor;
            int i0 = (int) floor - (integral ? 1 : 0);
            double[] w = coefficients(plan, ratio, plan.scale(axis));
            int first = i0 + 1 - w.length / 2;
            // exclude_outside renormalises interpolation filters; a nearest pick is never re-weighted.
            boolean exclude = plan.excludeOutside() && !plan.mode().equals("nearest");
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
            indices[o] = idx;
            weights[o] = w;
        }
    }

    /** Whether output coordinate {@code o} takes the extrapolation value. */
    boolean extrapolates(int o) {
        return indices[o] == null;
    }

    int[] indices(int o) {
        return indices[o];
    }

    double[] weights(int o) {
        return weights[o];
    }

    /** The input coordinate that output coordinate {@code o} corresponds to. */
    static double originalCoordinate(ResizePlan plan, int axis, int o) {
        int in = plan.inSize(axis);
        double scale = plan.scale(axis);
        double outWidth = scale * in;
        return switch (plan.coordinateMode()) {
            case "align_corners" -> outWidth == 1 ? 0 : o * (in - 1) / (outWidth - 1);
            case "asymmetric" -> o / scale;
            case "tf_crop_and_resize" -> {
                double start = plan.roiStart(axis);
                double extent = plan.roiEnd(axis) - start;
                double x = outWidth == 1 ? extent * (in - 1) / 2 : o * extent * (in - 1) / (outWidth - 1);
                yield x + start * (in - 1);
            }
            case "pytorch_half_pixel" -> outWidth == 1 ? -0.5 : (o + 0.5) / scale - 0.5;
            case "half_pixel_symmetric" -> {
                double adjustment = plan.outSize(axis) / outWidth;
                double offset = in / 2.0 * (1 - adjustment);
                yield offset + (o + 0.5) / scale - 0.5;
            }
            default -> (o + 0.5) / scale - 0.5;
        };
    }

    /** Filter weights for the taps i0 + 1 - n/2 .. i0 + n/2 around a point at {@code ratio} past i0. */
    static double[] coefficients(ResizePlan plan, double ratio, double scale) {
        switch (plan.mode()) {
            case "nearest" -> {
                boolean up = switch (plan.nearestMode()) {
                    case "round_prefer_ceil" -> ratio >= 0.5;
                    case "floor" -> ratio == 1;
                    case "ceil" -> true;
                    default -> ratio > 0.5;
                };
                return up ? new double[] {0, 1} : new double[] {1, 0};
            }
            case "linear" -> {
                if (!plan.antialias()) {
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
            default -> {
                double a = plan.cubicCoeffA();
                if (!plan.antialias()) {
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
