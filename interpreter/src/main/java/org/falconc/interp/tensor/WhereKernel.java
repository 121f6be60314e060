package org.falconc.interp.tensor;

import java.util.List;
import org.falconc.interp.Elements;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.Infer;

/** Reference kernel of Where(condition, X, Y) with three-way broadcasting. */
final class WhereKernel {
    private WhereKernel() {
    }

    static final ReferenceKernel KERNEL = (node, in) -> {
        Tensor cond = in.get(0);
        Tensor x = in.get(1);
        Tensor y = in.get(2);
        Shape shape = Infer.broadcast(node, List.of(cond.shape(), x.shape(), y.shape()));
        Tensor out = Outputs.allocate(node, 0, shape);
        int[] ic = Broadcast.sourceIndices(shape, cond.shape());
        int[] ix = Broadcast.sourceIndices(shape, x.shape());
        int[] iy = Broadcast.sourceIndices(shape, y.shape());
        for (int i = 0; i < out.numElements(); i++) {
            if (cond.bools()[ic[i]]) {
                Elements.copy(x, ix[i], out, i);
            } else {
                Elements.copy(y, iy[i], out, i);
            }
        }
        return List.of(out);
    };
}
