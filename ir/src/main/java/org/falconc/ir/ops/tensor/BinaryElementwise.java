package org.falconc.ir.ops.tensor;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schemas of the two-input elementwise ops with numpy-style (multidirectional) broadcasting:
 * arithmetic, comparisons and logical ops. Both operands share one element type, except for Pow,
 * whose exponent may be of another numeric type; the output shape is the broadcast of the inputs.
 */
public final class BinaryElementwise {
    private BinaryElementwise() {
    }

    /** One row: accepted operand types, and the output element type (null: same as the operands). */
    private record Op(String name, Set<DType> operandTypes, DType resultType, boolean sameOperandTypes) {
    }

    private static final Set<DType> COMPARABLE = OpChecks.NUMERIC;

    private static final List<Op> OPS = List.of(
            new Op("Add", OpChecks.NUMERIC, null, true),
            new Op("Sub", OpChecks.NUMERIC, null, true),
            new Op("Mul", OpChecks.NUMERIC, null, true),
            new Op("Div", OpChecks.NUMERIC, null, true),
            new Op("Mod", OpChecks.NUMERIC, null, true),
            new Op("Pow", OpChecks.NUMERIC, null, false),
            new Op("Equal", OpChecks.ANY, DType.BOOL, true),
            new Op("Less", COMPARABLE, DType.BOOL, true),
            new Op("LessOrEqual", COMPARABLE, DType.BOOL, true),
            new Op("Greater", COMPARABLE, DType.BOOL, true),
            new Op("GreaterOrEqual", COMPARABLE, DType.BOOL, true),
            new Op("And", OpChecks.BOOL_ONLY, DType.BOOL, true),
            new Op("Or", OpChecks.BOOL_ONLY, DType.BOOL, true),
            new Op("Xor", OpChecks.BOOL_ONLY, DType.BOOL, true));

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
            r.accept(new OpSchema(op.name(), 2, 2, 1, 1, node -> infer(node, op)));
        }
    }

    private static List<TensorType> infer(Node node, Op op) {
        TensorType a = OpChecks.inputOf(node, 0, op.operandTypes());
        TensorType b = OpChecks.inputOf(node, 1, op.operandTypes());
        if (op.sameOperandTypes()) {
            OpChecks.requireSameDType(node, 0, 1);
        }
        if (op.name().equals("Mod")) {
            boolean fmod = OpChecks.flag(node, "fmod", false);
            if (a.dtype() == DType.F32 && !fmod) {
                throw Infer.fail(node, "floating-point Mod requires attribute fmod=1");
            }
        }
        Shape shape = Infer.broadcast(node, List.of(a.shape(), b.shape()));
        DType result = op.resultType() == null ? a.dtype() : op.resultType();
        return Infer.one(new TensorType(result, shape));
    }
}
