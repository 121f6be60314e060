package org.falconc.ir.ops.tensor;

import java.util.function.Consumer;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schema of Reshape(data, shape) with attribute allowzero (default 0). In the target shape, -1 (at
 * most once) is inferred from the element count, and 0 copies the input's dimension at that
 * position unless allowzero=1, where it means an explicit zero.
 */
public final class Reshape {
    private Reshape() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Reshape", 2, 2, 1, 1, node -> {
            TensorType x = Infer.inputType(node, 0);
            Tensor shape = Infer.requireConstant(node, 1, "shape");
            return Infer.one(new TensorType(x.dtype(), targetShape(node, x.shape(), shape)));
        }).withShapeOperands(1));
    }

    /** The output shape for input shape {@code in} and the values of the shape argument. */
    public static Shape targetShape(Node node, Shape in, Tensor shapeArg) {
        boolean allowZero = OpChecks.flag(node, "allowzero", false);
        long[] requested = OpChecks.integerVector(node, shapeArg, "shape");
        long[] dims = new long[requested.length];
        int inferred = -1;
        boolean hasZero = false;
        long known = 1;
        for (int i = 0; i < requested.length; i++) {
            long d = requested[i];
            if (d == -1) {
                if (inferred >= 0) {
                    throw Infer.fail(node, "shape " + java.util.Arrays.toString(requested) + " has more than one -1");
                }
                inferred = i;
                continue;
            }
            if (d < -1) {
                throw Infer.fail(node, "shape " + java.util.Arrays.toString(requested) + " has invalid dimension " + d);
            }
            if (d == 0 && !allowZero) {
                if (i >= in.rank()) {
                    throw Infer.fail(node, "shape " + java.util.Arrays.toString(requested) + " copies dimension " + i
                            + " (0) but the input " + in + " has rank " + in.rank());
                }
                d = in.dim(i);
            }
            hasZero |= requested[i] == 0;
            dims[i] = d;
            known *= d;
        }
        if (allowZero && hasZero && inferred >= 0) {
            throw Infer.fail(node, "shape " + java.util.Arrays.toString(requested)
                    + " has both 0 and -1, which allowzero=1 forbids");
        }
        long total = in.numElements();
        if (inferred >= 0) {
            if (known == 0 || total % known != 0) {
                throw Infer.fail(node, "cannot reshape " + in + " (" + total + " elements) to "
                        + java.util.Arrays.toString(requested) + ": the -1 dimension cannot be inferred");
            }
            dims[inferred] = total / known;
        } else if (known != total) {
            throw Infer.fail(node, "cannot reshape " + in + " (" + total + " elements) to "
                    + java.util.Arrays.toString(requested) + " (" + known + " elements)");
        }
        return Shape.of(dims);
    }
}
