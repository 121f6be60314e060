package org.falconc.ir.ops.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;
import org.falconc.ir.ops.NotStaticException;
import org.falconc.ir.ops.OpSchema;

/**
 * Schema of Dropout(data, ratio?, training_mode?) -> (output, mask?). falconc compiles for
 * inference: the output is the input and the optional bool mask is all true. Training mode with a
 * positive ratio drops random elements, which a deterministic compiled model cannot reproduce, so
 * it is rejected. ratio and training_mode are shape operands: whether the node is the identity must be
 * known when compiling.
 */
public final class Dropout {
    private Dropout() {
    }

    public static void register(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Dropout", 1, 3, 1, 2, node -> {
            TensorType x = OpChecks.inputOf(node, 0, OpChecks.F32_ONLY);
            if (node.input(1) != null) {
                OpChecks.inputOf(node, 1, OpChecks.F32_ONLY);
                OpChecks.requireSingleElement(node, 1, "ratio");
            }
            if (node.input(2) != null) {
                OpChecks.inputOf(node, 2, OpChecks.BOOL_ONLY);
                OpChecks.requireSingleElement(node, 2, "training_mode");
                Tensor training = Infer.constant(node, 2);
                if (training == null) {
                    throw new NotStaticException(node, 2, "training_mode");
                }
                Tensor ratio = node.input(1) == null ? null : Infer.constant(node, 1);
                if (training.bools()[0] && node.input(1) != null && ratio == null) {
                    throw new NotStaticException(node, 1, "ratio");
                }
                checkInferenceMode(node, training, ratio);
            }
            List<TensorType> outs = new ArrayList<>();
            outs.add(x);
            if (node.numOutputs() > 1) {
                outs.add(new TensorType(DType.BOOL, x.shape()));
            }
            return outs;
        }).withShapeOperands(1, 2));
    }

    /** Rejects training mode with a positive ratio (default ratio 0.5); {@code training} may be null (absent). */
    public static void checkInferenceMode(Node node, Tensor training, Tensor ratio) {
        boolean isTraining = training != null && training.getDouble(0) != 0;
        double r = ratio == null ? 0.5 : ratio.getDouble(0);
        if (isTraining && r > 0) {
            throw Infer.fail(node, "training_mode is true with ratio " + r + ": dropout would zero random elements,"
                    + " which falconc cannot reproduce; export the model in inference mode (training_mode=false)");
        }
    }
}
