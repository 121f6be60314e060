package org.falconc.interp.tensor;

import java.util.List;
import org.falconc.interp.Elements;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.tensor.Expand;

/** Reference kernel of Expand: broadcasts the input to the shape argument. */
final class ExpandKernel {
    private ExpandKernel() {
    }

    static final ReferenceKernel KERNEL = (node, in) -> {
        Tensor x = in.get(0);
        Shape shape = Expand.outputShape(node, x.shape(), in.get(1));
        Tensor y = Outputs.allocate(node, 0, shape);
        int[] source = Broadcast.sourceIndices(shape, x.shape());
        for (int o = 0; o < y.numElements(); o++) {
            Elements.copy(x, source[o], y, o);
        }
        return List.of(y);
    };
}
