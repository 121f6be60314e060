package org.falconc.ir.ops.tensor;

import java.util.function.Consumer;
import org.falconc.ir.Attribute;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schema of ConstantOfShape(shape): a tensor of the given shape filled with the single element of
 * the {@code value} tensor attribute (whose element type it takes), or with f32 0 by default.
 */
public final class ConstantOfShape {
    private ConstantOfShape() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("ConstantOfShape", 1, 1, 1, 1, node -> {
            Tensor shape = Infer.requireConstant(node, 0, "shape");
            return Infer.one(new TensorType(fillValue(node).dtype(), outputShape(node, shape)));
        }).withShapeOperands(0));
    }

    /** The one-element tensor whose value fills the output. */
    public static Tensor fillValue(Node node) {
        Attribute a = node.attrs().get("value");
        if (a == null) {
            return Tensor.scalar(0f);
        }
        Tensor value = node.attrs().getTensor("value");
        if (value.numElements() != 1) {
            throw Infer.fail(node, "attribute 'value' must hold exactly one element, got " + value.type());
        }
        return value;
    }

    public static Shape outputShape(Node node, Tensor shapeArg) {
        long[] dims = OpChecks.integerVector(node, shapeArg, "shape");
        for (long d : dims) {
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw Infer.fail(node, "shape " + java.util.Arrays.toString(dims) + " has invalid dimension " + d);
            }
        }
        return Shape.of(dims);
    }
}
