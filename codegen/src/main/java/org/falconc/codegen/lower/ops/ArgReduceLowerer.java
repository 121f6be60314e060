package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.bool;
import static org.falconc.codegen.lower.Args.i;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.Node;

/** ArgMax, ArgMin along one axis into i64 indices. */
final class ArgReduceLowerer implements Lowerer {
    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] in = layer.inShape(0);
        long raw = node.attrs().getInt("axis", 0);
        int axis = layer.inType(0).shape().normalizeAxis(raw);
        AxisView v = AxisView.of(in, axis);
        boolean last = node.attrs().getInt("select_last_index", 0) == 1;
        layer.call(Runtime.ARG_REDUCE, node.op().equals("ArgMax") ? "argMax" : "argMin", node.op() + " over axis " + axis,
                layer.in(0), layer.out(0), i(v.outer()), i(v.n()), i(v.inner()), bool(last));
    }
}
