package org.falconc.interp.tensor;

import java.util.List;
import java.util.function.BiConsumer;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.tensor.ArgReduction;

/**
 * Reference kernels of ArgMax and ArgMin: for each line along the axis, the index of its first
 * (or, with select_last_index=1, last) extreme element.
 */
final class ArgReduceKernels {
    private ArgReduceKernels() {
    }

    static void register(BiConsumer<String, ReferenceKernel> r) {
        r.accept("ArgMax", (node, in) -> compute(node, in.get(0), 1));
        r.accept("ArgMin", (node, in) -> compute(node, in.get(0), -1));
    }

    /** {@code sign} 1 looks for the maximum, -1 for the minimum. */
    private static List<Tensor> compute(Node node, Tensor x, int sign) {
        Shape s = x.shape();
        int axis = ArgReduction.axis(node, s.rank());
        boolean last = node.attrs().getInt("select_last_index", 0) == 1;
        int n = s.dim(axis);
        int inner = 1;
        for (int i = axis + 1; i < s.rank(); i++) {
            inner *= s.dim(i);
        }
        int outer = n == 0 || inner == 0 ? 0 : x.numElements() / (n * inner);
        Tensor y = Outputs.allocate(node, 0);
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int best = 0;
                double bestValue = sign * x.getDouble(o * n * inner + in);
                for (int k = 1; k < n; k++) {
                    double v = sign * x.getDouble((o * n + k) * inner + in);
                    if (v > bestValue || (last && v == bestValue)) {
                        best = k;
                        bestValue = v;
                    }
                }
                y.longs()[o * inner + in] = best;
            }
        }
        return List.of(y);
    }
}
