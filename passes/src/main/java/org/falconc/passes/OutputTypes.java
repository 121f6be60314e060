package org.falconc.passes;

import java.util.List;
import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;
import org.falconc.ir.ops.NotStaticException;
import org.falconc.ir.ops.OpRegistry;

/** The one way passes compute a node's output types: the op schema's type inference. */
final class OutputTypes {
    private OutputTypes() {
    }

    /** Whether every present input of {@code n} has a type (inference can only run then). */
    static boolean inputsTyped(Node n) {
        for (Value in : n.inputs()) {
            if (in != null && !in.hasType()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The output types the op's schema computes for {@code n}, one per output of the node.
     *
     * @throws NotStaticException when an output shape depends on a non-constant input value
     * @throws IrException naming the node when its inputs are inconsistent or an input type is unknown
     */
    static List<TensorType> infer(Node n) {
        List<TensorType> types = OpRegistry.of(n).inference().infer(n);
        if (types.size() < n.numOutputs()) {
            throw IrException.atNode(n, "type inference gave " + types.size() + " types for "
                    + n.numOutputs() + " outputs");
        }
        return types.subList(0, n.numOutputs());
    }

    /** Like {@link #infer} but null when the types cannot be known yet (untyped input or non-static shape). */
    static List<TensorType> tryInfer(Node n) {
        if (!inputsTyped(n)) {
            return null;
        }
        try {
            return infer(n);
        } catch (NotStaticException e) {
            return null;
        }
    }

    /**
     * Infers and sets the output types of {@code n}.
     *
     * @return whether some output had no type before
     * @throws NotStaticException as {@link #infer} (the outputs are left as they were)
     * @throws IrException also when an output already has a different type
     */
    static boolean assign(Node n) {
        List<TensorType> types = infer(n);
        boolean changed = false;
        for (int i = 0; i < n.numOutputs(); i++) {
            Value out = n.output(i);
            TensorType t = types.get(i);
            if (!out.hasType()) {
                out.setType(t);
                changed = true;
            } else if (!out.type().equals(t)) {
                throw IrException.atNode(n, "output %" + out.name() + " is declared " + out.type()
                        + " but the op computes " + t);
            }
        }
        return changed;
    }
}
