package org.falconc.runtime.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.falconc.interp.Interpreter;
import org.falconc.ir.Attributes;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;
import org.falconc.ir.ops.OpRegistry;

/** Runs one ONNX node through the reference interpreter (type inference, then its kernel). */
final class Oracle {
    private Oracle() {
    }

    static List<Tensor> run(String op, Consumer<Attributes> attrs, int outputs, Tensor... inputs) {
        Graph g = new Graph("t");
        List<Value> ins = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            ins.add(inputs[i] == null ? null : g.addConstant("in" + i, inputs[i]));
        }
        List<String> outs = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            outs.add("out" + i);
        }
        Attributes a = new Attributes();
        attrs.accept(a);
        Node n = g.addNode(op, "n", ins, outs, a);
        List<TensorType> types = OpRegistry.of(n).inference().infer(n);
        for (int i = 0; i < outputs; i++) {
            n.output(i).setType(types.get(i));
        }
        return Interpreter.evaluate(n, Arrays.asList(inputs));
    }

    static Tensor floats(int[] shape, float[] data) {
        return Tensor.ofFloats(Shape.of(shape), data);
    }
}
