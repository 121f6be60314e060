package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.f;
import static org.falconc.codegen.lower.Args.i;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.codegen.program.Arg;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.runtime.ops.BinaryOp;
import org.falconc.runtime.ops.UnaryOp;

/**
 * Sum, Max, Min, Mean of any number of inputs: the first {@code Binary} call combines inputs 0 and
 * 1 into the output, each later one folds the next input into the output; Mean then divides by the
 * count. One input is a copy. In place only over input 0 or 1, which the first call reads fully.
 */
final class VariadicLowerer implements Lowerer {
    static final String[] OPS = {"Sum", "Max", "Min", "Mean"};

    @Override
    public int[] inPlaceInputs(Node node) {
        // Not over a value that a later call reads again (Sum(x, y, x)): it would read the partial result.
        java.util.List<org.falconc.ir.Value> later = node.numInputs() > 2
                ? node.inputs().subList(2, node.numInputs()) : java.util.List.of();
        return java.util.Arrays.stream(BinaryLowerer.sameShapeInputs(node, 2))
                .filter(k -> later.stream().noneMatch(v -> v == node.input(k)))
                .toArray();
    }

    @Override
    public void lower(Node node, LayerBuilder layer) {
        DType dtype = layer.outType(0).dtype();
        int[] shape = layer.outShape(0);
        int n = LayerBuilder.elements(shape);
        int count = node.numInputs();
        for (int k = 0; k < count; k++) {
            layer.required(k);
        }
        String method = Runtime.typedMethod(dtype);
        if (count == 1) {
            Arg zero = dtype == DType.F32 ? f(0) : org.falconc.codegen.lower.Args.l(0);
            layer.call(Runtime.UNARY, method, node.op() + " of one input: a copy", i(UnaryOp.IDENTITY), zero, zero,
                    layer.in(0), layer.out(0), i(n));
        } else {
            int code = switch (node.op()) {
                case "Max" -> BinaryOp.MAX;
                case "Min" -> BinaryOp.MIN;
                default -> BinaryOp.ADD;
            };
            Arg shapeArg = layer.intTable("shape", shape);
            Arg dense = layer.intTable("strides", org.falconc.runtime.ops.BroadcastLoop.strides(shape, shape));
            layer.call(Runtime.BINARY, method, node.op() + ": inputs 0 and 1", i(code), layer.in(0),
                    BinaryLowerer.strides(layer, 0, shape), layer.in(1), BinaryLowerer.strides(layer, 1, shape),
                    layer.out(0), shapeArg);
            for (int k = 2; k < count; k++) {
                layer.call(Runtime.BINARY, method, node.op() + ": input " + k, i(code), layer.out(0), dense,
                        layer.in(k), BinaryLowerer.strides(layer, k, shape), layer.out(0), shapeArg);
            }
        }
        if (node.op().equals("Mean")) {
            layer.call(Runtime.UNARY, "floats", "Mean: divide by " + count, i(UnaryOp.DIVIDE_BY), f(count), f(0),
                    layer.out(0), layer.out(0), i(n));
        }
    }
}
