package org.falconc.passes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.falconc.interp.Interpreter;
import org.falconc.interp.KernelRegistry;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;
import org.falconc.ir.ops.NotStaticException;

/**
 * Evaluates nodes whose outputs are known at compile time and replaces them by constants with the
 * same names. Walks the nodes in topological order, inferring types as it goes, so a fold makes
 * later shapes static: a Shape -> Gather -> Unsqueeze -> Concat chain becomes a constant and the
 * Reshape it feeds gets a static type. Foldable are nodes whose present inputs are all constants
 * (weight transforms such as Transpose or Cast included) and Shape/Size of a typed value, whose
 * result follows from the type alone. Nodes whose inference is not static yet stay untyped for
 * infer-shapes to report; constants left unused are removed by eliminate-dead-code.
 */
public final class FoldConstants implements Pass {
    public static final String NAME = "fold-constants";

    /** Ops whose result is not a function of their inputs. */
    private static final Set<String> NONDETERMINISTIC = Set.of(
            "RandomNormal", "RandomNormalLike", "RandomUniform", "RandomUniformLike", "Multinomial", "Bernoulli");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean run(Graph g, PassContext ctx) {
        List<Node> before = List.copyOf(g.nodes());
        g.sortTopologically();
        boolean changed = !before.equals(g.nodes());
        int folded = 0;
        long limit = ctx.options().foldLimitElements();
        for (Node n : List.copyOf(g.nodes())) {
            if (!OutputTypes.inputsTyped(n)) {
                continue; // downstream of a shape that is not static (yet)
            }
            try {
                changed |= OutputTypes.assign(n);
            } catch (NotStaticException e) {
                continue; // infer-shapes reports it if folding did not resolve it
            }
            List<Tensor> values = foldedOutputs(n, limit, ctx);
            if (values != null) {
                NodeReplacement r = new NodeReplacement(g, n);
                for (int i = 0; i < n.numOutputs(); i++) {
                    r.outputBecomesConstant(i, values.get(i));
                }
                r.commit();
                folded++;
                changed = true;
            }
        }
        if (folded > 0) {
            ctx.log("folded " + folded + " nodes");
        }
        return changed;
    }

    /** The node's output values when it can be folded, else null. Its output types are set. */
    private static List<Tensor> foldedOutputs(Node n, long limit, PassContext ctx) {
        if (n.numOutputs() == 0 || NONDETERMINISTIC.contains(n.op())) {
            return null;
        }
        if (n.op().equals("Shape")) {
            return List.of(shapeOf(n));
        }
        if (n.op().equals("Size")) {
            return List.of(sizeOf(n));
        }
        List<Tensor> args = new ArrayList<>(n.numInputs());
        for (Value in : n.inputs()) {
            if (in != null && (!in.isConstant() || in.constant().isElided())) {
                return null;
            }
            args.add(in == null ? null : in.constant());
        }
        long elements = 0;
        for (Value out : n.outputs()) {
            elements = saturatingAdd(elements, elementCount(out.type().shape()));
        }
        if (elements > limit) {
            ctx.log("not folding " + n.describe() + ": " + elements + " elements exceed the limit of " + limit);
            return null;
        }
        if (KernelRegistry.find(n.op()) == null) {
            ctx.log("not folding " + n.describe() + ": the interpreter has no kernel for " + n.op());
            return null;
        }
        return Interpreter.evaluate(n, args);
    }

    /** ONNX Shape: the input's dims from {@code start} (default 0) to {@code end} (default rank), clamped. */
    private static Tensor shapeOf(Node n) {
        long[] dims = n.input(0).type().shape().dimsAsLongs();
        int rank = dims.length;
        int start = clampAxis(n.attrs().getInt("start", 0), rank);
        int end = clampAxis(n.attrs().getInt("end", rank), rank);
        long[] slice = new long[Math.max(0, end - start)];
        System.arraycopy(dims, start, slice, 0, slice.length);
        return Tensor.vector(slice);
    }

    private static int clampAxis(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        return (int) Math.max(0, Math.min(rank, a));
    }

    private static Tensor sizeOf(Node n) {
        return Tensor.scalar(elementCount(n.input(0).type().shape()));
    }

    private static long saturatingAdd(long a, long b) {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }

    /** Element count as a long, saturating: Shape.numElements() throws beyond 2^31-1. */
    private static long elementCount(Shape s) {
        long count = 1;
        for (int i = 0; i < s.rank(); i++) {
            if (s.dim(i) != 0 && count > Long.MAX_VALUE / s.dim(i)) {
                return Long.MAX_VALUE;
            }
            count *= s.dim(i);
        }
        return count;
    }
}
