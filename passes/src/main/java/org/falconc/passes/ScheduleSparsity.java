package org.falconc.passes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Value;
import org.falconc.ir.ops.fused.DecomposedConvInference;
import org.falconc.ir.ops.fused.SparseAttrs;
import org.falconc.passes.sparsity.SparsityCalibration;

/**
 * Decides which decomposed convolutions keep the sparse path, and with which break-even
 * (docs/sparsity.md). With calibration ({@link PassOptions#calibration()}) a layer measured clearly
 * below its break-even (zero fraction + {@link #MARGIN} < break-even: sparse would not win on inputs
 * like these) goes back to a dense {@code FusedConvNhwc}, saving the bitmap; the others record
 * {@code expected_zeros} and the calibrated {@code break_even}. A layer calibration did not measure
 * takes the runtime's cost model ({@link PassOptions#breakEvenModel()}), when given: at or above
 * {@link #NEVER} (no input is that sparse in practice) it goes dense, else it records the model's
 * {@code break_even}; the generated code compares each input's zero count with it. A bitmap nothing
 * reads any more is removed. Does nothing when {@link PassOptions#sparsity()} is OFF.
 */
public final class ScheduleSparsity implements Pass {
    public static final String NAME = "schedule-sparsity";
    /** How far below its break-even a calibrated layer must be to lose its sparse path. */
    public static final double MARGIN = 0.05;
    /** A model break-even from which a layer is not worth its bitmap: it stays dense. */
    public static final double NEVER = 0.9;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean run(Graph g, PassContext ctx) {
        SparsityCalibration calibration = ctx.options().calibration();
        java.util.function.ToDoubleFunction<Node> model = ctx.options().breakEvenModel();
        if (ctx.options().sparsity() == SparsityMode.OFF || (calibration == null && model == null)) {
            return false;
        }
        boolean changed = false;
        int dense = 0;
        for (Node n : List.copyOf(g.nodes())) {
            if (!n.op().equals(DecomposedConvInference.OP)) {
                continue;
            }
            Optional<SparsityCalibration.Layer> measured = calibration == null ? Optional.empty()
                    : calibration.layer(n.name());
            if (measured.isEmpty()) {
                if (model == null) {
                    continue;
                }
                float breakEven = (float) model.applyAsDouble(n);
                if (breakEven >= NEVER) {
                    backToDense(g, n);
                    dense++;
                    changed = true;
                } else if (n.attrs().getFloat(SparseAttrs.BREAK_EVEN, -1f) != breakEven) {
                    n.attrs().setFloat(SparseAttrs.BREAK_EVEN, breakEven);
                    changed = true;
                }
                continue;
            }
            SparsityCalibration.Layer l = measured.get();
            if (l.zeroFraction() + MARGIN < l.breakEven()) {
                backToDense(g, n);
                dense++;
                changed = true;
            } else {
                float zeros = (float) l.zeroFraction();
                float breakEven = (float) l.breakEven();
                changed |= n.attrs().getFloat(SparseAttrs.EXPECTED_ZEROS, -1f) != zeros
                        || n.attrs().getFloat(SparseAttrs.BREAK_EVEN, -1f) != breakEven;
                n.attrs().setFloat(SparseAttrs.EXPECTED_ZEROS, zeros);
                n.attrs().setFloat(SparseAttrs.BREAK_EVEN, breakEven);
            }
        }
        if (dense > 0) {
            ctx.log(dense + " decomposed convolutions back to dense (zero fraction below break-even)");
        }
        return changed;
    }

    private static void backToDense(Graph g, Node n) {
        Value bits = n.input(DecomposedConvInference.BITS);
        List<Value> inputs = new ArrayList<>(n.inputs().subList(0, DecomposedConvInference.BITS));
        org.falconc.ir.Attributes attrs = n.attrs().copy();
        attrs.remove(SparseAttrs.BREAK_EVEN);
        attrs.remove(SparseAttrs.EXPECTED_ZEROS);
        NodeRewrite.replace(g, n, "FusedConvNhwc", inputs, attrs, 1, List.of());
        removeIfUnused(g, bits);
    }

    private static void removeIfUnused(Graph g, Value bits) {
        for (Node n : g.nodes()) {
            if (n.inputs().contains(bits)) {
                return;
            }
        }
        if (!g.isGraphOutput(bits) && bits.producer() != null) {
            g.removeNode(bits.producer());
        }
    }
}
