package org.falconc.passes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.falconc.ir.Attributes;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Value;
import org.falconc.ir.ops.fused.Activation;
import org.falconc.ir.ops.fused.FusedConvInference;
import org.falconc.ir.ops.fused.FusedGemmInference;

/**
 * Rewrites Conv [+ Add of a same-typed residual] [+ activation] into one FusedConv, and Gemm +
 * activation into one FusedGemm, so code generation applies the residual and the activation in the
 * kernel's store instead of in separate passes over memory. Activations: Relu, LeakyRelu,
 * HardSwish, Sigmoid, Clip with constant bounds (see {@link Activation}). A chain is fused only when
 * each intermediate value is read by the next node of the chain alone and is not a graph output;
 * the fused node takes over the last node's output value name, so graph outputs keep their names.
 * Needs typed values (the residual must have exactly the convolution's type).
 */
public final class FuseActivations implements Pass {
    public static final String NAME = "fuse-activations";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean run(Graph g, PassContext ctx) {
        int fused = 0;
        for (Node n : List.copyOf(g.nodes())) {
            if (!g.nodes().contains(n)) {
                continue;
            }
            boolean done = switch (n.op()) {
                case "Conv" -> fuseConv(g, n);
                case "Gemm" -> fuseGemm(g, n);
                default -> false;
            };
            if (done) {
                fused++;
            }
        }
        if (fused > 0) {
            ctx.log("fused " + fused + " chains");
        }
        return fused > 0;
    }

    private static boolean fuseConv(Graph g, Node conv) {
        Map<Value, List<Node>> users = g.users();
        List<Node> chain = new ArrayList<>(List.of(conv));
        Value residual = null;
        Node next = soleReader(g, users, conv.output(0));
        if (next != null && next.op().equals("Add") && next.numInputs() == 2 && next.numOutputs() == 1) {
            Value c = conv.output(0);
            Value other = next.input(0) == c ? next.input(1) : next.input(0);
            if (other != null && other != c && c.hasType() && c.type().equals(other.type())
                    && c.type().equals(next.output(0).type())) {
                residual = other;
                chain.add(next);
                next = soleReader(g, users, next.output(0));
            }
        }
        Activation act = next == null ? null : Activation.ofOnnxNode(next);
        if (act != null && sameType(chain.get(chain.size() - 1).output(0), next.output(0))) {
            chain.add(next);
        } else {
            act = Activation.NONE;
        }
        if (chain.size() == 1) {
            return false;
        }
        List<Value> inputs = new ArrayList<>(conv.inputs());
        if (residual != null) {
            while (inputs.size() < FusedConvInference.RESIDUAL) {
                inputs.add(null);
            }
            inputs.add(residual);
        }
        replace(g, chain, FusedConvInference.OP, inputs, act);
        return true;
    }

    private static boolean fuseGemm(Graph g, Node gemm) {
        Node next = soleReader(g, g.users(), gemm.output(0));
        Activation act = next == null ? null : Activation.ofOnnxNode(next);
        if (act == null || !sameType(gemm.output(0), next.output(0))) {
            return false;
        }
        replace(g, List.of(gemm, next), FusedGemmInference.OP, gemm.inputs(), act);
        return true;
    }

    /** The only node reading {@code v} (through its first input only), or null when there is not exactly one or {@code v} is a graph output. */
    private static Node soleReader(Graph g, Map<Value, List<Node>> users, Value v) {
        List<Node> readers = users.getOrDefault(v, List.of());
        if (readers.size() != 1 || g.isGraphOutput(v)) {
            return null;
        }
        Node reader = readers.get(0);
        int reads = 0;
        for (Value in : reader.inputs()) {
            if (in == v) {
                reads++;
            }
        }
        return reads == 1 ? reader : null;
    }

    private static boolean sameType(Value a, Value b) {
        return a.hasType() && a.type().equals(b.type());
    }

    /**
     * Replaces {@code chain} (first node: the Conv/Gemm, last: the node whose output survives) by one
     * fused node with the first node's attributes and name, placed where the last node was.
     */
    private static void replace(Graph g, List<Node> chain, String op, List<Value> inputs, Activation act) {
        Node first = chain.get(0);
        Node last = chain.get(chain.size() - 1);
        Attributes attrs = first.attrs().copy();
        attrs.setString(Activation.ATTRIBUTE, act.attributeValue());
        if (act.paramCount() > 0) {
            attrs.setFloats(Activation.PARAMS_ATTRIBUTE, act.paramsOfOnnxNode(last));
        }
        Value out = last.output(0);
        String outName = out.name();
        Node fused = g.insertNodeBefore(last, op, first.name(), inputs, List.of(g.freshName(outName)), attrs);
        OutputTypes.assign(fused);
        g.replaceAllUses(out, fused.output(0));
        for (int i = chain.size() - 1; i >= 0; i--) {
            g.removeNode(chain.get(i));
        }
        g.rename(fused.output(0), outName);
    }
}
