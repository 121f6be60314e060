package org.falconc.interp.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

/** Runs one node on constant inputs (null = absent) through type inference and its reference kernel. */
final class NnRun {
    private NnRun() {
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
        return Interpreter.evaluate(n, java.util.Arrays.asList(inputs));
    }

    static Tensor run1(String op, Consumer<Attributes> attrs, Tensor... inputs) {
        return run(op, attrs, 1, inputs).get(0);
    }

    /** f32 tensor holding 0, 1, 2, ... (plus {@code first}) in row-major order. */
    static Tensor iota(float first, int... dims) {
        Shape s = Shape.of(dims);
        float[] v = new float[s.numElements()];
        for (int i = 0; i < v.length; i++) {
            v[i] = first + i;
        }
        return Tensor.ofFloats(s, v);
    }

    static Tensor random(Random rnd, int... dims) {
        Shape s = Shape.of(dims);
        float[] v = new float[s.numElements()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return Tensor.ofFloats(s, v);
    }

    static Tensor filled(float value, int... dims) {
        Shape s = Shape.of(dims);
        float[] v = new float[s.numElements()];
        java.util.Arrays.fill(v, value);
        return Tensor.ofFloats(s, v);
    }

    static void assertValues(Tensor actual, int[] dims, double... expected) {
        NnConformanceTest.assertClose(Tensor.ofFloats(Shape.of(dims), toFloats(expected)), actual);
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
