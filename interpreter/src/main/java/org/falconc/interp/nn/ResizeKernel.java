package org.falconc.interp.nn;

import java.util.List;
import org.falconc.interp.MultiIndex;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.nn.ResizePlan;

/**
 * Resize: separable interpolation; each output element is the weighted sum, axis by axis (outermost
 * first), of the input elements its per-axis filters select. An axis that extrapolates
 * (tf_crop_and_resize outside the image) contributes the extrapolation value for its whole sub-sum.
 */
final class ResizeKernel {
    private ResizeKernel() {
    }

    static List<Tensor> compute(Node node, List<Tensor> in) {
        Tensor x = in.get(0);
        ResizePlan plan = ResizePlan.of(node, x.shape(), at(in, 1), at(in, 2), at(in, 3));
        int rank = x.shape().rank();
        ResizeFilter[] filters = new ResizeFilter[rank];
        for (int a = 0; a < rank; a++) {
            filters[a] = new ResizeFilter(plan, a);
        }
        Tensor y = Tensor.zeros(node.output(0).type());
        float[] yd = y.floats();
        int[] outDims = y.shape().dims();
        int[] o = new int[rank];
        for (int p = 0; p < yd.length; p++) {
            MultiIndex.unravel(p, outDims, o);
            yd[p] = (float) sample(x, plan, filters, o, 0, 0);
        }
        return List.of(y);
    }

    private static Tensor at(List<Tensor> in, int i) {
        return i < in.size() ? in.get(i) : null;
    }

    /** The interpolated value over axes {@code axis..rank-1}, the outer axes having selected input offset {@code base}. */
    private static double sample(Tensor x, ResizePlan plan, ResizeFilter[] filters, int[] o, int axis, int base) {
        if (axis == filters.length) {
            return x.floats()[base];
        }
        ResizeFilter f = filters[axis];
        if (f.extrapolates(o[axis])) {
            return plan.extrapolationValue();
        }
        int[] idx = f.indices(o[axis]);
        double[] w = f.weights(o[axis]);
        double sum = 0;
        for (int t = 0; t < idx.length; t++) {
            if (w[t] != 0) {
                sum += w[t] * sample(x, plan, filters, o, axis + 1, base * plan.inSize(axis) + idx[t]);
            }
        }
        return sum;
    }
}
