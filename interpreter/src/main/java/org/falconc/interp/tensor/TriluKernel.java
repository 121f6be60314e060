package org.falconc.interp.tensor;

import java.util.List;
import org.falconc.interp.Elements;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Tensor;

/**
 * Reference kernel of Trilu on the last two axes of each matrix: upper keeps elements with
 * column - row >= k, lower those with column - row <= k; the rest become zero.
 */
final class TriluKernel {
    private TriluKernel() {
    }

    static final ReferenceKernel KERNEL = (node, in) -> {
        Tensor x = in.get(0);
        long k = in.size() > 1 && in.get(1) != null ? in.get(1).getLong(0) : 0;
        boolean upper = node.attrs().getInt("upper", 1) == 1;
        Tensor y = Outputs.allocate(node, 0, x.shape());
        int rank = x.shape().rank();
        int rows = x.shape().dim(rank - 2);
        int cols = x.shape().dim(rank - 1);
        for (int i = 0; i < x.numElements(); i++) {
            int col = i % cols;
            int row = (i / cols) % rows;
            long diagonal = (long) col - row;
            if (upper ? diagonal >= k : diagonal <= k) {
                Elements.copy(x, i, y, i);
            }
        }
        return List.of(y);
    };
}
