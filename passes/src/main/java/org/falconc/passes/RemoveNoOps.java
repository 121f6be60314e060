package org.falconc.passes;

import java.util.Arrays;
import java.util.List;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;

/**
 * Removes nodes whose output is exactly their first input: Identity; Dropout in inference mode
 * (a used mask becomes an all-true constant); Pad with all-zero pads; Transpose with the identity
 * permutation; Concat of one input; and, when the types are known, Cast/CastLike to the same
 * element type, Reshape/Flatten/Squeeze/Unsqueeze/Expand to the same shape and Slice with unit
 * steps that keeps the whole shape. A removed node's graph-output name moves to the surviving
 * value when that value is an ordinary node output; otherwise the node stays.
 */
public final class RemoveNoOps implements Pass {
    public static final String NAME = "remove-noops";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean run(Graph g, PassContext ctx) {
        int removed = 0;
        for (Node n : List.copyOf(g.nodes())) {
            Value source = forwardedInput(n);
            if (source != null && remove(g, n, source)) {
                removed++;
            }
        }
        if (removed > 0) {
            ctx.log("removed " + removed + " nodes");
        }
        return removed > 0;
    }

    /** The input that output 0 of {@code n} always equals, or null when {@code n} is not a no-op. */
    private static Value forwardedInput(Node n) {
        Value x = n.input(0);
        if (x == null || n.numOutputs() == 0 || (n.numOutputs() > 1 && !n.op().equals("Dropout"))) {
            return null;
        }
        boolean noOp = switch (n.op()) {
            case "Identity" -> true;
            case "Dropout" -> isInferenceMode(n);
            case "Concat" -> n.numInputs() == 1;
            case "Pad" -> isAllZero(n.input(1));
            case "Transpose" -> isIdentityPermutation(n);
            case "Cast", "CastLike", "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Expand" -> keepsType(n);
            case "Slice" -> keepsType(n) && hasUnitSteps(n);
            default -> false;
        };
        return noOp ? x : null;
    }

    /** Dropout is the identity when training_mode (input 2) is absent or a constant false, or the ratio is a constant 0. */
    private static boolean isInferenceMode(Node n) {
        return n.input(2) == null || isScalarConstant(n.input(2), 0) || isScalarConstant(n.input(1), 0);
    }

    private static boolean isScalarConstant(Value v, double value) {
        Tensor t = v == null ? null : v.constant();
        return t != null && !t.isElided() && t.numElements() == 1 && t.getDouble(0) == value;
    }

    private static boolean isAllZero(Value v) {
        Tensor t = v == null ? null : v.constant();
        if (t == null || t.isElided()) {
            return false;
        }
        for (int i = 0; i < t.numElements(); i++) {
            if (t.getLong(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** perm = [0, 1, ..., r-1]; without perm Transpose reverses the axes, a no-op only up to rank 1. */
    private static boolean isIdentityPermutation(Node n) {
        long[] perm = n.attrs().getInts("perm", null);
        if (perm == null) {
            TensorType t = n.input(0).type();
            return t != null && t.rank() <= 1;
        }
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** Slice steps (input 4) absent or all 1: then an unchanged shape means every element is kept in order. */
    private static boolean hasUnitSteps(Node n) {
        Value steps = n.input(4);
        if (steps == null) {
            return true;
        }
        Tensor t = steps.constant();
        return t != null && !t.isElided() && Arrays.stream(t.toLongArray()).allMatch(s -> s == 1);
    }

    /** Whether output 0 is known to have exactly the type of input 0 (inferring it when not set yet). */
    private static boolean keepsType(Node n) {
        TensorType in = n.input(0).type();
        if (in == null) {
            return false;
        }
        TensorType out = n.output(0).type();
        if (out == null) {
            List<TensorType> inferred = OutputTypes.tryInfer(n);
            out = inferred == null ? null : inferred.get(0);
        }
        return in.equals(out);
    }

    /** Removes {@code n}, whose output 0 equals {@code source}; returns false when names force keeping it. */
    private static boolean remove(Graph g, Node n, Value source) {
        Value out = n.output(0);
        if (g.isGraphOutput(out) && !NodeReplacement.canTakeOutputName(g, source)) {
            return false;
        }
        NodeReplacement r = new NodeReplacement(g, n);
        if (n.numOutputs() > 1 && NodeReplacement.isUsed(g, n.output(1))) {
            // Dropout's mask: all true in inference mode, a constant once its shape is known.
            TensorType x = source.type();
            if (x == null) {
                return false;
            }
            boolean[] ones = new boolean[x.shape().numElements()];
            Arrays.fill(ones, true);
            r.outputBecomesConstant(1, Tensor.ofBools(x.shape(), ones));
        }
        r.outputBecomes(0, source);
        r.commit();
        return true;
    }
}
