package org.falconc.interp.tensor;

import java.util.List;
import org.falconc.interp.Elements;
import org.falconc.interp.MultiIndex;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.tensor.Concat;

/** Reference kernel of Concat: each input's elements land at its offset along the axis. */
final class ConcatKernel {
    private ConcatKernel() {
    }

    static final ReferenceKernel KERNEL = (node, in) -> {
        int axis = Concat.axis(node, in.get(0).shape().rank());
        Tensor y = Outputs.allocate(node, 0);
        int[] coords = new int[y.shape().rank()];
        int offset = 0;
        for (Tensor x : in) {
            for (int i = 0; i < x.numElements(); i++) {
                MultiIndex.unravel(i, x.shape(), coords);
                coords[axis] += offset;
                Elements.copy(x, i, y, MultiIndex.ravel(coords, y.shape()));
            }
            offset += x.shape().dim(axis);
        }
        if (offset != y.shape().dim(axis)) {
            throw org.falconc.ir.IrException.atNode(node, "inputs fill " + offset + " of the output's "
                    + y.shape().dim(axis) + " positions along axis " + axis);
        }
        return List.of(y);
    };
}
