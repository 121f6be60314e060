package org.falconc.interp.tensor;

import java.util.List;
import java.util.function.BiConsumer;
import org.falconc.interp.Elements;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.tensor.Reshape;
import org.falconc.ir.ops.tensor.Squeeze;
import org.falconc.ir.ops.tensor.Unsqueeze;

/**
 * Reference kernels of the ops that keep the elements in row-major order and only change the
 * shape: Reshape, Flatten, Squeeze, Unsqueeze and Identity. Shape arguments are read from the
 * runtime inputs; the result is a copy, never a view of the input.
 */
final class SameDataKernels {
    private SameDataKernels() {
    }

    static void register(BiConsumer<String, ReferenceKernel> r) {
        r.accept("Reshape", (node, in) -> copy(node, in.get(0), Reshape.targetShape(node, in.get(0).shape(), in.get(1))));
        r.accept("Squeeze", (node, in) -> copy(node, in.get(0),
                Squeeze.outputShape(node, in.get(0).shape(), in.size() > 1 ? in.get(1) : null)));
        r.accept("Unsqueeze", (node, in) -> copy(node, in.get(0), Unsqueeze.outputShape(node, in.get(0).shape(), in.get(1))));
        r.accept("Flatten", (node, in) -> copy(node, in.get(0), null));
        r.accept("Identity", (node, in) -> copy(node, in.get(0), in.get(0).shape()));
    }

    /** Copies {@code x} into output 0; {@code shape} (when known) must match the inferred type. */
    private static List<Tensor> copy(Node node, Tensor x, Shape shape) {
        Tensor y = shape == null ? Outputs.allocate(node, 0) : Outputs.allocate(node, 0, shape);
        if (y.numElements() != x.numElements() || y.dtype() != x.dtype()) {
            throw IrException.atNode(node, "cannot copy " + x.type() + " into " + y.type());
        }
        for (int i = 0; i < x.numElements(); i++) {
            Elements.copy(x, i, y, i);
        }
        return List.of(y);
    }
}
