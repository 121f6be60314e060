package org.falconc.ir.ops.tensor;

import java.util.function.Consumer;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schema of Trilu(input, k?): keeps the upper (upper=1, default) or lower triangle of the last two
 * dimensions, relative to diagonal k (an optional i64 scalar input, default 0), zeroing the rest.
 */
public final class Trilu {
    private Trilu() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Trilu", 1, 2, 1, 1, node -> {
            TensorType x = Infer.inputType(node, 0);
            if (x.rank() < 2) {
                throw Infer.fail(node, "input must have rank >= 2, got " + x);
            }
            if (node.input(1) != null) {
                OpChecks.inputOf(node, 1, java.util.EnumSet.of(org.falconc.ir.DType.I64));
                OpChecks.requireSingleElement(node, 1, "k");
            }
            OpChecks.flag(node, "upper", true);
            return Infer.one(x);
        }));
    }
}
