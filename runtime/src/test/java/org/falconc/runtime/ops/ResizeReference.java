package org.falconc.runtime.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * Resize written from the ONNX operator definition (opset 19) and, where its text is silent, from
 * onnx/reference/ops/op_resize.py, independently of ResizePlan, ResizeTables and the interpreter's
 * ResizeFilter: each output element is evaluated on its own as Σ over input elements of the product
 * of per-axis weights, a weight being the interpolation kernel evaluated at the distance between the
 * output's original coordinate and a (virtual, edge-clamped) input index.
 *
 * <p>Conventions taken from the reference implementation: pytorch_half_pixel maps an output of
 * length 1 to -0.5 (the operator text says 0); tf_crop_and_resize gives the extrapolation value when
 * any axis's original coordinate lies outside [0, in - 1]. exclude_outside renormalises the linear and
 * cubic kernels only: a nearest pick outside the input is the edge element (the reference would divide
 * 0 by 0 there).
 */
final class ResizeReference {
    /** The Resize attributes (names as in ONNX). */
    record Attributes(String mode, String coordinateMode, String nearestMode, double cubicCoeffA,
                      boolean excludeOutside, boolean antialias, float extrapolationValue) {
    }

    /** The value of one output element and the sum of |weight · input| it is made of (the rounding scale). */
    record Sample(double value, double magnitude) {
    }

    private ResizeReference() {
    }

    /**
     * The original coordinate of output index {@code o} on an axis of input length {@code in}, output
     * length {@code out}, scale {@code scale} (output / input, or the given scale), roi [start, end].
     */
    static double originalCoordinate(String mode, int o, int in, int out, double scale, double roiStart,
                                     double roiEnd) {
        double lengthResized = scale * in; // the unrounded output length
        switch (mode) {
            case "half_pixel":
                return (o + 0.5) / scale - 0.5;
            case "half_pixel_symmetric": {
                // the centre of the input maps to the centre of the (rounded) output
                double shift = in / 2.0 * (1 - out / lengthResized);
                return shift + (o + 0.5) / scale - 0.5;
            }
            case "pytorch_half_pixel":
                return lengthResized == 1 ? -0.5 : (o + 0.5) / scale - 0.5;
            case "align_corners":
                return lengthResized == 1 ? 0 : o * (in - 1) / (lengthResized - 1);
            case "asymmetric":
                return o / scale;
            case "tf_crop_and_resize": {
                double start = roiStart * (in - 1);
                double extent = (roiEnd - roiStart) * (in - 1);
                return lengthResized == 1 ? start + extent / 2 : start + o * extent / (lengthResized - 1);
            }
            default:
                throw new IllegalArgumentException(mode);
        }
    }

    /** Keys' cubic convolution kernel in monomial form. */
    static double cubic(double d, double a) {
        double t = Math.abs(d);
        if (t <= 1) {
            return (a + 2) * t * t * t - (a + 3) * t * t + 1;
        }
        if (t < 2) {
            return a * t * t * t - 5 * a * t * t + 8 * a * t - 4 * a;
        }
        return 0;
    }

    /** The weight of every input index of one axis (dense, length {@code in}) for original coordinate {@code x}. */
    static double[] axisWeights(Attributes at, double x, int in, double scale) {
        double[] w = new double[in];
        if (at.mode().equals("nearest")) {
            double pick = switch (at.nearestMode()) {
                case "round_prefer_floor" -> Math.ceil(x - 0.5); // halves go down
                case "round_prefer_ceil" -> Math.floor(x + 0.5); // halves go up
                case "floor" -> Math.floor(x);
                case "ceil" -> Math.ceil(x);
                default -> throw new IllegalArgumentException(at.nearestMode());
            };
            w[clamp((long) pick, in)] = 1;
            return w;
        }
        boolean linear = at.mode().equals("linear");
        // Antialiasing widens the kernel by 1/scale when downsampling and normalises it.
        double s = at.antialias() ? Math.min(scale, 1) : 1;
        double support = (linear ? 1 : 2) / s;
        double total = 0;
        for (long j = (long) Math.ceil(x - support); j <= (long) Math.floor(x + support); j++) {
            double d = s * (j - x);
            double k = linear ? Math.max(0, 1 - Math.abs(d)) : cubic(d, at.cubicCoeffA());
            if (at.excludeOutside() && (j < 0 || j >= in)) {
                continue;
            }
            w[clamp(j, in)] += k; // beyond the edges the edge element repeats
            total += k;
        }
        if (at.antialias() || at.excludeOutside()) {
            for (int i = 0; i < in; i++) {
                w[i] /= total;
            }
        }
        return w;
    }

    private static int clamp(long j, int in) {
        return (int) Math.min(Math.max(j, 0), in - 1);
    }

    /**
     * Output element {@code o} (a multi-index) of resizing {@code x} (shape {@code in}) to {@code out}
     * with per-axis scales and roi.
     */
    static Sample sample(Attributes at, float[] x, int[] in, int[] out, double[] scale, double[] roiStart,
                         double[] roiEnd, int[] o) {
        int rank = in.length;
        List<int[]> indices = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        for (int a = 0; a < rank; a++) {
            double c = originalCoordinate(at.coordinateMode(), o[a], in[a], out[a], scale[a], roiStart[a], roiEnd[a]);
            if (at.coordinateMode().equals("tf_crop_and_resize") && (c < 0 || c > in[a] - 1)) {
                return new Sample(at.extrapolationValue(), Math.abs(at.extrapolationValue()));
            }
            double[] dense = axisWeights(at, c, in[a], scale[a]);
            int nonZero = 0;
            for (double v : dense) {
                nonZero += v != 0 ? 1 : 0;
            }
            int[] idx = new int[nonZero];
            double[] w = new double[nonZero];
            for (int i = 0, k = 0; i < dense.length; i++) {
                if (dense[i] != 0) {
                    idx[k] = i;
                    w[k++] = dense[i];
                }
            }
            indices.add(idx);
            weights.add(w);
        }
        // Σ over the product of the per-axis supports of Π weight · x
        double value = 0;
        double magnitude = 0;
        int[] pick = new int[rank];
        int[] coordinate = new int[rank];
        while (true) {
            double w = 1;
            for (int a = 0; a < rank; a++) {
                if (indices.get(a).length == 0) {
                    return new Sample(0, 0);
                }
                coordinate[a] = indices.get(a)[pick[a]];
                w *= weights.get(a)[pick[a]];
            }
            double term = w * x[TestData.ravel(coordinate, in)];
            value += term;
            magnitude += Math.abs(term);
            int a = rank - 1;
            while (a >= 0 && ++pick[a] == indices.get(a).length) {
                pick[a--] = 0;
            }
            if (a < 0) {
                return new Sample(value, magnitude);
            }
        }
    }
}
