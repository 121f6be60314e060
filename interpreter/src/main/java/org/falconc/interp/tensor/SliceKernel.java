package org.falconc.interp.tensor;

import java.util.List;
import org.falconc.interp.Elements;
import org.falconc.interp.MultiIndex;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.tensor.Slice;

/** Reference kernel of Slice: output coordinate c on an axis reads input coordinate start + c * step. */
final class SliceKernel {
    private SliceKernel() {
    }

    static final ReferenceKernel KERNEL = (node, in) -> {
        Tensor x = in.get(0);
        Slice.AxisRange[] ranges = Slice.ranges(node, x.shape(), in.get(1), in.get(2),
                in.size() > 3 ? in.get(3) : null, in.size() > 4 ? in.get(4) : null);
        Tensor y = Outputs.allocate(node, 0, Slice.outputShape(ranges));
        int[] outCoords = new int[ranges.length];
        int[] inCoords = new int[ranges.length];
        for (int o = 0; o < y.numElements(); o++) {
            MultiIndex.unravel(o, y.shape(), outCoords);
            for (int a = 0; a < ranges.length; a++) {
                inCoords[a] = ranges[a].start() + outCoords[a] * ranges[a].step();
            }
            Elements.copy(x, MultiIndex.ravel(inCoords, x.shape()), y, o);
        }
        return List.of(y);
    };
}
