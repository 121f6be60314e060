package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.i;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.ops.tensor.Gather;

/** GatherElements along an axis with i64 or i32 indices (constant or computed); the kernel checks the range. */
final class GatherElementsLowerer implements Lowerer {
    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] data = layer.inShape(0);
        int axis = Gather.axis(node, data.length);
        DType idx = layer.inType(1).dtype();
        if (idx != DType.I64 && idx != DType.I32) {
            throw layer.unsupported("indices must be i64 or i32, got " + layer.inType(1));
        }
        layer.call(Runtime.GATHER_ELEMENTS, "run", "axis " + axis, layer.in(0), layer.out(0),
                layer.intTable("dataShape", data), layer.in(1), layer.intTable("indexShape", layer.inShape(1)), i(axis));
    }
}
