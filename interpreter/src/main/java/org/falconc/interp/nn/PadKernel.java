package org.falconc.interp.nn;

import java.util.List;
import org.falconc.interp.Elements;
import org.falconc.interp.MultiIndex;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.nn.PadPlan;

/**
 * Pad: each output position maps, per axis, to a position of the input cropped by the negative pads;
 * outside it, constant mode writes the constant, edge clamps, reflect mirrors without repeating the
 * border element and wrap wraps around.
 */
final class PadKernel {
    private PadKernel() {
    }

    static List<Tensor> compute(Node node, List<Tensor> in) {
        Tensor x = in.get(0);
        Tensor value = in.size() > 2 ? in.get(2) : null;
        PadPlan plan = PadPlan.of(node, x.shape(), in.get(1), in.size() > 3 ? in.get(3) : null);
        Tensor y = Tensor.zeros(node.output(0).type());
        if (value != null) {
            for (int i = 0; i < y.numElements(); i++) {
                Elements.copy(value, 0, y, i);
            }
        }
        int rank = x.shape().rank();
        int[] inDims = x.shape().dims();
        int[] outDims = y.shape().dims();
        int[] o = new int[rank];
        for (int op = 0; op < y.numElements(); op++) {
            MultiIndex.unravel(op, outDims, o);
            int offset = 0;
            for (int a = 0; a < rank && offset >= 0; a++) {
                // The kept (cropped) range of the input on this axis is [keptStart, keptStart + kept).
                int keptStart = Math.max(0, -plan.begin(a));
                int kept = inDims[a] + Math.min(0, plan.begin(a)) + Math.min(0, plan.end(a));
                int r = sourceIndex(plan.mode(), o[a] - Math.max(0, plan.begin(a)), kept);
                offset = r < 0 ? -1 : offset * inDims[a] + keptStart + r;
            }
            if (offset >= 0) {
                Elements.copy(x, offset, y, op);
            }
        }
        return List.of(y);
    }

    /** Position within the kept range of length {@code n} that supplies position {@code i}, or -1 for the constant. */
    private static int sourceIndex(String mode, int i, int n) {
        if (i >= 0 && i < n) {
            return i;
        }
        return switch (mode) {
            case "edge" -> i < 0 ? 0 : n - 1;
            case "wrap" -> Math.floorMod(i, n);
            case "reflect" -> {
                if (n == 1) {
                    yield 0;
                }
                int period = 2 * (n - 1);
                int r = Math.floorMod(i, period);
                yield r < n ? r : period - r;
            }
            default -> -1;
        };
    }
}
