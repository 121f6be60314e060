package org.falconc.interp.tensor;

import java.util.List;
import org.falconc.interp.Elements;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Tensor;

/** Reference kernel of EyeLike: ones where column - row == k, zeros elsewhere. */
final class EyeLikeKernel {
    private EyeLikeKernel() {
    }

    static final ReferenceKernel KERNEL = (node, in) -> {
        Tensor y = Outputs.allocate(node, 0, in.get(0).shape());
        long k = node.attrs().getInt("k", 0);
        int rows = y.shape().dim(0);
        int cols = y.shape().dim(1);
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                Elements.setLong(y, row * cols + col, col - row == k ? 1 : 0);
            }
        }
        return List.of(y);
    };
}
