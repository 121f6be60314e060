package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.i;

import java.util.Arrays;
import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.codegen.program.Arg;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.runtime.ops.BinaryOp;
import org.falconc.runtime.ops.BroadcastLoop;

/**
 * Two-input elementwise ops with numpy broadcasting (arithmetic, PRelu, comparisons, logic) as
 * {@code Binary} calls; broadcast strides are computed here. The output may overwrite an input of
 * its own shape (a residual Add in place).
 */
final class BinaryLowerer implements Lowerer {
    static final String[] OPS = {"Add", "Sub", "Mul", "Div", "Pow", "Mod", "PRelu", "Equal", "Less", "LessOrEqual",
        "Greater", "GreaterOrEqual", "And", "Or", "Xor"};

    @Override
    public int[] inPlaceInputs(Node node) {
        return sameShapeInputs(node, 2);
    }

    /** Of the first {@code count} inputs, those with the output's shape and element type. */
    static int[] sameShapeInputs(Node node, int count) {
        var out = node.output(0).type();
        return java.util.stream.IntStream.range(0, Math.min(count, node.numInputs()))
                .filter(k -> node.input(k) != null && node.input(k).type().equals(out)).toArray();
    }

    @Override
    public void lower(Node node, LayerBuilder layer) {
        int code = node.op().equals("Mod") && node.attrs().getInt("fmod", 0) == 1 ? BinaryOp.FMOD : BinaryOp.code(node.op());
        DType a = layer.inType(0).dtype();
        if (layer.inType(1).dtype() != a) {
            throw layer.unsupported("operands of different element types (" + layer.inType(0) + ", " + layer.inType(1) + ")");
        }
        int[] shape = layer.outShape(0);
        String method;
        if (a == DType.BOOL) {
            method = "logic";
        } else if (BinaryOp.isPredicate(code)) {
            method = "compare" + Character.toUpperCase(Runtime.typedMethod(a).charAt(0)) + Runtime.typedMethod(a).substring(1);
        } else {
            method = Runtime.typedMethod(a);
        }
        layer.call(Runtime.BINARY, method, node.op() + " " + Arrays.toString(layer.inShape(0)) + ", "
                        + Arrays.toString(layer.inShape(1)) + " -> " + Arrays.toString(shape),
                i(code), layer.in(0), strides(layer, 0, shape), layer.in(1), strides(layer, 1, shape), layer.out(0),
                layer.intTable("shape", shape));
    }

    /** Broadcast strides of input {@code k} over the output shape. */
    static Arg strides(LayerBuilder layer, int k, int[] outShape) {
        return layer.intTable("strides", BroadcastLoop.strides(layer.inShape(k), outShape));
    }
}
