package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.i;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.ops.tensor.Gather;

/** Gather along an axis with i64 or i32 indices (constant or computed); the kernel checks the range. */
final class GatherLowerer implements Lowerer {
    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] data = layer.inShape(0);
        int axis = Gather.axis(node, data.length);
        AxisView v = AxisView.of(data, axis);
        DType idx = layer.inType(1).dtype();
        if (idx != DType.I64 && idx != DType.I32) {
            throw layer.unsupported("indices must be i64 or i32, got " + layer.inType(1));
        }
        int count = LayerBuilder.elements(layer.inShape(1));
        layer.call(Runtime.GATHER, "run", "axis " + axis + ", " + count + " indices", layer.in(0), layer.out(0),
                i(v.outer()), i(v.n()), i(v.inner()), layer.in(1), i(count));
    }
}
