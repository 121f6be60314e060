package org.falconc.passes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.falconc.ir.Attribute;
import org.falconc.ir.Attributes;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Value;
import org.falconc.ir.ops.fused.ActivationMaskInference;
import org.falconc.ir.ops.fused.DecomposedConvInference;
import org.falconc.ir.ops.fused.FusedConvInference;
import org.falconc.ir.ops.fused.SparseAttrs;
import org.falconc.passes.sparsity.ExactZeros;
import org.falconc.passes.sparsity.SparseConvGeometry;
import org.falconc.passes.sparsity.SparseCostModel;
import org.falconc.passes.sparsity.SparsityCalibration;
import org.falconc.passes.sparsity.Unit;

/**
 * Decides per DecomposedConv: sparse (with the unit of least {@linkplain SparseCostModel sparse cost})
 * or dense (back to FusedConv), from the cost model and the unit live fractions: measured ones from
 * {@link PassOptions#calibration()} when it has the node, else {@link SparseCostModel#priorLive the prior}.
 * A sparse node records unit_channels, unit_pixels, expected_live, dense_macs and expected_macs. Then
 * the masks nobody reads are removed: ActivationMask nodes and mask Concats, and mask outputs of
 * FusedConv / DecomposedConv (which lose {@code mask_block}). Deterministic. Does nothing when
 * {@link PassOptions#sparsity()} is OFF.
 */
public final class ScheduleSparsity implements Pass {
    public static final String NAME = "schedule-sparsity";

    @Override
    public String name() {
        return NAME;
    }

    /** The decision for one layer. */
    record Decision(Unit unit, double live, double sparseCost, double denseCost) {
        boolean sparse() {
            return unit != null && sparseCost < SparseCostModel.SPARSE_MARGIN * denseCost;
        }
    }

    @Override
    public boolean run(Graph g, PassContext ctx) {
        if (ctx.options().sparsity() == SparsityMode.OFF) {
            return false;
        }
        boolean changed = false;
        for (Node n : List.copyOf(g.nodes())) {
            if (!n.op().equals(DecomposedConvInference.OP)) {
                continue;
            }
            Decision d = decide(n, ctx.options().calibration());
            SparseConvGeometry geom = SparseConvGeometry.of(n);
            if (d.sparse()) {
                long dense = geom.denseMacs();
                changed |= set(n, SparseAttrs.UNIT_CHANNELS, new Attribute.Int(d.unit().channels()));
                changed |= set(n, SparseAttrs.UNIT_PIXELS, new Attribute.Int(d.unit().pixels()));
                changed |= set(n, SparseAttrs.EXPECTED_LIVE, new Attribute.Float((float) d.live()));
                changed |= set(n, SparseAttrs.DENSE_MACS, new Attribute.Int(dense));
                changed |= set(n, SparseAttrs.EXPECTED_MACS, new Attribute.Int(Math.round(d.live() * dense)));
                ctx.log(String.format(Locale.ROOT, "%s: sparse, unit %s, live %.3f, cost %.0f vs dense %.0f",
                        n.describe(), d.unit(), d.live(), d.sparseCost(), d.denseCost()));
            } else {
                toFusedConv(g, n);
                changed = true;
                ctx.log(String.format(Locale.ROOT, "%s: dense (best sparse cost %.0f vs dense %.0f)",
                        n.describe(), d.sparseCost(), d.denseCost()));
            }
        }
        changed |= pruneMasks(g);
        return changed;
    }

