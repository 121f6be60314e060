package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.bool;
import static org.falconc.codegen.lower.Args.f;
import static org.falconc.codegen.lower.Args.i;
import static org.falconc.codegen.lower.Args.l;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.codegen.program.Arg;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.tensor.ConstantOfShape;

/**
 * ConstantOfShape that the folder left in the graph (its output is larger than the fold limit, e.g. a
 * zero-initialised fully connected weight): filled at run time ({@code Fill}) instead of being stored
 * in the weights file.
 */
final class ConstantOfShapeLowerer implements Lowerer {
    @Override
    public void lower(Node node, LayerBuilder layer) {
        Tensor value = ConstantOfShape.fillValue(node);
        int n = LayerBuilder.elements(layer.outShape(0));
        Arg v = switch (value.dtype()) {
            case F32 -> f(value.floats()[0]);
            case I64 -> l(value.longs()[0]);
            case I32 -> i(value.ints()[0]);
            case BOOL -> bool(value.bools()[0]);
        };
        layer.call(Runtime.FILL, Runtime.anyTypeMethod(value.dtype()), n + " x " + value.getDouble(0), layer.out(0), i(n), v);
    }
}
