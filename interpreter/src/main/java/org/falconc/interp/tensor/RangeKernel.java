package org.falconc.interp.tensor;

import java.util.List;
import org.falconc.interp.Elements;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.tensor.Range;

/** Reference kernel of Range: element i is start + i * delta. */
final class RangeKernel {
    private RangeKernel() {
    }

    static final ReferenceKernel KERNEL = (node, in) -> {
        Tensor start = in.get(0);
        Tensor delta = in.get(2);
        int n = Range.length(node, start, in.get(1), delta);
        Tensor y = Outputs.allocate(node, 0, Shape.of(n));
        for (int i = 0; i < n; i++) {
            if (y.dtype().isInteger()) {
                Elements.setLong(y, i, start.getLong(0) + i * delta.getLong(0));
            } else {
                Elements.setDouble(y, i, start.getDouble(0) + i * delta.getDouble(0));
            }
        }
        return List.of(y);
    };
}
