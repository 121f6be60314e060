package org.falconc.ir.ops.tensor;

import java.util.List;
import java.util.function.Consumer;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/** Schema of Where(condition, X, Y): picks X where the bool condition holds, else Y; all three broadcast. */
public final class Where {
    private Where() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Where", 3, 3, 1, 1, node -> {
            TensorType cond = OpChecks.inputOf(node, 0, OpChecks.BOOL_ONLY);
            TensorType x = Infer.inputType(node, 1);
            TensorType y = Infer.inputType(node, 2);
            OpChecks.requireSameDType(node, 1, 2);
            return Infer.one(new TensorType(x.dtype(),
                    Infer.broadcast(node, List.of(cond.shape(), x.shape(), y.shape()))));
        }));
    }
}
