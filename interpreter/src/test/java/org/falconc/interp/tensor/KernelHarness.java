package org.falconc.interp.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.falconc.interp.Interpreter;
import org.falconc.ir.Attributes;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;
import org.falconc.ir.ops.OpRegistry;

/**
 * Runs one op through type inference and its reference kernel. Inputs are graph constants (so
 * shape arguments are static) and are passed to the kernel as runtime tensors too.
 */
final class KernelHarness {
    private final Graph graph = new Graph("test");
    private final String op;
    private final List<Value> inputs = new ArrayList<>();
    private final List<Tensor> args = new ArrayList<>();
    private final Attributes attrs = new Attributes();
    private int outputs = 1;

    private KernelHarness(String op) {
        this.op = op;
    }

    static KernelHarness op(String op) {
        return new KernelHarness(op);
    }

    KernelHarness in(Tensor t) {
        inputs.add(graph.addConstant("c" + inputs.size(), t));
        args.add(t);
        return this;
    }

    KernelHarness absent() {
        inputs.add(null);
        args.add(null);
        return this;
    }

    KernelHarness attrs(java.util.function.Consumer<Attributes> set) {
        set.accept(attrs);
        return this;
    }

    KernelHarness outputs(int n) {
        outputs = n;
        return this;
    }

    List<Tensor> runAll() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            names.add("y" + i);
        }
        Node n = graph.addNode(op, "n", inputs, names, attrs);
        List<TensorType> types = OpRegistry.of(n).inference().infer(n);
        for (int i = 0; i < outputs; i++) {
            n.output(i).setType(types.get(i));
        }
        return Interpreter.evaluate(n, args);
    }

    Tensor run() {
        return runAll().get(0);
    }

    // ---- tensors and assertions ----

    static Tensor f32(int[] dims, float... v) {
        return Tensor.ofFloats(Shape.of(dims), v);
    }

    static Tensor f32(float... v) {
        return Tensor.ofFloats(Shape.of(v.length), v);
    }

    static Tensor i64(long... v) {
        return Tensor.vector(v);
    }

    static Tensor bools(boolean... v) {
        return Tensor.ofBools(Shape.of(v.length), v);
    }

    static int[] dims(int... d) {
        return d;
    }

    static Tensor random(Random rnd, Shape shape) {
        float[] v = new float[shape.numElements()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return Tensor.ofFloats(shape, v);
    }

    /** The conformance tolerance: |actual - expected| <= 1e-7 + 1e-3 * |expected|. */
    static void assertClose(Tensor actual, float... expected) {
        float[] a = actual.floats();
        assertEquals(expected.length, a.length, "element count");
        for (int i = 0; i < a.length; i++) {
            assertClose(expected[i], a[i], "element " + i);
        }
    }

    static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
            return;
        }
        assertTrue(expected == actual || Math.abs(actual - expected) <= 1e-7 + 1e-3 * Math.abs(expected),
                what + ": expected " + expected + ", got " + actual);
    }

    static void assertTensor(Tensor actual, String type, float... expected) {
        assertEquals(type, actual.type().toString());
        assertClose(actual, expected);
    }

    static void assertLongs(Tensor actual, String type, long... expected) {
        assertEquals(type, actual.type().toString());
        assertArrayEquals(expected, actual.toLongArray());
    }

    static void assertBools(Tensor actual, boolean... expected) {
        assertArrayEquals(expected, actual.bools());
    }
}
