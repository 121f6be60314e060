package org.falconc.ir.ops.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schemas of Max, Min, Sum and Mean: one or more inputs of one element type, broadcast together
 * (numpy style); the output has the broadcast shape.
 */
public final class VariadicElementwise {
    private VariadicElementwise() {
    }

    private record Op(String name, Set<org.falconc.ir.DType> dtypes) {
    }

    private static final List<Op> OPS = List.of(
            new Op("Max", OpChecks.NUMERIC),
            new Op("Min", OpChecks.NUMERIC),
            new Op("Sum", OpChecks.NUMERIC),
            new Op("Mean", OpChecks.F32_ONLY));

    /** Whether {@code op} is one of these element-wise ops. */
    public static boolean isOp(String op) {
        for (Op o : OPS) {
            if (o.name().equals(op)) {
                return true;
            }
        }
        return false;
    }

    public static void register(Consumer<OpSchema> r) {
        for (Op op : OPS) {
            r.accept(new OpSchema(op.name(), 1, OpSchema.UNBOUNDED, 1, 1, node -> infer(node, op)));
        }
    }

    private static List<TensorType> infer(Node node, Op op) {
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < node.numInputs(); i++) {
            shapes.add(OpChecks.inputOf(node, i, op.dtypes()).shape());
            OpChecks.requireSameDType(node, 0, i);
        }
        return Infer.one(new TensorType(Infer.inputType(node, 0).dtype(), Infer.broadcast(node, shapes)));
    }
}
