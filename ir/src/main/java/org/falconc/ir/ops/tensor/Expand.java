package org.falconc.ir.ops.tensor;

import java.util.List;
import java.util.function.Consumer;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schema of Expand(input, shape): the output shape is the numpy broadcast of the input shape and
 * the requested shape (so a requested 1 keeps a larger input dimension).
 */
public final class Expand {
    private Expand() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Expand", 2, 2, 1, 1, node -> {
            TensorType x = Infer.inputType(node, 0);
            Tensor shape = Infer.requireConstant(node, 1, "shape");
            return Infer.one(new TensorType(x.dtype(), outputShape(node, x.shape(), shape)));
        }).withShapeOperands(1));
    }

    public static Shape outputShape(Node node, Shape in, Tensor shapeArg) {
        long[] requested = OpChecks.integerVector(node, shapeArg, "shape");
        for (long d : requested) {
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw Infer.fail(node, "shape " + java.util.Arrays.toString(requested) + " has invalid dimension " + d);
            }
        }
        return Infer.broadcast(node, List.of(in, Shape.of(requested)));
    }
}
