package org.falconc.ir.ops.tensor;

import java.util.Arrays;
import java.util.function.Consumer;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/** Schema of Tile(input, repeats): dimension i is repeated repeats[i] times (one non-negative entry per axis). */
public final class Tile {
    private Tile() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Tile", 2, 2, 1, 1, node -> {
            TensorType x = Infer.inputType(node, 0);
            Tensor repeats = Infer.requireConstant(node, 1, "repeats");
            return Infer.one(new TensorType(x.dtype(), outputShape(node, x.shape(), repeats)));
        }).withShapeOperands(1));
    }

    public static Shape outputShape(Node node, Shape in, Tensor repeatsArg) {
        long[] repeats = OpChecks.integerVector(node, repeatsArg, "repeats");
        if (repeats.length != in.rank()) {
            throw Infer.fail(node, "repeats " + Arrays.toString(repeats) + " must have one entry per axis of " + in);
        }
        long[] dims = new long[in.rank()];
        for (int i = 0; i < dims.length; i++) {
            if (repeats[i] < 0) {
                throw Infer.fail(node, "repeats " + Arrays.toString(repeats) + " has a negative entry");
            }
            dims[i] = in.dim(i) * repeats[i];
        }
        return Shape.of(dims);
    }
}
