package org.falconc.passes;

import java.util.List;
import java.util.Set;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;

/**
 * Collapses chains of data-movement ops that exporters leave behind: Transpose of a Transpose
 * becomes one Transpose with the composed permutation (or nothing when it is the identity), and a
 * Reshape of a Reshape, Flatten, Squeeze or Unsqueeze becomes one Reshape of the original value to
 * the final shape (its own target when that is a constant without 0 entries, which would copy a
 * dimension of the new input; otherwise a new constant holding the static output shape). The second node
 * keeps its output, so names survive; the first goes when nothing else reads it. A chain that
 * collapses to nothing is removed like a no-op, unless its output is a graph output that the
 * source value cannot take over.
 */
public final class CleanupTransposes implements Pass {
    public static final String NAME = "cleanup-transposes";

    private static final Set<String> SHAPE_ONLY_OPS = Set.of("Reshape", "Flatten", "Squeeze", "Unsqueeze");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean run(Graph g, PassContext ctx) {
        int rewritten = 0;
        for (Node n : List.copyOf(g.nodes())) {
            if (!g.nodes().contains(n) || n.numOutputs() != 1 || !n.hasInput(0)) {
                continue;
            }
            Node before = n.input(0).producer();
            if (before == null || !g.nodes().contains(before) || before.numOutputs() != 1 || !before.hasInput(0)) {
                continue;
            }
            boolean done = false;
            if (n.op().equals("Transpose") && before.op().equals("Transpose")) {
                done = mergeTransposes(g, before, n);
            } else if (n.op().equals("Reshape") && SHAPE_ONLY_OPS.contains(before.op())) {
                done = mergeReshapes(g, before, n);
            }
            if (done) {
                rewritten++;
                removeIfUnused(g, before);
            }
        }
        if (rewritten > 0) {
            ctx.log("collapsed " + rewritten + " chains");
        }
        return rewritten > 0;
    }

    /** {@code second(first(x))}: one Transpose of x with perm[i] = firstPerm[secondPerm[i]]. */
    private static boolean mergeTransposes(Graph g, Node first, Node second) {
        Value x = first.input(0);
        if (!x.hasType()) {
            return false;
        }
        int rank = x.type().rank();
        long[] p1 = permutation(first, rank);
        long[] p2 = permutation(second, rank);
        long[] composed = new long[rank];
        boolean identity = true;
        for (int i = 0; i < rank; i++) {
            composed[i] = p1[(int) p2[i]];
            identity &= composed[i] == i;
        }
        if (identity) {
            return bypass(g, second, x);
        }
        second.setInput(0, x);
        second.attrs().setInts("perm", composed);
        return true;
    }

    /** The node's perm; without one, Transpose reverses the axes. */
    private static long[] permutation(Node transpose, int rank) {
        long[] perm = transpose.attrs().getInts("perm", null);
        if (perm != null) {
            return perm;
        }
        long[] reversed = new long[rank];
        for (int i = 0; i < rank; i++) {
            reversed[i] = rank - 1 - i;
        }
        return reversed;
    }

    /** {@code Reshape(shapeOp(x))}: one Reshape of x to the second node's (static) output shape. */
    private static boolean mergeReshapes(Graph g, Node first, Node reshape) {
        Value x = first.input(0);
        TensorType target = reshape.output(0).type();
        if (!x.hasType() || target == null) {
            return false;
        }
        if (target.equals(x.type())) {
            return bypass(g, reshape, x);
        }
        Value shape = reshape.input(1);
        if (!isFreeOfCopiedDims(reshape)) {
            shape = g.addConstant(g.freshName(reshape.output(0).name() + "_shape"),
                    Tensor.vector(target.shape().dimsAsLongs()));
            reshape.attrs().remove("allowzero");
        }
        reshape.setInputs(List.of(x, shape));
        return true;
    }

    /** Whether the Reshape's target is a constant whose meaning does not depend on its input's shape (no 0 copying a dimension). */
    private static boolean isFreeOfCopiedDims(Node reshape) {
        Tensor t = reshape.input(1).constant();
        if (t == null || t.isElided()) {
            return false;
        }
        if (reshape.attrs().getInt("allowzero", 0) == 1) {
            return true;
        }
        for (long d : t.toLongArray()) {
            if (d == 0) {
                return false;
            }
        }
        return true;
    }

    /** Removes {@code n}, whose output equals {@code source}; false when the output's name cannot move. */
    private static boolean bypass(Graph g, Node n, Value source) {
        if (g.isGraphOutput(n.output(0)) && !NodeReplacement.canTakeOutputName(g, source)) {
            return false;
        }
        NodeReplacement r = new NodeReplacement(g, n);
        r.outputBecomes(0, source);
        r.commit();
        return true;
    }

    private static void removeIfUnused(Graph g, Node n) {
        if (g.nodes().contains(n) && !NodeReplacement.isUsed(g, n.output(0))) {
            g.removeNode(n);
        }
    }
}
