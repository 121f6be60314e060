package org.falconc.ir.ops.nn;

import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;

/** Gemm: Y = alpha * A' B' + beta * C, with A' [M, K], B' [K, N] and C unidirectionally broadcast to [M, N]. */
public final class GemmInference {
    private GemmInference() {
    }

    public static List<TensorType> infer(Node node) {
        Shape a = NnChecks.floatInput(node, 0, "A", 2);
        Shape b = NnChecks.floatInput(node, 1, "B", 2);
        if (a.rank() != 2 || b.rank() != 2) {
            throw Infer.fail(node, "A and B must be matrices, got " + a + " and " + b);
        }
        boolean transA = NnAttrs.flag(node, "transA", false);
        boolean transB = NnAttrs.flag(node, "transB", false);
        int m = transA ? a.dim(1) : a.dim(0);
        int k = transA ? a.dim(0) : a.dim(1);
        int kb = transB ? b.dim(1) : b.dim(0);
        int n = transB ? b.dim(0) : b.dim(1);
        if (k != kb) {
            throw Infer.fail(node, "inner dimensions differ: A " + a + (transA ? " (transposed)" : "") + " and B " + b
                    + (transB ? " (transposed)" : ""));
        }
        if (node.hasInput(2)) {
            Shape c = NnChecks.floatInput(node, 2, "C", 0);
            boolean ok = c.rank() <= 2;
            int[] target = {m, n};
            for (int i = 0; ok && i < c.rank(); i++) {
                int d = c.dim(c.rank() - 1 - i);
                ok = d == 1 || d == target[1 - i];
            }
            if (!ok) {
                throw Infer.fail(node, "C " + c + " cannot be broadcast to the result shape [" + m + "," + n + "]");
            }
        }
        return Infer.one(TensorType.of(DType.F32, m, n));
    }
}
