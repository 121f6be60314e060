package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.bool;
import static org.falconc.codegen.lower.Args.i;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.DType;
import org.falconc.ir.Node;

/** Trilu on the last two axes; the diagonal k (an optional i64 scalar) is read at run time, constant or not. */
final class TriluLowerer implements Lowerer {
    @Override
    public int[] inPlaceInputs(Node node) {
        return new int[] {0};
    }

    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] x = layer.inShape(0);
        int rows = x[x.length - 2];
        int cols = x[x.length - 1];
        int matrices = LayerBuilder.elements(x) / Math.max(1, rows * cols);
        if (rows * cols == 0) {
            return;
        }
        boolean upper = node.attrs().getInt("upper", 1) == 1;
        layer.call(Runtime.TRILU, "run", (upper ? "upper" : "lower") + " triangle of " + matrices + " x " + rows + "x" + cols,
                layer.in(0), layer.out(0), i(matrices), i(rows), i(cols), layer.inOrNull(1, DType.I64), bool(upper));
    }
}
