package org.falconc.ir.ops.tensor;

import java.util.function.Consumer;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schema of EyeLike(input): a 2-D tensor of the input's shape with ones on diagonal {@code k}
 * (default 0) and zeros elsewhere; element type from the {@code dtype} attribute, else the input's.
 */
public final class EyeLike {
    private EyeLike() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("EyeLike", 1, 1, 1, 1, node -> {
            TensorType x = Infer.inputType(node, 0);
            if (x.rank() != 2) {
                throw Infer.fail(node, "input must be 2-D, got " + x);
            }
            return Infer.one(new TensorType(dtype(node, x.dtype()), x.shape()));
        }));
    }

    private static DType dtype(Node node, DType inputType) {
        if (!node.attrs().has("dtype")) {
            return inputType;
        }
        return OnnxDataType.toDType(node, node.attrs().getInt("dtype"), "dtype");
    }
}
