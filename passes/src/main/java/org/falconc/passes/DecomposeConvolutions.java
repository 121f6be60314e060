package org.falconc.passes;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.falconc.ir.Attributes;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Value;
import org.falconc.ir.ops.fused.ActivationBitsInference;
import org.falconc.ir.ops.fused.DecomposedConvInference;
import org.falconc.passes.sparsity.ExactZeros;

/**
 * Decomposes every eligible channels-last convolution (docs/sparsity.md): a {@code FusedConvNhwc}
 * that is not depthwise, with constant weights, whose input X {@linkplain ExactZeros#eligible holds
 * exact zeros} (a graph input too with {@link PassOptions#decomposeGraphInputs()}), becomes a
 * {@code DecomposedConv} reading the bitmap of X from an {@code ActivationBits} node placed right
 * after X's producer; one bitmap per value, shared by all its decomposed readers. Whether each layer
 * then runs sparse is decided per inference from the bitmap's zero count (and by schedule-sparsity
 * from calibration). Runs after assign-layout; does nothing when {@link PassOptions#sparsity()} is OFF.
 */
public final class DecomposeConvolutions implements Pass {
    public static final String NAME = "decompose-convolutions";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean run(Graph g, PassContext ctx) {
        if (ctx.options().sparsity() == SparsityMode.OFF) {
            return false;
        }
        Map<Value, Value> bits = new IdentityHashMap<>();
        int decomposed = 0;
        for (Node n : List.copyOf(g.nodes())) {
            if (!eligible(n, ctx.options().decomposeGraphInputs())) {
                continue;
            }
            Value x = n.input(0);
            Value b = bits.computeIfAbsent(x, v -> bitsOf(g, v));
            List<Value> inputs = new java.util.ArrayList<>();
            for (int i = 0; i < DecomposedConvInference.BITS; i++) {
                inputs.add(n.hasInput(i) ? n.input(i) : null);
            }
            inputs.add(b);
            NodeRewrite.replace(g, n, DecomposedConvInference.OP, inputs, n.attrs().copy(), 1, List.of());
            decomposed++;
        }
        if (decomposed > 0) {
            ctx.log("decomposed " + decomposed + " convolutions, " + bits.size() + " bitmaps");
        }
        return decomposed > 0;
    }

    private static boolean eligible(Node n, boolean graphInputs) {
        if (!n.op().equals("FusedConvNhwc") || !n.input(1).isConstant()) {
            return false;
        }
        int group = (int) n.attrs().getInt("group", 1);
        boolean depthwise = group > 1 && n.input(1).type().shape().dim(1) == 1;
        return !depthwise && ExactZeros.eligible(n.input(0), graphInputs);
    }

    /** An ActivationBits node right after the producer of {@code x} (first, for a graph input). */
    private static Value bitsOf(Graph g, Value x) {
        Node after = x.producer();
        Node n = NodeRewrite.insertAfter(g, after, ActivationBitsInference.OP, "", List.of(x),
                g.freshName(x.name() + "_bits"), new Attributes());
        return n.output(0);
    }
}
