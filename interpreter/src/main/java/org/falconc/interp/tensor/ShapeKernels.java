package org.falconc.interp.tensor;

import java.util.List;
import java.util.function.BiConsumer;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.tensor.ShapeOf;

/** Reference kernels of Shape (the input's dimensions in [start, end)) and Size (its element count). */
final class ShapeKernels {
    private ShapeKernels() {
    }

    static void register(BiConsumer<String, ReferenceKernel> r) {
        r.accept("Shape", (node, in) -> {
            Tensor x = in.get(0);
            int[] range = ShapeOf.range(node, x.shape().rank());
            Tensor y = Outputs.allocate(node, 0, org.falconc.ir.Shape.of(range[1] - range[0]));
            for (int a = range[0]; a < range[1]; a++) {
                y.longs()[a - range[0]] = x.shape().dim(a);
            }
            return List.of(y);
        });
        r.accept("Size", (node, in) -> {
            Tensor y = Outputs.allocate(node, 0);
            y.longs()[0] = in.get(0).numElements();
            return List.of(y);
        });
    }
}
