package org.falconc.ir.ops.tensor;

import java.util.function.Consumer;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.OpSchema;

/**
 * Schema of Range(start, limit, delta): the 1-D sequence start, start+delta, ... up to (excluding)
 * limit, with max(ceil((limit - start) / delta), 0) elements. All three are scalars of one type.
 */
public final class Range {
    private Range() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Range", 3, 3, 1, 1, node -> {
            TensorType start = OpChecks.inputOf(node, 0, OpChecks.NUMERIC);
            for (int i = 1; i < 3; i++) {
                OpChecks.requireSameDType(node, 0, i);
            }
            int n = length(node, Infer.requireConstant(node, 0, "start"), Infer.requireConstant(node, 1, "limit"),
                    Infer.requireConstant(node, 2, "delta"));
            return Infer.one(new TensorType(start.dtype(), Shape.of(n)));
        }).withShapeOperands(0, 1, 2));
    }

    /** The number of elements of the sequence. */
    public static int length(Node node, Tensor start, Tensor limit, Tensor delta) {
        double n;
        if (start.dtype() == DType.F32) {
            double s = OpChecks.scalarValue(node, start, "start");
            double l = OpChecks.scalarValue(node, limit, "limit");
            double d = OpChecks.scalarValue(node, delta, "delta");
            if (d == 0 || Double.isNaN(s) || Double.isNaN(l) || Double.isNaN(d)) {
                throw Infer.fail(node, "delta must be non-zero and no argument may be NaN");
            }
            // float32 arithmetic, as the ONNX reference computes it
            float span = (float) l - (float) s;
            n = Math.ceil(span / (float) d);
        } else {
            OpChecks.scalarValue(node, start, "start");
            OpChecks.scalarValue(node, limit, "limit");
            OpChecks.scalarValue(node, delta, "delta");
            long s = start.getLong(0);
            long l = limit.getLong(0);
            long d = delta.getLong(0);
            if (d == 0) {
                throw Infer.fail(node, "delta must be non-zero");
            }
            n = -Math.floorDiv(-(l - s), d); // ceil((l - s) / d) in exact integer arithmetic
        }
        if (n > Integer.MAX_VALUE) {
            throw Infer.fail(node, "the sequence would have " + n + " elements");
        }
        return (int) Math.max(0, n);
    }
}
