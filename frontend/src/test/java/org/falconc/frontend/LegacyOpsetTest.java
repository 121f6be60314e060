package org.falconc.frontend;

import static org.falconc.frontend.DataTypes.FLOAT;
import static org.falconc.frontend.TestModel.attr;
import static org.falconc.frontend.TestModel.dims;
import static org.falconc.frontend.TestModel.floats;
import static org.falconc.frontend.TestModel.ints;
import static org.falconc.frontend.TestModel.names;
import static org.falconc.frontend.TestModel.only;
import static org.falconc.frontend.TestModel.rawFloats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.falconc.frontend.onnx.AttributeProto;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;
import org.junit.jupiter.api.Test;

/**
 * Opsets 1-6: each legacy form imports to the IR's (newest) form and computes what that form, written
 * by hand in a newer opset, computes. Models go through the real op registry.
 */
class LegacyOpsetTest {
    /** x [1,3,2,2] with distinct values, negative and positive. */
    private static final Tensor X = ramp(1, 3, 2, 2);

    /** Values -k/2 .. in steps of 0.5 over {@code dims}, so every element differs and some are negative. */
    static Tensor ramp(int... dims) {
        Shape s = Shape.of(dims);
        float[] v = new float[s.numElements()];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.5f * i - v.length / 4f;
        }
        return Tensor.ofFloats(s, v);
    }

    private static Graph imported(TestModel m) {
        return m.importModel().graph();
    }

    private static Tensor run(TestModel m, Tensor x) {
        return ReferenceRun.runOne(imported(m), x);
    }

    static void assertClose(Tensor expected, Tensor actual) {
        assertEquals(expected.shape(), actual.shape());
        float[] e = expected.floats();
        float[] a = actual.floats();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], 1e-5f + 1e-5f * Math.abs(e[i]), "element " + i);
        }
    }

    private static Tensor constantInput(Node n, int i) {
        Value v = n.input(i);
        assertTrue(v != null && v.isConstant(), "input " + i + " of " + n + " should be a constant");
        return v.constant();
    }

    private static List<String> ops(Graph g) {
        return g.nodes().stream().map(Node::op).toList();
    }

    // ---- versions

    @Test
    void everyOpsetFromOneImports() {
        for (long opset = 1; opset <= 25; opset++) {
            Graph g = imported(TestModel.opset(opset).input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                    .node("Relu", "r", names("x"), names("y")));
            assertEquals(List.of("Relu"), ops(g), "opset " + opset);
        }
    }

    @Test
    void irVersionOneWithoutOpsetImportIsOpsetOne() {
        var model = TestModel.opset(1).ir(1).input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                .node("Relu", "r", names("x"), names("y"), ints("consumed_inputs", 0)).build().toBuilder()
                .clearOpsetImport().build();
        ImportedModel m = OnnxImporter.importModel(model.toByteArray(), null, ImportOptions.defaults());
        assertEquals(1, m.opsetVersion());
        assertEquals(List.of("Relu"), ops(m.graph()));
    }

    // ---- legacy broadcasting (Add, Sub, Mul, Div, Pow, comparisons, Gemm)

    /** A [2,3,4,5] op B [3,4] with broadcast=1, axis=1: B is aligned at A's channel axis. */
    private static TestModel axisBroadcast(long opset, String op, boolean aFromNode) {
        TestModel m = TestModel.opset(opset).input("x", FLOAT, 2, 3, 4, 5).output("y", FLOAT)
                .initializer(rawFloats("b", dims(3, 4), ramp(3, 4).floats()));
        if (aFromNode) {
            m.node("Abs", "abs", names("x"), names("a"));
        }
        String a = aFromNode ? "a" : "x";
        return m.node(op, "op", names(a, "b"), names("y"), attr("broadcast", 1L), attr("axis", 1L));
    }

    /** The same in opset 13: B is a [3,4,1] constant. */
    private static TestModel axisBroadcastCanonical(String op, boolean aFromNode) {
        TestModel m = TestModel.opset(13).input("x", FLOAT, 2, 3, 4, 5).output("y", FLOAT)
                .initializer(rawFloats("b", dims(3, 4, 1), ramp(3, 4).floats()));
        if (aFromNode) {
            m.node("Abs", "abs", names("x"), names("a"));
        }
        return m.node(op, "op", names(aFromNode ? "a" : "x", "b"), names("y"));
    }

    @Test
    void addBroadcastAtAxisOfAGraphInputGetsAReshapedConstant() {
        Graph g = imported(axisBroadcast(6, "Add", false));
        Node add = only(g, "Add");
        assertEquals(List.of("Add"), ops(g));
        assertTrue(add.attrs().isEmpty());
        assertEquals(Shape.of(3, 4, 1), constantInput(add, 1).shape());
        Tensor x = ramp(2, 3, 4, 5);
        assertClose(ReferenceRun.runOne(imported(axisBroadcastCanonical("Add", false)), x),
                ReferenceRun.runOne(g, x));
    }

    @Test
    void broadcastAtAxisOfANodeOutputIsShapedInTheGraph() {
        for (String op : List.of("Sub", "Mul", "Div")) {
            Graph g = imported(axisBroadcast(1, op, true));
            assertTrue(ops(g).containsAll(List.of("ConstantOfShape", "Concat", "Reshape")), op + ": " + ops(g));
            Tensor x = ramp(2, 3, 4, 5);
            assertClose(ReferenceRun.runOne(imported(axisBroadcastCanonical(op, true)), x), ReferenceRun.runOne(g, x));
        }
    }

    @Test
    void broadcastOfANonConstantOperandAtAKnownAxisIsAnUnsqueeze() {
        Graph g = imported(TestModel.opset(6).input("x", FLOAT, 2, 3, 4).input("b", FLOAT, 3).output("y", FLOAT)
                .node("Mul", "m", names("x", "b"), names("y"), attr("broadcast", 1L), attr("axis", 1L)));
        Node unsqueeze = only(g, "Unsqueeze");
        assertSame(g.value("b"), unsqueeze.input(0));
        assertTrue(constantInput(unsqueeze, 1).contentEquals(Tensor.vector(1)));
        assertSame(unsqueeze.output(0), only(g, "Mul").input(1));
        Tensor x = ramp(2, 3, 4);
        Tensor b = Tensor.ofFloats(Shape.of(3), 1, 10, 100);
        Tensor y = ReferenceRun.run(g, Map.of("x", x, "b", b)).get("y");
        for (int i = 0; i < 24; i++) {
            assertEquals(x.floats()[i] * b.floats()[(i / 4) % 3], y.floats()[i], 1e-6f);
        }
    }

    @Test
    void broadcastWithoutAxisIsTrailingAndTheAttributeGoes() {
        Graph g = imported(TestModel.opset(6).input("x", FLOAT, 2, 3).output("y", FLOAT)
                .initializer(rawFloats("b", dims(3), 1, 2, 3))
                .node("Sub", "s", names("x", "b"), names("y"), attr("broadcast", 1L)));
        Node sub = only(g, "Sub");
        assertTrue(sub.attrs().isEmpty());
        assertSame(g.value("b"), sub.input(1));
        Tensor y = ReferenceRun.runOne(g, ramp(2, 3));
        assertArrayEquals(new float[] {-2.5f, -3, -3.5f, -1, -1.5f, -2}, y.floats());
    }

    @Test
    void broadcastZeroWithEqualShapesIsDropped() {
        Node add = only(imported(TestModel.opset(1).input("a", FLOAT, 3).input("b", FLOAT, 3).output("y", FLOAT)
                .node("Add", "add1", names("a", "b"), names("y"), attr("broadcast", 0L),
                        ints("consumed_inputs", 0, 0))), "Add");
        assertTrue(add.attrs().isEmpty());
    }

    @Test
    void broadcastAxisBeyondTheRankIsRefused() {
        FrontendException e = assertThrows(FrontendException.class, () -> imported(TestModel.opset(6)
                .input("x", FLOAT, 2, 3).output("y", FLOAT).initializer(rawFloats("b", dims(3, 1), 1, 2, 3))
                .node("Add", "add1", names("x", "b"), names("y"), attr("broadcast", 1L), attr("axis", 1L))));
        assertEquals("Add 'add1': cannot broadcast an operand of rank 2 at axis 1 of an operand of rank 2",
                e.getMessage());
    }

    @Test
    void gemmBroadcastOfCIsNumpyBroadcasting() {
        TestModel legacy = TestModel.opset(6).input("x", FLOAT, 2, 3).output("y", FLOAT)
                .initializer(rawFloats("w", dims(4, 3), ramp(4, 3).floats()))
                .initializer(rawFloats("c", dims(4), 1, 2, 3, 4))
                .node("Gemm", "fc", names("x", "w", "c"), names("y"), attr("broadcast", 1L), attr("transB", 1L));
        Graph g = imported(legacy);
        Node gemm = only(g, "Gemm");
        assertEquals(List.of("transB"), List.copyOf(gemm.attrs().names()));
        TestModel canonical = TestModel.opset(13).input("x", FLOAT, 2, 3).output("y", FLOAT)
                .initializer(rawFloats("w", dims(4, 3), ramp(4, 3).floats()))
                .initializer(rawFloats("c", dims(4), 1, 2, 3, 4))
                .node("Gemm", "fc", names("x", "w", "c"), names("y"), attr("transB", 1L));
        assertClose(run(canonical, ramp(2, 3)), ReferenceRun.runOne(g, ramp(2, 3)));
    }

    // ---- PRelu

    @Test
    void preluOpset6SlopeIsPerChannel() {
        Graph g = imported(TestModel.opset(6).input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                .initializer(rawFloats("slope", dims(3), 0.1f, 0.2f, 0.3f))
                .node("PRelu", "p", names("x", "slope"), names("y")));
        assertEquals(Shape.of(3, 1, 1), constantInput(only(g, "PRelu"), 1).shape());
        Tensor y = ReferenceRun.runOne(g, X);
        for (int i = 0; i < 12; i++) {
            float x = X.floats()[i];
            assertEquals(x >= 0 ? x : x * 0.1f * (1 + i / 4), y.floats()[i], 1e-6f, "element " + i);
        }
    }

    @Test
    void preluOpset1SlopeAfterANodeIsAlignedInTheGraph() {
        TestModel legacy = TestModel.opset(1).input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                .initializer(rawFloats("slope", dims(3), 0.1f, 0.2f, 0.3f))
                .node("Neg", "n", names("x"), names("t"), ints("consumed_inputs", 0))
                .node("PRelu", "p", names("t", "slope"), names("y"), ints("consumed_inputs", 0, 0));
        TestModel canonical = TestModel.opset(13).input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                .initializer(rawFloats("slope", dims(3, 1, 1), 0.1f, 0.2f, 0.3f))
                .node("Neg", "n", names("x"), names("t"))
                .node("PRelu", "p", names("t", "slope"), names("y"));
        assertClose(run(canonical, X), run(legacy, X));
    }

    @Test
    void preluOpset7SlopeBroadcastsNumpyStyle() {
        Graph g = imported(TestModel.opset(7).input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                .initializer(rawFloats("slope", dims(2), 0.1f, 0.2f))
                .node("PRelu", "p", names("x", "slope"), names("y")));
        assertSame(g.value("slope"), only(g, "PRelu").input(1));
    }

    // ---- BatchNormalization, Dropout

    @Test
    void batchNormOpset1AttributesGoAndItComputesTheInferenceForm() {
        TestModel legacy = TestModel.opset(1).input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                .node("BatchNormalization", "bn", names("x", "s", "b", "m", "v"), names("y"),
                        ints("consumed_inputs", 0, 0, 0, 1, 1), attr("is_test", 1L), attr("spatial", 1L),
                        attr("momentum", 0.9f), attr("epsilon", 1e-3f));
        TestModel canonical = TestModel.opset(15).input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                .node("BatchNormalization", "bn", names("x", "s", "b", "m", "v"), names("y"), attr("epsilon", 1e-3f));
        for (TestModel m : List.of(legacy, canonical)) {
            m.initializer(rawFloats("s", dims(3), 1, 2, 3)).initializer(rawFloats("b", dims(3), 0, 1, -1))
                    .initializer(rawFloats("m", dims(3), 0.5f, 0, -0.5f)).initializer(rawFloats("v", dims(3), 1, 4, 9));
        }
        assertEquals(List.of("epsilon"), List.copyOf(only(imported(legacy), "BatchNormalization").attrs().names()));
        assertClose(run(canonical, X), run(legacy, X));
    }

    @Test
    void dropoutOpset1And6AreTheIdentity() {
        for (long opset : new long[] {1, 6}) {
            List<AttributeProto> attrs = new ArrayList<>(List.of(attr("is_test", 1L), attr("ratio", 0.3f)));
            if (opset == 1) {
                attrs.add(ints("consumed_inputs", 0));
            }
            TestModel m = TestModel.opset(opset).input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                    .node("Dropout", "d", names("x"), names("y"), attrs.toArray(new AttributeProto[0]));
            Node d = only(imported(m), "Dropout");
            assertTrue(d.attrs().isEmpty());
            assertTrue(constantInput(d, 1).contentEquals(Tensor.scalar(0.3f)));
            assertClose(X, run(m, X));
        }
    }

    // ---- attribute forms of shape operands

    @Test
    void reshapeOpset1ShapeAttribute() {
        TestModel m = TestModel.opset(1).input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                .node("Reshape", "r", names("x"), names("y"), ints("shape", 1, -1), ints("consumed_inputs", 0));
        Node r = only(imported(m), "Reshape");
        assertTrue(constantInput(r, 1).contentEquals(Tensor.vector(1, -1)));
        assertTrue(r.attrs().isEmpty());
        Tensor y = run(m, X);
        assertEquals(Shape.of(1, 12), y.shape());
        assertArrayEquals(X.floats(), y.floats());
    }

    @Test
    void concatBeforeOpset4DefaultsToChannels() {
        TestModel m = TestModel.opset(3).input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                .node("Concat", "c", names("x", "x"), names("y"));
        assertEquals(1, only(imported(m), "Concat").attrs().getInt("axis"));
        assertEquals(Shape.of(1, 6, 2, 2), run(m, X).shape());
        Node opset4 = only(TestModel.opset(4).input("x", FLOAT, 2).output("y", FLOAT)
                .node("Concat", "c", names("x", "x"), names("y")).graph(), "Concat");
        assertFalse(opset4.attrs().has("axis"), "opset 4 requires the axis; none is made up");
    }

    @Test
    void padOpset1PaddingsAndOpset2Pads() {
        TestModel canonical = TestModel.opset(13).input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                .initializer(TestModel.longs("pads", dims(8), 0, 0, 1, 0, 0, 0, 0, 2))
                .initializer(rawFloats("value", dims(), 7))
                .node("Pad", "p", names("x", "pads", "value"), names("y"));
        Tensor expected = run(canonical, X);
        for (var form : List.of(ints("paddings", 0, 0, 1, 0, 0, 0, 0, 2), ints("pads", 0, 0, 1, 0, 0, 0, 0, 2))) {
            TestModel m = TestModel.opset(form.getName().equals("paddings") ? 1 : 2).input("x", FLOAT, 1, 3, 2, 2)
                    .output("y", FLOAT).node("Pad", "p", names("x"), names("y"), form, attr("value", 7f),
                            attr("mode", "constant"));
            Node pad = only(imported(m), "Pad");
            assertTrue(constantInput(pad, 1).contentEquals(Tensor.vector(0, 0, 1, 0, 0, 0, 0, 2)), form.getName());
            assertClose(expected, run(m, X));
        }
    }

    @Test
    void sliceSqueezeUnsqueezeOpset1Attributes() {
        TestModel legacy = TestModel.opset(1).input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                .node("Slice", "s", names("x"), names("a"), ints("axes", 1, 3), ints("starts", 1, 0), ints("ends", 3, 1))
                .node("Squeeze", "q", names("a"), names("b"), ints("axes", 0, 3))
                .node("Unsqueeze", "u", names("b"), names("y"), ints("axes", 0));
        TestModel canonical = TestModel.opset(13).input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                .initializer(TestModel.longs("starts", dims(2), 1, 0)).initializer(TestModel.longs("ends", dims(2), 3, 1))
                .initializer(TestModel.longs("axes", dims(2), 1, 3)).initializer(TestModel.longs("sq", dims(2), 0, 3))
                .initializer(TestModel.longs("us", dims(1), 0))
                .node("Slice", "s", names("x", "starts", "ends", "axes"), names("a"))
                .node("Squeeze", "q", names("a", "sq"), names("b"))
                .node("Unsqueeze", "u", names("b", "us"), names("y"));
        Graph g = imported(legacy);
        for (Node n : g.nodes()) {
            assertTrue(n.attrs().isEmpty(), n.toString());
        }
        Tensor y = run(legacy, X);
        assertEquals(Shape.of(1, 2, 2), y.shape());
        assertClose(run(canonical, X), y);
    }

    @Test
    void upsampleOpset1HeightAndWidthScales() {
        TestModel m = TestModel.opset(1).input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                .node("Upsample", "up", names("x"), names("y"), attr("height_scale", 2f), attr("width_scale", 3f),
                        attr("mode", "nearest"));
        Node r = only(imported(m), "Resize");
        assertTrue(constantInput(r, 2).contentEquals(Tensor.ofFloats(Shape.of(4), 1, 1, 2, 3)));
        assertEquals("floor", r.attrs().getString("nearest_mode"));
        Tensor y = run(m, X);
        assertEquals(Shape.of(1, 3, 4, 6), y.shape());
        for (int c = 0; c < 3; c++) {
            for (int h = 0; h < 4; h++) {
                for (int w = 0; w < 6; w++) {
                    assertEquals(X.floats()[c * 4 + (h / 2) * 2 + w / 3], y.floats()[c * 24 + h * 6 + w]);
                }
            }
        }
    }

    @Test
    void clipOpset6MinMaxAttributes() {
        TestModel m = TestModel.opset(6).input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                .node("Clip", "c", names("x"), names("y"), attr("min", -1f), attr("max", 0.5f));
        Tensor y = run(m, X);
        for (int i = 0; i < 12; i++) {
            assertEquals(Math.max(-1f, Math.min(0.5f, X.floats()[i])), y.floats()[i]);
        }
    }

    @Test
    void variadicOpsOfEqualShapesBeforeOpset8() {
        for (String op : List.of("Sum", "Max", "Min", "Mean")) {
            TestModel m = TestModel.opset(1).input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                    .node("Neg", "n", names("x"), names("t"))
                    .node(op, "v", names("x", "t", "x"), names("y"), ints("consumed_inputs", 0, 0, 0));
            Tensor y = run(m, X);
            for (int i = 0; i < 12; i++) {
                float x = X.floats()[i];
                float expected = switch (op) {
                    case "Sum" -> x;
                    case "Max" -> Math.abs(x);
                    case "Min" -> -Math.abs(x);
                    default -> x / 3;
                };
                assertEquals(expected, y.floats()[i], 1e-6f, op + " element " + i);
            }
        }
    }

    @Test
    void softmaxOpset1NormalisesFromTheAxisOn() {
        Tensor y = run(TestModel.opset(1).input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                .node("Softmax", "s", names("x"), names("y")), X);
        double sum = 0;
        for (float v : y.floats()) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-6, "one distribution over all 12 elements after axis 0");
    }

    @Test
    void castOpset1TargetTypeName() {
        Node c = only(imported(TestModel.opset(1).input("x", FLOAT, 2).output("y", DataTypes.INT64)
                .node("Cast", "c", names("x"), names("y"), attr("to", "INT64"))), "Cast");
        assertEquals(DataTypes.INT64, c.attrs().getInt("to"));
        FrontendException e = assertThrows(FrontendException.class, () -> imported(TestModel.opset(1)
                .input("x", FLOAT, 2).output("y", FLOAT).node("Cast", "c", names("x"), names("y"), attr("to", "REAL"))));
        assertEquals("Cast 'c': unsupported attribute value to='REAL' (not an ONNX data type name)", e.getMessage());
    }

    @Test
    void lpPoolOpset1FloatOrderBecomesAnInt() {
        TestModel m = TestModel.opset(1).input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                .node("GlobalLpPool", "g", names("x"), names("y"), attr("p", 1f));
        assertEquals(1, only(imported(m), "GlobalLpPool").attrs().getInt("p"));
        Tensor y = run(m, X);
        for (int c = 0; c < 3; c++) {
            float sum = 0;
            for (int i = 0; i < 4; i++) {
                sum += Math.abs(X.floats()[c * 4 + i]);
            }
            assertEquals(sum, y.floats()[c], 1e-5f);
        }
        FrontendException e = assertThrows(FrontendException.class, () -> imported(TestModel.opset(1)
                .input("x", FLOAT, 1, 3, 2, 2).output("y", FLOAT)
                .node("LpPool", "l", names("x"), names("y"), attr("p", 1.5f), ints("kernel_shape", 2, 2))));
        assertEquals("LpPool 'l': unsupported attribute value p=1.5 (the order must be a whole number)", e.getMessage());
    }

    /** The layers of a PyTorch or Caffe2 CNN exported at opset 6, against the same network at opset 13. */
    @Test
    void opset6CnnComputesWhatItsOpset13FormComputes() {
        TestModel legacy = TestModel.opset(6).input("x", FLOAT, 1, 3, 4, 4).output("y", FLOAT)
                .node("Conv", "conv", names("x", "w"), names("c"), ints("kernel_shape", 3, 3), ints("pads", 1, 1, 1, 1))
                .node("Add", "bias", names("c", "cb"), names("cbias"), attr("broadcast", 1L), attr("axis", 1L))
                .node("BatchNormalization", "bn", names("cbias", "s", "b", "m", "v"), names("n"),
                        attr("is_test", 1L), attr("epsilon", 1e-5f))
                .node("PRelu", "act", names("n", "slope"), names("r"))
                .node("MaxPool", "pool", names("r"), names("p"), ints("kernel_shape", 2, 2), ints("strides", 2, 2))
                .node("Reshape", "flat", names("p"), names("f"), ints("shape", 1, -1))
                .node("Dropout", "drop", names("f"), names("d"), attr("is_test", 1L))
                .node("Gemm", "fc", names("d", "fw", "fb"), names("logits"), attr("broadcast", 1L), attr("transB", 1L))
                .node("Softmax", "prob", names("logits"), names("y"));
        TestModel canonical = TestModel.opset(13).input("x", FLOAT, 1, 3, 4, 4).output("y", FLOAT)
                .initializer(TestModel.longs("flat_shape", dims(2), 1, -1))
                .node("Conv", "conv", names("x", "w"), names("c"), ints("kernel_shape", 3, 3), ints("pads", 1, 1, 1, 1))
                .node("Add", "bias", names("c", "cb"), names("cbias"))
                .node("BatchNormalization", "bn", names("cbias", "s", "b", "m", "v"), names("n"), attr("epsilon", 1e-5f))
                .node("PRelu", "act", names("n", "slope"), names("r"))
                .node("MaxPool", "pool", names("r"), names("p"), ints("kernel_shape", 2, 2), ints("strides", 2, 2))
                .node("Reshape", "flat", names("p", "flat_shape"), names("f"))
                .node("Gemm", "fc", names("f", "fw", "fb"), names("logits"), attr("transB", 1L))
                .node("Softmax", "prob", names("logits"), names("y"), attr("axis", 1L));
        for (TestModel m : List.of(legacy, canonical)) {
            boolean old = m == legacy;
            m.initializer(rawFloats("w", dims(2, 3, 3, 3), ramp(2, 3, 3, 3).floats()))
                    .initializer(old ? rawFloats("cb", dims(2), 0.5f, -0.5f) : rawFloats("cb", dims(2, 1, 1), 0.5f, -0.5f))
                    .initializer(rawFloats("s", dims(2), 1, 0.5f)).initializer(rawFloats("b", dims(2), 0, 0.1f))
                    .initializer(rawFloats("m", dims(2), 0.2f, 0)).initializer(rawFloats("v", dims(2), 4, 9))
                    .initializer(old ? rawFloats("slope", dims(2), 0.1f, 0.2f) : rawFloats("slope", dims(2, 1, 1), 0.1f, 0.2f))
                    .initializer(rawFloats("fw", dims(3, 8), ramp(3, 8).floats()))
                    .initializer(rawFloats("fb", dims(3), 0, 1, 2));
        }
        Tensor x = ramp(1, 3, 4, 4);
        assertClose(run(canonical, x), run(legacy, x));
    }
}
