package org.falconc.ir.ops.tensor;

import java.util.function.Consumer;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schema of GatherElements(data, indices) along {@code axis} (default 0): out[i][j][k] =
 * data[indices[i][j][k]][j][k] (for axis 0); the output has the indices' shape and data's type.
 */
public final class GatherElements {
    private GatherElements() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("GatherElements", 2, 2, 1, 1, node -> {
            TensorType data = Infer.inputType(node, 0);
            TensorType indices = OpChecks.inputOf(node, 1, OpChecks.INTEGERS);
            if (indices.rank() != data.rank()) {
                throw Infer.fail(node, "indices " + indices + " must have the rank of data " + data);
            }
            int axis = Gather.axis(node, data.rank());
            for (int d = 0; d < data.rank(); d++) {
                if (d != axis && indices.shape().dim(d) > data.shape().dim(d)) {
                    throw Infer.fail(node, "indices " + indices + " are larger than data " + data + " in dimension " + d);
                }
            }
            return Infer.one(new TensorType(data.dtype(), indices.shape()));
        }));
    }
}
