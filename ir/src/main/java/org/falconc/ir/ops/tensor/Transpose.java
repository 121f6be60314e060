package org.falconc.ir.ops.tensor;

import java.util.Arrays;
import java.util.function.Consumer;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/** Schema of Transpose: output dimension i is input dimension perm[i]; perm defaults to reversing the axes. */
public final class Transpose {
    private Transpose() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Transpose", 1, 1, 1, 1, node -> {
            TensorType x = Infer.inputType(node, 0);
            int[] perm = perm(node, x.rank());
            int[] dims = new int[perm.length];
            for (int i = 0; i < perm.length; i++) {
                dims[i] = x.shape().dim(perm[i]);
            }
            return Infer.one(new TensorType(x.dtype(), Shape.of(dims)));
        }));
    }

    /** The node's permutation for an input of rank {@code rank}, validated. */
    public static int[] perm(Node node, int rank) {
        long[] perm = node.attrs().getInts("perm", null);
        if (perm == null) {
            int[] reverse = new int[rank];
            for (int i = 0; i < rank; i++) {
                reverse[i] = rank - 1 - i;
            }
            return reverse;
        }
        if (perm.length != rank) {
            throw Infer.fail(node, "perm " + Arrays.toString(perm) + " has " + perm.length
                    + " entries but the input has rank " + rank);
        }
        int[] out = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            if (perm[i] < 0 || perm[i] >= rank || seen[(int) perm[i]]) {
                throw Infer.fail(node, "perm " + Arrays.toString(perm) + " is not a permutation of 0.." + (rank - 1));
            }
            seen[(int) perm[i]] = true;
            out[i] = (int) perm[i];
        }
        return out;
    }
}
