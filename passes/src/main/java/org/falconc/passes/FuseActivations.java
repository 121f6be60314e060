package org.falconc.passes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.falconc.ir.Attributes;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;
import org.falconc.ir.ops.fused.Activation;
import org.falconc.ir.ops.fused.FusedConvInference;
import org.falconc.ir.ops.fused.FusedGemmInference;

/**
 * Rewrites Conv [+ Add of a constant per-channel bias] [+ Add or two-operand Sum of a same-typed
 * residual] [+ activation] into one FusedConv, and Gemm + activation into one FusedGemm, so code
 * generation applies bias, residual and activation in the kernel's store instead of in separate
 * passes over memory. A per-channel bias Add (shape [K,1,1] or [1,K,1,1], as CNTK exports write
 * it) is folded into the convolution's bias, which becomes a new constant. Activations: Relu, LeakyRelu,
 * HardSwish, Sigmoid, Clip with constant bounds (see {@link Activation}). A chain is fused only when
 * each intermediate value is read by the next node of the chain alone and is not a graph output;
 * the fused node takes over the last node's output value name, so graph outputs keep their names.
 * Needs typed values (the residual must have exactly the convolution's type).
 */
public final class FuseActivations implements Pass {
    public static final String NAME = "fuse-activations";
    /** Input index of a convolution's bias. */
    private static final int BIAS = 2;

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
        List<Value> inputs = new ArrayList<>(conv.inputs());
        Node next = soleReader(g, users, conv.output(0));
        float[] channelBias = next == null ? null : channelBias(conv, next);
        if (channelBias != null) {
            while (inputs.size() <= BIAS) {
                inputs.add(null);
            }
            inputs.set(BIAS, g.addConstant(g.freshName(biasName(conv)), mergedBias(inputs.get(BIAS), channelBias)));
            chain.add(next);
            next = soleReader(g, users, next.output(0));
        }
        Value residual = null;
        if (next != null && isTwoOperandSum(next)) {
            Value c = chain.get(chain.size() - 1).output(0);
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
        if (residual != null) {
            while (inputs.size() < FusedConvInference.RESIDUAL) {
                inputs.add(null);
            }
            inputs.add(residual);
        }
        replace(g, chain, FusedConvInference.OP, inputs, act);
        return true;
    }

    /** An Add, or a Sum of exactly two operands (ResNet exports use Sum for the residual). */
    private static boolean isTwoOperandSum(Node n) {
        return (n.op().equals("Add") || n.op().equals("Sum")) && n.numInputs() == 2 && n.numOutputs() == 1;
    }

    /**
     * When {@code add} adds a constant per-channel bias to the convolution's output (shape [K,1,..] or
     * [1,K,1,..], any rank up to the output's, broadcasting over the batch and spatial axes only), that
     * bias per output channel; otherwise null.
     */
    private static float[] channelBias(Node conv, Node add) {
        if (!add.op().equals("Add") || add.numInputs() != 2 || add.numOutputs() != 1) {
            return null;
        }
        Value c = conv.output(0);
        Value other = add.input(0) == c ? add.input(1) : add.input(0);
        Value convBias = conv.numInputs() > BIAS ? conv.input(BIAS) : null;
        if (convBias != null && (!convBias.isConstant() || convBias.constant().isElided())) {
            return null;
        }
        if (other == null || other == c || !other.isConstant() || other.constant().isElided() || !c.hasType()
                || !c.type().equals(add.output(0).type()) || other.constant().dtype() != org.falconc.ir.DType.F32) {
            return null;
        }
        int[] out = c.type().shape().dims();
        int[] b = other.constant().shape().dims();
        if (out.length < 2 || b.length > out.length) {
            return null;
        }
        int channels = out[1];
        int shift = out.length - b.length;
        for (int a = 0; a < b.length; a++) {
            boolean channelAxis = a + shift == 1;
            if (b[a] != 1 && !(channelAxis && b[a] == channels)) {
                return null;
            }
        }
        float[] data = other.constant().floats();
        float[] bias = new float[channels];
        for (int k = 0; k < channels; k++) {
            bias[k] = data.length == 1 ? data[0] : data[k];
        }
        return bias;
    }

    /** The convolution's bias (absent: zero) plus {@code add}, rounded to f32 once per channel. */
    private static Tensor mergedBias(Value bias, float[] add) {
        float[] merged = add.clone();
        if (bias != null) {
            float[] b = bias.constant().floats();
            for (int k = 0; k < merged.length; k++) {
                merged[k] = (float) ((double) b[k] + add[k]);
            }
        }
        return Tensor.ofFloats(Shape.of(merged.length), merged);
    }

    private static String biasName(Node conv) {
        Value bias = conv.numInputs() > BIAS ? conv.input(BIAS) : null;
        return bias != null ? bias.name() + "_add" : (conv.name().isEmpty() ? conv.output(0).name() : conv.name()) + "_bias";
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
