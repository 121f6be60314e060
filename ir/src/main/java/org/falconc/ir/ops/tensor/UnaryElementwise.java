package org.falconc.ir.ops.tensor;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schemas of the one-input elementwise ops (activations and math functions): the output has the
 * input's type. The ops differ only in the element types they accept and in attribute checks.
 */
public final class UnaryElementwise {
    private UnaryElementwise() {
    }

    /** One row of the table: the op, its accepted element types, and extra attribute validation. */
    private record Op(String name, Set<DType> dtypes, Consumer<Node> attributeCheck) {
        Op(String name, Set<DType> dtypes) {
            this(name, dtypes, n -> { });
        }
    }

    private static final List<Op> OPS = List.of(
            new Op("Relu", OpChecks.NUMERIC),
            new Op("LeakyRelu", OpChecks.F32_ONLY),
            new Op("Elu", OpChecks.F32_ONLY),
            new Op("Selu", OpChecks.F32_ONLY),
            new Op("Celu", OpChecks.F32_ONLY, UnaryElementwise::checkCelu),
            new Op("Sigmoid", OpChecks.F32_ONLY),
            new Op("HardSigmoid", OpChecks.F32_ONLY),
            new Op("HardSwish", OpChecks.F32_ONLY),
            new Op("Tanh", OpChecks.F32_ONLY),
            new Op("Softplus", OpChecks.F32_ONLY),
            new Op("Softsign", OpChecks.F32_ONLY),
            new Op("Mish", OpChecks.F32_ONLY),
            new Op("ThresholdedRelu", OpChecks.F32_ONLY),
            new Op("Gelu", OpChecks.F32_ONLY, UnaryElementwise::checkGelu),
            new Op("Erf", OpChecks.F32_ONLY),
            new Op("Exp", OpChecks.F32_ONLY),
            new Op("Log", OpChecks.F32_ONLY),
            new Op("Sqrt", OpChecks.F32_ONLY),
            new Op("Reciprocal", OpChecks.F32_ONLY),
            new Op("Floor", OpChecks.F32_ONLY),
            new Op("Ceil", OpChecks.F32_ONLY),
            new Op("Round", OpChecks.F32_ONLY),
            new Op("Sin", OpChecks.F32_ONLY),
            new Op("Cos", OpChecks.F32_ONLY),
            new Op("Neg", OpChecks.NUMERIC),
            new Op("Abs", OpChecks.NUMERIC),
            new Op("Sign", OpChecks.NUMERIC),
            new Op("Not", OpChecks.BOOL_ONLY));

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
            r.accept(new OpSchema(op.name(), 1, 1, 1, 1, node -> {
                op.attributeCheck().accept(node);
                return Infer.one(OpChecks.inputOf(node, 0, op.dtypes()));
            }));
        }
    }

    private static void checkCelu(Node node) {
        if (node.attrs().getFloat("alpha", 1f) == 0f) {
            throw Infer.fail(node, "attribute 'alpha' must not be 0 (Celu divides by it)");
        }
    }

    private static void checkGelu(Node node) {
        String approximate = node.attrs().getString("approximate", "none");
        if (!approximate.equals("none") && !approximate.equals("tanh")) {
            throw Infer.fail(node, "attribute 'approximate' must be \"none\" or \"tanh\", got \"" + approximate + "\"");
        }
    }
}
