package org.falconc.interp.tensor;

import java.util.ArrayList;
import java.util.List;
import org.falconc.interp.Elements;
import org.falconc.interp.MultiIndex;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.tensor.Split;

/** Reference kernel of Split: output k takes the k-th consecutive chunk along the axis. */
final class SplitKernel {
    private SplitKernel() {
    }

    static final ReferenceKernel KERNEL = (node, in) -> {
        Tensor x = in.get(0);
        int axis = Split.axis(node, x.shape().rank());
        int[] sizes = Split.sizes(node, x.shape(), in.size() > 1 ? in.get(1) : null);
        List<Tensor> outs = new ArrayList<>();
        int[] coords = new int[x.shape().rank()];
        int offset = 0;
        for (int k = 0; k < sizes.length; k++) {
            Tensor y = Outputs.allocate(node, k, x.shape().withDim(axis, sizes[k]));
            for (int o = 0; o < y.numElements(); o++) {
                MultiIndex.unravel(o, y.shape(), coords);
                coords[axis] += offset;
                Elements.copy(x, MultiIndex.ravel(coords, x.shape()), y, o);
            }
            offset += sizes[k];
            outs.add(y);
        }
        return outs;
    };
}
