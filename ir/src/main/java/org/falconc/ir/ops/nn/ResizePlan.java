package org.falconc.ir.ops.nn;

import java.util.Arrays;
import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.Infer;

/**
 * Everything Resize needs besides the data: validated attributes and, per axis of the input, the
 * output size, the scale used by the coordinate transformation and the region of interest. It is
 * computed from the roi/scales/sizes tensors, which type inference takes from constants and the
 * kernel from its inputs. Follows onnx/reference/ops/op_resize.py (opset 19).
 */
public final class ResizePlan {
    public static final List<String> MODES = List.of("nearest", "linear", "cubic");
    public static final List<String> COORDINATE_MODES = List.of("half_pixel", "half_pixel_symmetric",
            "pytorch_half_pixel", "align_corners", "asymmetric", "tf_crop_and_resize");
    public static final List<String> NEAREST_MODES = List.of("round_prefer_floor", "round_prefer_ceil", "floor", "ceil");
    private static final List<String> ASPECT_POLICIES = List.of("stretch", "not_larger", "not_smaller");

    private final String mode;
    private final String coordinateMode;
    private final String nearestMode;
    private final double cubicCoeffA;
    private final boolean excludeOutside;
    private final float extrapolationValue;
    private final boolean antialias;
    private final int[] inSizes;
    private final int[] outSizes;
    private final double[] scales;
    private final double[] roiStart;
    private final double[] roiEnd;

    private ResizePlan(Node node, Shape x, Tensor roi, Tensor scalesIn, Tensor sizesIn) {
        mode = NnAttrs.choice(node, "mode", "nearest", MODES);
        coordinateMode = NnAttrs.choice(node, "coordinate_transformation_mode", "half_pixel", COORDINATE_MODES);
        nearestMode = NnAttrs.choice(node, "nearest_mode", "round_prefer_floor", NEAREST_MODES);
        String policy = NnAttrs.choice(node, "keep_aspect_ratio_policy", "stretch", ASPECT_POLICIES);
        cubicCoeffA = node.attrs().getFloat("cubic_coeff_a", -0.75f);
        excludeOutside = NnAttrs.flag(node, "exclude_outside", false);
        extrapolationValue = node.attrs().getFloat("extrapolation_value", 0f);
        antialias = NnAttrs.flag(node, "antialias", false);

        int rank = x.rank();
        int[] axes = axes(node, rank);
        inSizes = x.dims();
        outSizes = x.dims();
        scales = new double[rank];
        Arrays.fill(scales, 1.0);
        roiStart = new double[rank];
        roiEnd = new double[rank];
        Arrays.fill(roiEnd, 1.0);

        boolean hasScales = scalesIn != null && scalesIn.numElements() > 0;
        boolean hasSizes = sizesIn != null && sizesIn.numElements() > 0;
        if (hasScales == hasSizes) {
            throw Infer.fail(node, "exactly one of the inputs 'scales' and 'sizes' must be given");
        }
        if (hasScales) {
            float[] s = vectorOf(node, scalesIn, "scales", axes.length, DType.F32).floats();
            for (int i = 0; i < axes.length; i++) {
                if (!(s[i] > 0) || Float.isInfinite(s[i])) {
                    throw Infer.fail(node, "scales must be positive, got " + s[i] + " for axis " + axes[i]);
                }
                int a = axes[i];
                scales[a] = s[i];
                outSizes[a] = (int) Math.floor(s[i] * (double) inSizes[a]);
            }
        } else {
            long[] s = vectorOf(node, sizesIn, "sizes", axes.length, DType.I64).longs();
            for (int i = 0; i < axes.length; i++) {
                if (s[i] < 1 || s[i] > Integer.MAX_VALUE) {
                    throw Infer.fail(node, "sizes must be positive, got " + s[i] + " for axis " + axes[i]);
                }
                scales[axes[i]] = (double) s[i] / inSizes[axes[i]];
                outSizes[axes[i]] = (int) s[i];
            }
            if (!policy.equals("stretch")) {
                double scale = scales[axes[0]];
                for (int a : axes) {
                    scale = policy.equals("not_larger") ? Math.min(scale, scales[a]) : Math.max(scale, scales[a]);
                }
                for (int a : axes) {
                    scales[a] = scale;
                    outSizes[a] = (int) (scale * inSizes[a] + 0.5);
                }
            }
        }
        for (int a = 0; a < rank; a++) {
            if (outSizes[a] < 1) {
                throw Infer.fail(node, "output size on axis " + a + " would be " + outSizes[a] + " (input " + x + ")");
            }
        }
        if (coordinateMode.equals("tf_crop_and_resize")) {
            if (roi == null || roi.numElements() == 0) {
                throw Infer.fail(node, "coordinate_transformation_mode tf_crop_and_resize needs the 'roi' input");
            }
            if (roi.numElements() != 2 * axes.length) {
                throw Infer.fail(node, "roi must have " + 2 * axes.length + " elements, got " + roi.numElements());
            }
            for (int i = 0; i < axes.length; i++) {
                roiStart[axes[i]] = roi.getDouble(i);
                roiEnd[axes[i]] = roi.getDouble(axes.length + i);
            }
        }
    }

    /** The plan of a Resize node on input shape {@code x}; roi, scales and sizes may be null (absent). */
    public static ResizePlan of(Node node, Shape x, Tensor roi, Tensor scales, Tensor sizes) {
        return new ResizePlan(node, x, roi, scales, sizes);
    }

    private static int[] axes(Node node, int rank) {
        long[] raw = node.attrs().getInts("axes", null);
        if (raw == null) {
            int[] all = new int[rank];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] axes = new int[raw.length];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < raw.length; i++) {
            long a = raw[i] < 0 ? raw[i] + rank : raw[i];
            if (a < 0 || a >= rank || seen[(int) a]) {
                throw Infer.fail(node, "attribute 'axes' " + Arrays.toString(raw) + " is invalid for rank " + rank);
            }
            seen[(int) a] = true;
            axes[i] = (int) a;
        }
        return axes;
    }

    private static Tensor vectorOf(Node node, Tensor t, String role, int length, DType dtype) {
        if (t.dtype() != dtype || t.shape().rank() != 1 || t.numElements() != length) {
            throw Infer.fail(node, "input '" + role + "' must be " + dtype + "[" + length + "] (one entry per resized axis), got "
                    + t.type());
        }
        return t;
    }

    public String mode() {
        return mode;
    }

    public String coordinateMode() {
        return coordinateMode;
    }

    public String nearestMode() {
        return nearestMode;
    }

    public double cubicCoeffA() {
        return cubicCoeffA;
    }

    public boolean excludeOutside() {
        return excludeOutside;
    }

    public float extrapolationValue() {
        return extrapolationValue;
    }

    /** Antialiasing applies to linear and cubic downsampling only. */
    public boolean antialias() {
        return antialias && !mode.equals("nearest");
    }

    public int inSize(int axis) {
        return inSizes[axis];
    }

    public int outSize(int axis) {
        return outSizes[axis];
    }

    public Shape outputShape() {
        return Shape.of(outSizes);
    }

    /** The scale of {@code axis} as the coordinate transformation uses it (output / input, or the given scale). */
    public double scale(int axis) {
        return scales[axis];
    }

    public double roiStart(int axis) {
        return roiStart[axis];
    }

    public double roiEnd(int axis) {
        return roiEnd[axis];
    }
}
