package org.falconc.ir.ops.tensor;

import java.util.function.Consumer;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schemas of Cast (element type from the {@code to} attribute, see {@link OnnxDataType}) and
 * CastLike (element type of the second input). The shape is unchanged; the saturate attribute
 * only concerns float8 types, which the IR does not have.
 */
public final class Cast {
    private Cast() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Cast", 1, 1, 1, 1, node -> {
            TensorType x = Infer.inputType(node, 0);
            return Infer.one(new TensorType(OnnxDataType.toDType(node, node.attrs().getInt("to"), "to"), x.shape()));
        }));
        r.accept(new OpSchema("CastLike", 2, 2, 1, 1, node -> {
            TensorType x = Infer.inputType(node, 0);
            TensorType like = Infer.inputType(node, 1);
            return Infer.one(new TensorType(like.dtype(), x.shape()));
        }));
    }
}
