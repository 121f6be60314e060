package org.falconc.ir.ops.tensor;

import java.util.List;
import java.util.function.Consumer;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schema of PRelu(X, slope): the slope broadcasts unidirectionally to X, so the output has X's
 * type and a slope that would enlarge X is an error.
 */
public final class PRelu {
    private PRelu() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("PRelu", 2, 2, 1, 1, node -> {
            TensorType x = OpChecks.inputOf(node, 0, OpChecks.F32_ONLY);
            TensorType slope = OpChecks.inputOf(node, 1, OpChecks.F32_ONLY);
            Shape joint = Infer.broadcast(node, List.of(x.shape(), slope.shape()));
            if (!joint.equals(x.shape())) {
                throw Infer.fail(node, "slope " + slope + " does not broadcast to the input " + x);
            }
            return Infer.one(x);
        }));
    }
}
