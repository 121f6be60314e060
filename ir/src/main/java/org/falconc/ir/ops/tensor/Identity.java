package org.falconc.ir.ops.tensor;

import java.util.function.Consumer;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/** Schema of Identity: the output is the input. */
public final class Identity {
    private Identity() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Identity", 1, 1, 1, 1, node -> Infer.one(Infer.inputType(node, 0))));
    }
}
