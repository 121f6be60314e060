package org.falconc.ir.ops.tensor;

import java.util.function.Consumer;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schemas of Shape (the i64 dimensions of the input, optionally only those in [start, end), both
 * attributes clamped to [0, rank] after adding rank to negative values) and Size (the i64 element count).
 */
public final class ShapeOf {
    private ShapeOf() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Shape", 1, 1, 1, 1, node -> {
            int[] range = range(node, Infer.inputType(node, 0).rank());
            return Infer.one(new TensorType(DType.I64, Shape.of(range[1] - range[0])));
        }));
        r.accept(new OpSchema("Size", 1, 1, 1, 1, node -> {
            Infer.inputType(node, 0);
            return Infer.one(new TensorType(DType.I64, Shape.SCALAR));
        }));
    }

    /** {start, end} of the dimensions a Shape node returns; end >= start. */
    public static int[] range(Node node, int rank) {
        int start = clampToRank(node.attrs().getInt("start", 0), rank);
        int end = clampToRank(node.attrs().getInt("end", rank), rank);
        return new int[] {start, Math.max(start, end)};
    }

    private static int clampToRank(long v, int rank) {
        long a = v < 0 ? v + rank : v;
        return (int) Math.max(0, Math.min(rank, a));
    }
}
