package org.falconc.interp.tensor;

import java.util.List;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Tensor;

/** Reference kernel of PRelu: x where x >= 0, else slope * x, the slope broadcast to x's shape. */
final class PReluKernel {
    private PReluKernel() {
    }

    static final ReferenceKernel KERNEL = (node, in) -> {
        Tensor x = in.get(0);
        Tensor slope = in.get(1);
        Tensor out = Outputs.allocate(node, 0, x.shape());
        int[] is = Broadcast.sourceIndices(x.shape(), slope.shape());
        for (int i = 0; i < out.numElements(); i++) {
            double v = x.floats()[i];
            out.floats()[i] = (float) (v < 0 ? slope.floats()[is[i]] * v : v);
        }
        return List.of(out);
    };
}
