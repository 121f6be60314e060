package org.falconc.passes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.falconc.ir.Attributes;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;
import org.falconc.ir.ops.layout.ChannelsLast;
import org.falconc.ir.ops.tensor.BinaryElementwise;
import org.falconc.ir.ops.tensor.UnaryElementwise;
import org.falconc.ir.ops.tensor.VariadicElementwise;

/**
 * Puts the convolutional body in the channels-last layout (NHWC, see {@link ChannelsLast} and
 * docs/passes.md): every 2-D convolution with constant weights becomes its {@code FusedConvNhwc}
 * twin, pooling whose input is already channels-last becomes its twin, and position-wise ops
 * (element-wise unary, binary and variadic ops, Clip, PRelu) and Concat follow their inputs into
 * the layout; their constant operands are reordered at compile time (after broadcasting to rank
 * 4) and a Concat's axis is remapped. Every other op, and every graph output, reads channels-first
 * data through an explicit reorder: a {@code Transpose} with perm {@code [0, 3, 1, 2]} (and
 * {@code [0, 2, 3, 1]} into the layout), shared by all readers of one value, or a {@code Reshape}
 * when the reorder moves only size-1 axes. Values keep their names; the shapes in a dump show each
 * value's layout ([N, H, W, C] after this pass). Finally reorders next to the model's own Transposes
 * are composed with them ({@link CleanupTransposes}): a reorder to NCHW followed by an exported
 * Transpose to NHWC cancels out.
 *
 * <p>Convolutions with a mask output and decomposed convolutions (sparse execution) stay
 * channels-first. With {@link PassOptions#channelsLast()} false the pass does nothing.
 */
public final class AssignLayout implements Pass {
    public static final String NAME = "assign-layout";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean run(Graph g, PassContext ctx) {
        if (!ctx.options().channelsLast()) {
            return false;
        }
        Rewrite r = new Rewrite(g);
        for (Node n : List.copyOf(g.nodes())) {
            r.visit(n);
        }
        r.fixGraphOutputs();
        if (r.converted == 0) {
            return false;
        }
        ctx.log("channels-last: " + r.converted + " nodes, " + r.reorders + " reorders");
        // A reorder back to NCHW followed by the exporter's own Transpose to NHWC (detection heads)
        // composes to nothing: the head reads the channels-last data directly.
        new CleanupTransposes().run(g, ctx);
        return true;
    }

    /** The state of one run: which values are stored channels-last, and the reorders made so far. */
    private static final class Rewrite {
        private final Graph g;
        /** Values now stored [N, H, W, C] (their types already say so). */
        private final Set<Value> nhwc = new HashSet<>();
        /** NCHW value -> its channels-last copy. */
        private final Map<Value, Value> toNhwc = new HashMap<>();
        /** Channels-last value -> its channels-first copy. */
        private final Map<Value, Value> toNchw = new HashMap<>();
        int converted;
        int reorders;

        Rewrite(Graph g) {
            this.g = g;
        }

        void visit(Node n) {
            if (isConvAnchor(n) || (isPoolAnchor(n) && nhwc.contains(n.input(0)))) {
                convertAnchor(n);
            } else if (isPositionWise(n) && readsChannelsLast(n) && canFollow(n)) {
                convertPositionWise(n);
            } else if (n.op().equals("Concat") && readsChannelsLast(n) && canFollow(n)) {
                convertPositionWise(n);
                int rank = 4;
                int axis = (int) n.attrs().getInt("axis");
                n.attrs().setInt("axis", ChannelsLast.nhwcAxis(axis < 0 ? axis + rank : axis));
            } else {
                for (int i = 0; i < n.numInputs(); i++) {
                    if (n.hasInput(i) && nhwc.contains(n.input(i))) {
                        n.setInput(i, channelsFirst(n.input(i), n));
                    }
                }
            }
        }

        private static boolean isRank4F32(Value v) {
            return v != null && v.hasType() && v.type().rank() == 4 && v.type().dtype() == DType.F32;
        }

        private static boolean isConvAnchor(Node n) {
            boolean conv = n.op().equals("Conv") || n.op().equals("FusedConv");
            return conv && n.numOutputs() == 1 && isRank4F32(n.input(0)) && isRank4F32(n.output(0))
                    && n.input(1).isConstant() && n.input(1).type().rank() == 4
                    && (!n.hasInput(3) || isRank4F32(n.input(3)));
        }

        private static boolean isPoolAnchor(Node n) {
            return switch (n.op()) {
                case "MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool" ->
                        n.numOutputs() == 1 && isRank4F32(n.input(0)) && isRank4F32(n.output(0));
                default -> false;
            };
        }

        private static boolean isPositionWise(Node n) {
            String op = n.op();
            boolean elementWise = UnaryElementwise.isOp(op) || BinaryElementwise.isOp(op)
                    || VariadicElementwise.isOp(op) || op.equals("Clip") || op.equals("PRelu");
            return elementWise && n.numOutputs() == 1 && isRank4F32(n.output(0));
        }

