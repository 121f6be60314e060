package org.falconc.ir.ops.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schema of Squeeze(data, axes?): removes the listed size-1 axes, or every size-1 axis when axes
 * is absent. Squeezing an axis whose size is not 1 is an error.
 */
public final class Squeeze {
    private Squeeze() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Squeeze", 1, 2, 1, 1, node -> {
            TensorType x = Infer.inputType(node, 0);
            Tensor axes = node.input(1) == null ? null : Infer.requireConstant(node, 1, "axes");
            return Infer.one(new TensorType(x.dtype(), outputShape(node, x.shape(), axes)));
        }).withShapeOperands(1));
    }

    public static Shape outputShape(Node node, Shape in, Tensor axesArg) {
        boolean[] drop = new boolean[in.rank()];
        if (axesArg == null) {
            for (int i = 0; i < in.rank(); i++) {
                drop[i] = in.dim(i) == 1;
            }
        } else {
            for (int a : OpChecks.axes(node, OpChecks.integerVector(node, axesArg, "axes"), in.rank(), "axes")) {
                if (in.dim(a) != 1) {
                    throw Infer.fail(node, "cannot squeeze axis " + a + " of " + in + ": its size is not 1");
                }
                drop[a] = true;
            }
        }
        List<Integer> dims = new ArrayList<>();
        for (int i = 0; i < in.rank(); i++) {
            if (!drop[i]) {
                dims.add(in.dim(i));
            }
        }
        return Shape.of(dims.stream().mapToInt(Integer::intValue).toArray());
    }
}
