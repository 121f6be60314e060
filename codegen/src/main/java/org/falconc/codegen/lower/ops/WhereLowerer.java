package org.falconc.codegen.lower.ops;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.Node;

/** Where(condition, X, Y) with three-way broadcasting. */
final class WhereLowerer implements Lowerer {
    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] out = layer.outShape(0);
        layer.call(Runtime.WHERE, "select", "condition ? X : Y", layer.in(0), BinaryLowerer.strides(layer, 0, out),
                layer.in(1), BinaryLowerer.strides(layer, 1, out), layer.in(2), BinaryLowerer.strides(layer, 2, out),
                layer.out(0), layer.intTable("shape", out));
    }
}
