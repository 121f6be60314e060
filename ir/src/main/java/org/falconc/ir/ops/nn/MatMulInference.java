package org.falconc.ir.ops.nn;

import java.util.Arrays;
import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;

/**
 * MatMul with numpy semantics: a 1-D first operand is a row vector and a 1-D second operand a column
 * vector (the added axis is dropped from the result); leading batch dimensions broadcast.
 */
public final class MatMulInference {
    private MatMulInference() {
    }

    public static List<TensorType> infer(Node node) {
        Shape a = NnChecks.floatInput(node, 0, "A", 1);
        Shape b = NnChecks.floatInput(node, 1, "B", 1);
        return Infer.one(new TensorType(DType.F32, resultShape(node, a, b)));
    }

    /** The broadcast batch dimensions of the two operands (both promoted to rank >= 2). */
    public static Shape batchShape(Node node, Shape a, Shape b) {
        Shape ab = Shape.of(Arrays.copyOfRange(a.dims(), 0, Math.max(0, a.rank() - 2)));
        Shape bb = Shape.of(Arrays.copyOfRange(b.dims(), 0, Math.max(0, b.rank() - 2)));
        return Infer.broadcast(node, List.of(ab, bb));
    }

    public static Shape resultShape(Node node, Shape a, Shape b) {
        int ka = a.dim(a.rank() - 1);
        int kb = b.rank() == 1 ? b.dim(0) : b.dim(b.rank() - 2);
        if (ka != kb) {
            throw Infer.fail(node, "inner dimensions differ: A " + a + " and B " + b);
        }
        int[] batch = batchShape(node, a, b).dims();
        int[] out = Arrays.copyOf(batch, batch.length + 2);
        int r = batch.length;
        if (a.rank() > 1) {
            out[r++] = a.dim(a.rank() - 2);
        }
        if (b.rank() > 1) {
            out[r++] = b.dim(b.rank() - 1);
        }
        return Shape.of(Arrays.copyOf(out, r));
    }
}
