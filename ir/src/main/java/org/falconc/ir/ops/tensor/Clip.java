package org.falconc.ir.ops.tensor;

import java.util.function.Consumer;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schema of Clip(input, min?, max?): min and max are optional scalar inputs of the input's type
 * (opset 11+ form); the output has the input's type.
 */
public final class Clip {
    private Clip() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Clip", 1, 3, 1, 1, node -> {
            TensorType x = OpChecks.inputOf(node, 0, OpChecks.NUMERIC);
            for (int i = 1; i <= 2; i++) {
                if (node.input(i) != null) {
                    OpChecks.requireSameDType(node, 0, i);
                    OpChecks.requireSingleElement(node, i, i == 1 ? "min" : "max");
                }
            }
            return Infer.one(x);
        }));
    }
}
