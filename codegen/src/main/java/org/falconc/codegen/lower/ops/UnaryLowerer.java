package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.f;
import static org.falconc.codegen.lower.Args.i;
import static org.falconc.codegen.lower.Args.l;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.runtime.ops.UnaryOp;

/**
 * One-input elementwise ops (activations, math functions, Not) as {@code Unary} calls; the op's
 * attributes become the kernel's two parameters, with the defaults the ONNX definitions give.
 */
final class UnaryLowerer implements Lowerer {
    @Override
    public int[] inPlaceInputs(Node node) {
        return new int[] {0};
    }

    @Override
    public void lower(Node node, LayerBuilder layer) {
        DType dtype = layer.inType(0).dtype();
        int n = LayerBuilder.elements(layer.outShape(0));
        if (node.op().equals("Not")) {
            layer.call(Runtime.UNARY, "not", "Not", layer.in(0), layer.out(0), i(n));
            return;
        }
        int code = code(node);
        float[] p = params(node);
        String comment = node.op() + (p[0] != 0 || p[1] != 0 ? " (" + p[0] + ", " + p[1] + ")" : "");
        if (dtype == DType.F32) {
            layer.call(Runtime.UNARY, "floats", comment, i(code), f(p[0]), f(p[1]), layer.in(0), layer.out(0), i(n));
        } else {
            layer.call(Runtime.UNARY, Runtime.typedMethod(dtype), comment, i(code), l(0), l(0), layer.in(0), layer.out(0), i(n));
        }
    }

    private static int code(Node node) {
        if (node.op().equals("Gelu") && node.attrs().getString("approximate", "none").equals("tanh")) {
            return UnaryOp.GELU_TANH;
        }
        Integer code = UnaryOp.codes().get(node.op());
        if (code == null) {
            throw new IllegalStateException("no unary op code for " + node.op());
        }
        return code;
    }

    /** The kernel parameters p0, p1 of the op (see UnaryOp's table). */
    private static float[] params(Node node) {
        var a = node.attrs();
        return switch (node.op()) {
            case "LeakyRelu" -> new float[] {a.getFloat("alpha", 0.01f), 0};
            case "Elu", "Celu", "ThresholdedRelu" -> new float[] {a.getFloat("alpha", 1f), 0};
            case "Selu" -> new float[] {a.getFloat("alpha", 1.67326319217681884765625f), a.getFloat("gamma", 1.05070102214813232421875f)};
            case "HardSigmoid" -> new float[] {a.getFloat("alpha", 0.2f), a.getFloat("beta", 0.5f)};
            default -> new float[] {0, 0};
        };
    }

    /** The ops this lowerer handles: every ONNX unary op the runtime has a code for, and Not. */
    static String[] ops() {
        java.util.List<String> ops = new java.util.ArrayList<>(UnaryOp.codes().keySet());
        ops.remove("Clip");
        ops.remove("Identity");
        ops.add("Not");
        return ops.toArray(new String[0]);
    }
}
