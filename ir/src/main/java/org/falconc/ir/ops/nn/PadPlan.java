package org.falconc.ir.ops.nn;

import java.util.List;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.Infer;

/**
 * Pad's validated mode and per-axis begin/end amounts (negative amounts crop). The input is first
 * cropped by the negative amounts, then padded by the positive ones; reflect, edge and wrap read the
 * cropped data. Type inference builds it from constant pads/axes, the kernel from its inputs.
 */
public final class PadPlan {
    public static final List<String> MODES = List.of("constant", "reflect", "edge", "wrap");

    private final String mode;
    private final int[] begin;
    private final int[] end;
    private final int[] outSizes;

    private PadPlan(Node node, Shape x, Tensor pads, Tensor axesIn) {
        mode = NnAttrs.choice(node, "mode", "constant", MODES);
        int rank = x.rank();
        int[] axes = axes(node, rank, axesIn);
        if (!pads.dtype().isInteger() || pads.shape().rank() != 1 || pads.numElements() != 2 * axes.length) {
            throw Infer.fail(node, "input 'pads' must be an integer vector of " + 2 * axes.length + " elements, got " + pads.type());
        }
        begin = new int[rank];
        end = new int[rank];
        outSizes = x.dims();
        for (int i = 0; i < axes.length; i++) {
            int a = axes[i];
            long b = pads.getLong(i);
            long e = pads.getLong(axes.length + i);
            long out = x.dim(a) + b + e;
            if (out < 0 || out > Integer.MAX_VALUE || Math.abs(b) > Integer.MAX_VALUE || Math.abs(e) > Integer.MAX_VALUE) {
                throw Infer.fail(node, "pads " + b + ", " + e + " are invalid for axis " + a + " of size " + x.dim(a));
            }
            begin[a] = (int) b;
            end[a] = (int) e;
            outSizes[a] = (int) out;
            long kept = x.dim(a) + Math.min(b, 0) + Math.min(e, 0);
            if (!mode.equals("constant") && out > 0 && kept <= 0) {
                throw Infer.fail(node, "mode " + mode + " needs at least one element left on axis " + a + " after cropping");
            }
        }
    }

    /** The plan of a Pad node on input shape {@code x}; {@code axes} may be null (all axes). */
    public static PadPlan of(Node node, Shape x, Tensor pads, Tensor axes) {
        return new PadPlan(node, x, pads, axes);
    }

    private static int[] axes(Node node, int rank, Tensor axesIn) {
        if (axesIn == null) {
            int[] all = new int[rank];
            java.util.Arrays.setAll(all, i -> i);
            return all;
        }
        if (!axesIn.dtype().isInteger() || axesIn.shape().rank() != 1) {
            throw Infer.fail(node, "input 'axes' must be an integer vector, got " + axesIn.type());
        }
        int[] axes = new int[axesIn.numElements()];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < axes.length; i++) {
            long raw = axesIn.getLong(i);
            long a = raw < 0 ? raw + rank : raw;
            if (a < 0 || a >= rank || seen[(int) a]) {
                throw Infer.fail(node, "axes entry " + raw + " is out of range or repeated for rank " + rank);
            }
            seen[(int) a] = true;
            axes[i] = (int) a;
        }
        return axes;
    }

    public String mode() {
        return mode;
    }

    /** Elements added before the data on {@code axis} (negative: removed). */
    public int begin(int axis) {
        return begin[axis];
    }

    /** Elements added after the data on {@code axis} (negative: removed). */
    public int end(int axis) {
        return end[axis];
    }

    public Shape outputShape() {
        return Shape.of(outSizes);
    }
}