        private boolean readsChannelsLast(Node n) {
            for (Value v : n.inputs()) {
                if (v != null && nhwc.contains(v)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether every input can be had channels-last: a rank-4 value (reordered if need be), a
         * scalar, or a constant of rank <= 4 (reordered at compile time). A computed operand of rank
         * 1-3 would need a broadcast reorder at run time: the node stays channels-first.
         */
        private static boolean canFollow(Node n) {
            for (Value v : n.inputs()) {
                if (v == null || !v.hasType()) {
                    continue;
                }
                int rank = v.type().rank();
                if (rank == 4 || rank == 0) {
                    continue;
                }
                if (!v.isConstant() || rank > 4 || v.constant().isElided()) {
                    return false;
                }
            }
            return true;
        }

        private void convertAnchor(Node n) {
            // A plain Conv is a FusedConv without epilogue: both become FusedConvNhwc.
            String twinOp = ChannelsLast.twinOf(n.op().equals("Conv") ? "FusedConv" : n.op());
            for (int i = 0; i < n.numInputs(); i++) {
                if (n.hasInput(i) && ChannelsLast.isActivationInput(twinOp, i)) {
                    n.setInput(i, channelsLast(n.input(i), n));
                }
            }
            Value out = n.output(0);
            String name = out.name();
            Node twin = g.insertNodeBefore(n, twinOp, n.name(), n.inputs(),
                    List.of(g.freshName(name + "_nhwc")), n.attrs().copy());
            Value twinOut = twin.output(0);
            twinOut.setType(new TensorType(out.type().dtype(), ChannelsLast.toNhwc(out.type().shape())));
            g.replaceAllUses(out, twinOut);
            g.removeNode(n);
            g.rename(twinOut, name);
            nhwc.add(twinOut);
            converted++;
        }

        private void convertPositionWise(Node n) {
            for (int i = 0; i < n.numInputs(); i++) {
                Value v = n.hasInput(i) ? n.input(i) : null;
                if (v == null || nhwc.contains(v) || !v.hasType() || v.type().rank() == 0) {
                    continue;
                }
                if (v.isConstant() && !v.constant().isElided()) {
                    n.setInput(i, reorderedConstant(v));
                } else {
                    n.setInput(i, channelsLast(v, n));
                }
            }
            Value out = n.output(0);
            out.setType(new TensorType(out.type().dtype(), ChannelsLast.toNhwc(out.type().shape())));
            nhwc.add(out);
            converted++;
        }

        /** A constant broadcast operand of a channels-last op: expanded to rank 4, then reordered. */
        private Value reorderedConstant(Value c) {
            Tensor t = c.constant();
            int[] d = t.shape().dims();
            int[] four = {1, 1, 1, 1};
            System.arraycopy(d, 0, four, 4 - d.length, d.length);
            Tensor expanded = t.reshape(Shape.of(four));
            return g.addConstant(g.freshName(c.name() + "_nhwc"), ChannelsLast.permute(expanded, ChannelsLast.TO_NHWC));
        }

        /** The channels-last copy of an NCHW value, made once, before its first reader. */
        private Value channelsLast(Value v, Node reader) {
            if (nhwc.contains(v)) {
                return v;
            }
            return toNhwc.computeIfAbsent(v, x -> reorder(x, ChannelsLast.TO_NHWC, "_nhwc", reader));
        }

        /** The channels-first copy of a channels-last value, made once, before its first reader. */
        private Value channelsFirst(Value v, Node reader) {
            return toNchw.computeIfAbsent(v, x -> reorder(x, ChannelsLast.TO_NCHW, "_nchw", reader));
        }

        private Value reorder(Value v, long[] perm, String suffix, Node before) {
            Shape in = v.type().shape();
            Shape out = ChannelsLast.permute(in, perm);
            String name = g.freshName(v.name() + suffix);
            Node n;
            if (ChannelsLast.movesOnlyUnitAxes(in, perm)) {
                Value shape = g.addConstant(g.freshName(name + "_shape"), Tensor.vector(out.dimsAsLongs()));
                n = before == null ? g.addNode("Reshape", null, List.of(v, shape), List.of(name), new Attributes())
                        : g.insertNodeBefore(before, "Reshape", null, List.of(v, shape), List.of(name), new Attributes());
            } else {
                Attributes a = new Attributes().setInts("perm", perm);
                n = before == null ? g.addNode("Transpose", null, List.of(v), List.of(name), a)
                        : g.insertNodeBefore(before, "Transpose", null, List.of(v), List.of(name), a);
            }
            n.output(0).setType(new TensorType(v.type().dtype(), out));
            reorders++;
            return n.output(0);
        }

        /**
         * A graph output computed channels-last is read through a reorder; the reorder's result
         * takes the output's name (the interface keeps its names), the channels-last value a new one.
         */
        void fixGraphOutputs() {
            List<Value> outs = new ArrayList<>(g.outputs());
            for (int i = 0; i < outs.size(); i++) {
                Value v = outs.get(i);
                if (!nhwc.contains(v)) {
                    continue;
                }
                Value first = channelsFirst(v, null);
                String name = v.name();
                g.rename(v, g.freshName(name + "_nhwc"));
                g.rename(first, name);
                outs.set(i, first);
            }
            g.setOutputs(outs);
        }
    }
}
