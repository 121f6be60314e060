package org.falconc.passes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.falconc.ir.Attributes;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Value;
import org.falconc.ir.ops.fused.Activation;
import org.falconc.ir.ops.fused.ActivationMaskInference;
import org.falconc.ir.ops.fused.DecomposedConvInference;
import org.falconc.ir.ops.fused.FusedConvInference;
import org.falconc.ir.ops.fused.SparseAttrs;
import org.falconc.passes.sparsity.ExactZeros;

/**
 * Rewrites every eligible Conv / FusedConv into a DecomposedConv with the default unit and makes the
 * producers of its input write masks (docs/sparsity.md). Eligible: 1-D or 2-D, f32, constant weights,
 * not depthwise, input X {@linkplain ExactZeros#eligible holding exact zeros} (a graph input too with
 * {@link PassOptions#decomposeGraphInputs()}). The mask of X comes from: a FusedConv / DecomposedConv
 * producer, which gets {@code mask_block} and a second output (or its existing mask); a channel
 * Concat, as a Concat(axis = 1) of its parts' masks; anything else (MaxPool, Pad, a Relu / Clip /
 * ThresholdedRelu op, a graph input) through an ActivationMask node placed right after it. Each value
 * gets one mask, shared by all its consumers. Does nothing when {@link PassOptions#sparsity()} is OFF.
 */
public final class DecomposeConvolutions implements Pass {
    public static final String NAME = "decompose-convolutions";
    public static final int DEFAULT_UNIT_CHANNELS = 4;
    public static final int DEFAULT_UNIT_PIXELS = 64;
    /**
     * The longest block of the masks this pass makes producers write (and the input_mask_block of its
     * nodes): short blocks keep a unit's covered blocks close to its true window (a block that straddles
     * rows drags in pixels the window never reads); narrower maps use one block per row.
     */
    public static final int MASK_BLOCK = 8;

    /** The mask block of a tensor [N, C, ..., W]: {@link #MASK_BLOCK}, or W when the rows are shorter. */
    static int maskBlockFor(Value v) {
        int[] dims = v.type().shape().dims();
        return Math.max(1, Math.min(MASK_BLOCK, dims[dims.length - 1]));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** A mask value and its block. */
    private record Mask(Value value, int block) {
    }

    @Override
    public boolean run(Graph g, PassContext ctx) {
        if (ctx.options().sparsity() == SparsityMode.OFF) {
            return false;
        }
        boolean graphInputs = ctx.options().decomposeGraphInputs();
        Map<Value, Mask> masks = new IdentityHashMap<>();
        int decomposed = 0;
        for (Node n : List.copyOf(g.nodes())) {
            if (!g.nodes().contains(n) || !eligible(n, graphInputs)) {
                continue;
            }
            Mask m = maskOf(g, n.input(0), masks);
            List<Value> inputs = new ArrayList<>(Arrays.asList(n.input(0), n.input(1), n.input(2),
                    n.input(FusedConvInference.RESIDUAL), m.value()));
            Attributes attrs = n.attrs().copy();
            if (n.op().equals("Conv")) {
                attrs.setString(Activation.ATTRIBUTE, "");
            }
            attrs.setInt(SparseAttrs.UNIT_CHANNELS, DEFAULT_UNIT_CHANNELS);
            attrs.setInt(SparseAttrs.UNIT_PIXELS, DEFAULT_UNIT_PIXELS);
            attrs.setInt(SparseAttrs.INPUT_MASK_BLOCK, m.block());
            Node d = NodeRewrite.replace(g, n, DecomposedConvInference.OP, inputs, attrs, n.numOutputs(), List.of());
            if (d.name().isEmpty()) {
                d.setName(d.output(0).name()); // calibration and thresholds key DecomposedConvs by name
            }
            decomposed++;
        }
        if (decomposed > 0) {
            ctx.log("decomposed " + decomposed + " convolutions");
        }
        return decomposed > 0;
    }

    /** Whether {@code n} is a Conv / FusedConv that can become a DecomposedConv. */
    static boolean eligible(Node n, boolean graphInputs) {
        if (!(n.op().equals("Conv") || n.op().equals(FusedConvInference.OP)) || n.numInputs() < 2) {
            return false;
        }
        Value x = n.input(0);
        Value w = n.input(1);
        if (!x.hasType() || !w.hasType() || x.type().dtype() != DType.F32 || w.type().dtype() != DType.F32
                || !n.output(0).hasType()) {
            return false;
        }
        int rank = x.type().rank();
        if ((rank != 3 && rank != 4) || w.constant() == null) {
            return false;
        }
        long group = n.attrs().getInt("group", 1);
        if (group > 1 && w.type().shape().dim(1) == 1) {
            return false; // depthwise
        }
        return ExactZeros.eligible(x, graphInputs);
    }

    /** The mask of {@code v} (eligible), made on first request and shared afterwards. */
    private static Mask maskOf(Graph g, Value v, Map<Value, Mask> masks) {
        Mask known = masks.get(v);
        if (known != null) {
            return known;
        }
        Node p = v.producer();
        Mask m;
        if (p != null && (p.op().equals(FusedConvInference.OP) || p.op().equals(DecomposedConvInference.OP))) {
            m = producerMask(g, p);
            v = m.value().producer().output(0); // the producer was replaced: its output 0 is a new value
        } else if (p != null && p.op().equals("Concat")) {
            m = concatMask(g, p, masks);
        } else {
            m = activationMask(g, p, v);
        }
        masks.put(v, m);
        return m;
    }

    /** The mask output of a FusedConv / DecomposedConv producer, adding it when missing. */
    private static Mask producerMask(Graph g, Node p) {
        if (p.numOutputs() == 2) {
            return new Mask(p.output(1), SparseAttrs.maskBlock(p));
        }
        Attributes attrs = p.attrs().copy();
        int block = maskBlockFor(p.output(0));
        attrs.setInt(SparseAttrs.MASK_BLOCK, block);
        String maskName = g.freshName(p.output(0).name() + "_mask");
        Node q = NodeRewrite.replace(g, p, p.op(), p.inputs(), attrs, 2, List.of(maskName));
        return new Mask(q.output(1), block);
    }

    /** Concat(axis = 1) of the parts' masks right after the Concat, or an ActivationMask when their blocks differ. */
    private static Mask concatMask(Graph g, Node concat, Map<Value, Mask> masks) {
        List<Value> parts = new ArrayList<>();
        int block = -1;
        boolean sameBlock = true;
        for (int i = 0; i < concat.numInputs(); i++) {
            Mask part = maskOf(g, concat.input(i), masks); // may replace the part's producer: re-read the input
            parts.add(part.value());
            sameBlock &= block < 0 || block == part.block();
            block = part.block();
        }
        if (!sameBlock) {
            return activationMask(g, concat, concat.output(0));
        }
        Attributes attrs = new Attributes().setInt("axis", 1);
        Node n = NodeRewrite.insertAfter(g, concat, "Concat", "", parts,
                g.freshName(concat.output(0).name() + "_mask"), attrs);
        return new Mask(n.output(0), block);
    }

    /** An ActivationMask of {@code v} right after its producer {@code p} (first when v is a graph input). */
    private static Mask activationMask(Graph g, Node p, Value v) {
        int block = maskBlockFor(v);
        Attributes attrs = new Attributes().setInt(SparseAttrs.BLOCK, block);
        Node n = NodeRewrite.insertAfter(g, p, ActivationMaskInference.OP, "", List.of(v),
                g.freshName(v.name() + "_mask"), attrs);
        return new Mask(n.output(0), block);
    }
}
