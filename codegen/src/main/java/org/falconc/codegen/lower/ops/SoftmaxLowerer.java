package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.i;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.Node;
import org.falconc.ir.ops.tensor.SoftmaxFamily;

/** Softmax, LogSoftmax, Hardmax along one axis (in place allowed: the kernels may alias x and y). */
final class SoftmaxLowerer implements Lowerer {
    @Override
    public int[] inPlaceInputs(Node node) {
        return new int[] {0};
    }

    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] shape = layer.inShape(0);
        int axis = SoftmaxFamily.axis(node, shape.length);
        AxisView v = AxisView.of(shape, axis);
        String method = switch (node.op()) {
            case "LogSoftmax" -> "logSoftmax";
            case "Hardmax" -> "hardmax";
            default -> "softmax";
        };
        layer.call(Runtime.SOFTMAX, method, node.op() + " over axis " + axis, layer.in(0), layer.out(0),
                i(v.outer()), i(v.n()), i(v.inner()));
    }
}