    /** The best unit of {@code n} and whether it beats dense execution. */
    static Decision decide(Node n, SparsityCalibration calibration) {
        SparseConvGeometry geom = SparseConvGeometry.of(n);
        int block = SparseAttrs.requiredPositiveInt(n, SparseAttrs.INPUT_MASK_BLOCK);
        double dense = SparseCostModel.dense(geom);
        Map<Unit, Double> measured = calibration == null ? Map.of() : calibration.node(n.name());
        boolean graphInput = ExactZeros.readsGraphInput(n.input(0));
        Unit best = null;
        double bestLive = 1;
        double bestCost = Double.POSITIVE_INFINITY;
        for (Unit u : Unit.candidates(geom.channelsPerGroup)) {
            double live;
            if (!measured.isEmpty()) {
                Double m = measured.get(u);
                if (m == null) {
                    continue;
                }
                live = m;
            } else {
                live = SparseCostModel.priorLive(u, graphInput);
            }
            double cost = SparseCostModel.sparse(geom, u, live, block);
            if (cost < bestCost) {
                best = u;
                bestLive = live;
                bestCost = cost;
            }
        }
        return new Decision(best, bestLive, bestCost, dense);
    }

    private static boolean set(Node n, String name, Attribute value) {
        if (Objects.equals(n.attrs().get(name), value)) {
            return false;
        }
        n.attrs().set(name, value);
        return true;
    }

    private static final List<String> DECOMPOSITION_ATTRIBUTES = List.of(SparseAttrs.UNIT_CHANNELS,
            SparseAttrs.UNIT_PIXELS, SparseAttrs.INPUT_MASK_BLOCK, SparseAttrs.EXPECTED_LIVE, SparseAttrs.DENSE_MACS,
            SparseAttrs.EXPECTED_MACS);

    /** A dense DecomposedConv back to FusedConv: M dropped, the decomposition attributes removed, mask output kept. */
    private static void toFusedConv(Graph g, Node n) {
        Attributes attrs = n.attrs().copy();
        DECOMPOSITION_ATTRIBUTES.forEach(attrs::remove);
        List<Value> inputs = new ArrayList<>(n.inputs().subList(0, Math.min(n.numInputs(), DecomposedConvInference.MASK)));
        NodeRewrite.replace(g, n, FusedConvInference.OP, inputs, attrs, n.numOutputs(), List.of());
    }

    /** Removes the masks nobody reads, until none is left. */
    static boolean pruneMasks(Graph g) {
        boolean any = false;
        boolean changed = true;
        while (changed) {
            changed = false;
            Map<Value, List<Node>> users = g.users();
            for (Node n : List.copyOf(g.nodes())) {
                boolean maskNode = n.op().equals(ActivationMaskInference.OP)
                        || (n.op().equals("Concat") && n.output(0).hasType() && n.output(0).type().dtype() == DType.BOOL
                        && allMasks(n));
                if (maskNode && unused(g, users, n.output(0))) {
                    g.removeNode(n);
                    changed = true;
                } else if ((n.op().equals(FusedConvInference.OP) || n.op().equals(DecomposedConvInference.OP))
                        && n.numOutputs() == 2 && unused(g, users, n.output(1))) {
                    Attributes attrs = n.attrs().copy();
                    attrs.remove(SparseAttrs.MASK_BLOCK);
                    NodeRewrite.replace(g, n, n.op(), n.inputs(), attrs, 1, List.of());
                    changed = true;
                }
                if (changed) {
                    break; // users are stale
                }
            }
            any |= changed;
        }
        return any;
    }

    /** Whether every input of a Concat is a mask (an ActivationMask, a mask Concat or a mask output). */
    private static boolean allMasks(Node concat) {
        for (Value in : concat.inputs()) {
            Node p = in == null ? null : in.producer();
            if (p == null) {
                return false;
            }
            boolean mask = p.op().equals(ActivationMaskInference.OP)
                    || (p.op().equals("Concat") && allMasks(p))
                    || ((p.op().equals(FusedConvInference.OP) || p.op().equals(DecomposedConvInference.OP))
                    && p.numOutputs() == 2 && p.output(1) == in);
            if (!mask) {
                return false;
            }
        }
        return true;
    }

    private static boolean unused(Graph g, Map<Value, List<Node>> users, Value v) {
        return !g.isGraphOutput(v) && users.getOrDefault(v, List.of()).isEmpty();
    }
}
