package org.falconc.ir.ops.tensor;

import java.util.function.Consumer;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schema of Flatten: a 2-D output whose first dimension is the product of the input dimensions
 * before {@code axis} (default 1, range [-r, r]) and whose second is the product of the rest.
 */
public final class Flatten {
    private Flatten() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Flatten", 1, 1, 1, 1, node -> {
            TensorType x = Infer.inputType(node, 0);
            int rank = x.rank();
            long axis = node.attrs().getInt("axis", 1);
            long a = axis < 0 ? axis + rank : axis;
            if (a < 0 || a > rank) {
                throw Infer.fail(node, "axis " + axis + " is out of range for rank " + rank
                        + " (expected " + -rank + ".." + rank + ")");
            }
            long outer = 1;
            long inner = 1;
            for (int i = 0; i < rank; i++) {
                if (i < a) {
                    outer *= x.shape().dim(i);
                } else {
                    inner *= x.shape().dim(i);
                }
            }
            return Infer.one(new TensorType(x.dtype(), Shape.of(outer, inner)));
        }));
    }
}
