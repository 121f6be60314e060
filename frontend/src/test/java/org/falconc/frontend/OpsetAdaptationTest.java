package org.falconc.frontend;

import static org.falconc.frontend.DataTypes.FLOAT;
import static org.falconc.frontend.TestModel.attr;
import static org.falconc.frontend.TestModel.dims;
import static org.falconc.frontend.TestModel.floats;
import static org.falconc.frontend.TestModel.ints;
import static org.falconc.frontend.TestModel.names;
import static org.falconc.frontend.TestModel.only;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;
import org.junit.jupiter.api.Test;

/** Older-opset ops come out in their newest (opset 25) form. */
class OpsetAdaptationTest {
    private static TestModel unary(long opset, String op, List<String> extraInputs, org.falconc.frontend.onnx.AttributeProto... attrs) {
        java.util.List<String> in = new java.util.ArrayList<>();
        in.add("x");
        in.addAll(extraInputs);
        return TestModel.opset(opset).input("x", FLOAT, 1, 3, 4, 4).output("y", FLOAT)
                .node(op, "n", in, names("y"), attrs);
    }

    private static Tensor constantInput(Node n, int i) {
        Value v = n.input(i);
        assertTrue(v != null && v.isConstant(), "input " + i + " of " + n + " should be a constant");
        return v.constant();
    }

    @Test
    void clip6BoundsAtOpset10BecomeScalarInputs() {
        Node clip = only(unary(10, "Clip", List.of(), attr("min", 0f), attr("max", 6f)).graph(), "Clip");
        assertEquals(3, clip.numInputs());
        assertTrue(constantInput(clip, 1).contentEquals(Tensor.scalar(0f)));
        assertTrue(constantInput(clip, 2).contentEquals(Tensor.scalar(6f)));
        assertTrue(clip.attrs().isEmpty());
    }

    @Test
    void clipWithOnlyMaxLeavesMinAbsent() {
        Node clip = only(unary(7, "Clip", List.of(), attr("max", 6f)).graph(), "Clip");
        assertNull(clip.input(1));
        assertTrue(constantInput(clip, 2).contentEquals(Tensor.scalar(6f)));
    }

    @Test
    void clipOpset11InputsStayAsTheyAre() {
        Graph g = unary(11, "Clip", List.of("lo", "hi"))
                .input("lo", FLOAT).input("hi", FLOAT).graph();
        Node clip = only(g, "Clip");
        assertSame(g.value("lo"), clip.input(1));
        assertSame(g.value("hi"), clip.input(2));
    }

    @Test
    void padOpset10AttributesBecomeInputsAndModeStays() {
        Node pad = only(unary(10, "Pad", List.of(), ints("pads", 0, 0, 1, 1, 0, 0, 1, 1), attr("value", 2.5f),
                attr("mode", "constant")).graph(), "Pad");
        assertTrue(constantInput(pad, 1).contentEquals(Tensor.vector(0, 0, 1, 1, 0, 0, 1, 1)));
        assertTrue(constantInput(pad, 2).contentEquals(Tensor.scalar(2.5f)));
        assertEquals("constant", pad.attrs().getString("mode"));
        assertEquals(1, pad.attrs().size());
    }

    @Test
    void reshapeShapeAttributeBecomesInput() {
        Node r = only(unary(7, "Reshape", List.of(), ints("shape", 1, -1)).graph(), "Reshape");
        assertTrue(constantInput(r, 1).contentEquals(Tensor.vector(1, -1)));
        assertTrue(r.attrs().isEmpty());
    }

    @Test
    void squeezeOpset11AxesAttributeBecomesInput() {
        Node s = only(unary(11, "Squeeze", List.of(), ints("axes", 0)).graph(), "Squeeze");
        assertTrue(constantInput(s, 1).contentEquals(Tensor.vector(0)));
        assertTrue(s.attrs().isEmpty());
    }

    @Test
    void squeezeOpset13AxesInputIsKept() {
        Graph g = unary(13, "Squeeze", List.of("axes"))
                .initializer(TestModel.longs("axes", dims(1), 0)).graph();
        Node s = only(g, "Squeeze");
        assertSame(g.value("axes"), s.input(1));
        assertEquals(2, s.numInputs());
    }

    @Test
    void squeezeWithoutAxesHasOneInput() {
        assertEquals(1, only(unary(11, "Squeeze", List.of()).graph(), "Squeeze").numInputs());
    }

    @Test
    void unsqueezeOpset9AxesAttributeBecomesInput() {
        Node u = only(unary(9, "Unsqueeze", List.of(), ints("axes", 0, 5)).graph(), "Unsqueeze");
        assertTrue(constantInput(u, 1).contentEquals(Tensor.vector(0, 5)));
    }

    @Test
    void splitOpset11SizesAttributeBecomesInput() {
        Graph g = TestModel.opset(11).input("x", FLOAT, 6).output("a", FLOAT).output("b", FLOAT)
                .node("Split", "s", names("x"), names("a", "b"), attr("axis", 0L), ints("split", 2, 4)).graph();
        Node s = only(g, "Split");
        assertTrue(constantInput(s, 1).contentEquals(Tensor.vector(2, 4)));
        assertFalse(s.attrs().has("num_outputs"));
        assertEquals(0, s.attrs().getInt("axis"));
        assertEquals(2, s.numOutputs());
    }

    @Test
    void splitOpset13WithoutSizesGetsNumOutputs() {
        Graph g = TestModel.opset(13).input("x", FLOAT, 6).output("a", FLOAT).output("b", FLOAT).output("c", FLOAT)
                .node("Split", "s", names("x"), names("a", "b", "c")).graph();
        Node s = only(g, "Split");
        assertEquals(1, s.numInputs());
        assertEquals(3, s.attrs().getInt("num_outputs"));
    }

    @Test
    void splitOpset18NumOutputsStaysAnAttribute() {
        Graph g = TestModel.opset(18).input("x", FLOAT, 7).output("a", FLOAT).output("b", FLOAT)
                .node("Split", "s", names("x"), names("a", "b"), attr("num_outputs", 2L)).graph();
        Node s = only(g, "Split");
        assertEquals(2, s.attrs().getInt("num_outputs"));
        assertEquals(1, s.attrs().size());
    }

    @Test
    void sliceOpset9AttributesBecomeInputs() {
        Node s = only(unary(9, "Slice", List.of(), ints("starts", 0, 1), ints("ends", 2, 3), ints("axes", 2, 3))
                .graph(), "Slice");
        assertEquals(4, s.numInputs());
        assertTrue(constantInput(s, 1).contentEquals(Tensor.vector(0, 1)));
        assertTrue(constantInput(s, 2).contentEquals(Tensor.vector(2, 3)));
        assertTrue(constantInput(s, 3).contentEquals(Tensor.vector(2, 3)));
        assertTrue(s.attrs().isEmpty());
    }

    @Test
    void sliceOpset9WithoutAxesHasThreeInputs() {
        Node s = only(unary(9, "Slice", List.of(), ints("starts", 0), ints("ends", 1)).graph(), "Slice");
        assertEquals(3, s.numInputs());
    }

    @Test
    void reduceSumOpset11AxesBecomeInputKeepdimsStays() {
        Node r = only(unary(11, "ReduceSum", List.of(), ints("axes", 2, 3), attr("keepdims", 0L)).graph(), "ReduceSum");
        assertTrue(constantInput(r, 1).contentEquals(Tensor.vector(2, 3)));
        assertEquals(0, r.attrs().getInt("keepdims"));
    }

    @Test
    void reduceMeanOpset13AxesAttributeBecomesInput() {
        Node r = only(unary(13, "ReduceMean", List.of(), ints("axes", -1)).graph(), "ReduceMean");
        assertTrue(constantInput(r, 1).contentEquals(Tensor.vector(-1)));
    }

    @Test
    void reduceMaxOpset18AxesInputIsKept() {
        Graph g = unary(18, "ReduceMax", List.of("axes")).initializer(TestModel.longs("axes", dims(1), 1)).graph();
        assertSame(g.value("axes"), only(g, "ReduceMax").input(1));
    }

    @Test
    void dropoutOpset10RatioBecomesInputAndIsTestIsDropped() {
        Node d = only(unary(7, "Dropout", List.of(), attr("ratio", 0.25f), attr("is_test", 1L)).graph(), "Dropout");
        assertTrue(constantInput(d, 1).contentEquals(Tensor.scalar(0.25f)));
        assertTrue(d.attrs().isEmpty());
    }

    @Test
    void topKOpset9KBecomesInput() {
        Graph g = TestModel.opset(9).input("x", FLOAT, 1, 10).output("v", FLOAT).output("i", DataTypes.INT64)
                .node("TopK", "t", names("x"), names("v", "i"), attr("k", 3L)).graph();
        assertTrue(constantInput(only(g, "TopK"), 1).contentEquals(Tensor.vector(3)));
    }

    @Test
    void upsampleOpset7ScalesAttributeBecomesResize() {
        Graph g = unary(7, "Upsample", List.of(), floats("scales", 1, 1, 2, 2), attr("mode", "nearest")).graph();
        assertTrue(g.nodes().stream().noneMatch(n -> n.op().equals("Upsample")));
        Node r = only(g, "Resize");
        assertSame(g.value("x"), r.input(0));
        assertNull(r.input(1), "roi is absent");
        assertTrue(constantInput(r, 2).contentEquals(Tensor.ofFloats(Shape.of(4), 1, 1, 2, 2)));
        assertEquals(3, r.numInputs());
        assertEquals("nearest", r.attrs().getString("mode"));
        assertEquals("asymmetric", r.attrs().getString("coordinate_transformation_mode"));
        assertEquals("floor", r.attrs().getString("nearest_mode"));
        assertEquals("y", r.output(0).name());
    }

    @Test
    void upsampleOpset9ScalesInputLinearBecomesResize() {
        Graph g = unary(9, "Upsample", List.of("scales"), attr("mode", "linear"))
                .initializer(TestModel.rawFloats("scales", dims(4), 1, 1, 2, 2)).graph();
        Node r = only(g, "Resize");
        assertSame(g.value("scales"), r.input(2));
        assertEquals("linear", r.attrs().getString("mode"));
        assertEquals("asymmetric", r.attrs().getString("coordinate_transformation_mode"));
        assertFalse(r.attrs().has("nearest_mode"));
    }

    @Test
    void upsampleBilinearIsLinearAndUnknownModeIsRefused() {
        Node r = only(unary(7, "Upsample", List.of(), floats("scales", 1, 1, 2, 2), attr("mode", "bilinear")).graph(),
                "Resize");
        assertEquals("linear", r.attrs().getString("mode"));
        FrontendException e = assertThrows(FrontendException.class,
                () -> unary(7, "Upsample", List.of(), floats("scales", 1, 1, 2, 2), attr("mode", "cubic")).graph());
        assertTrue(e.getMessage().contains("Upsample 'n'") && e.getMessage().contains("cubic"), e.getMessage());
    }

    @Test
    void resizeOpset10BecomesAsymmetricFloorResize() {
        Graph g = unary(10, "Resize", List.of("scales"))
                .initializer(TestModel.rawFloats("scales", dims(4), 1, 1, 2, 2)).graph();
        Node r = only(g, "Resize");
        assertNull(r.input(1));
        assertSame(g.value("scales"), r.input(2));
        assertEquals("nearest", r.attrs().getString("mode"));
        assertEquals("asymmetric", r.attrs().getString("coordinate_transformation_mode"));
        assertEquals("floor", r.attrs().getString("nearest_mode"));
    }

    @Test
    void resizeOpset11DefaultsBecomeExplicitAndEmptyRoiScalesAbsent() {
        Graph g = unary(11, "Resize", List.of("roi", "scales", "sizes"))
                .initializer(TestModel.rawFloats("roi", dims(0)))
                .initializer(TestModel.rawFloats("scales", dims(0)))
                .initializer(TestModel.longs("sizes", dims(4), 1, 3, 8, 8)).graph();
        Node r = only(g, "Resize");
        assertNull(r.input(1));
        assertNull(r.input(2));
        assertSame(g.value("sizes"), r.input(3));
        assertEquals("nearest", r.attrs().getString("mode"));
        assertEquals("half_pixel", r.attrs().getString("coordinate_transformation_mode"));
        assertEquals("round_prefer_floor", r.attrs().getString("nearest_mode"));
    }

    @Test
    void resizeOpset11CubicGetsExplicitCoefficientAndKeepsGivenMode() {
        Node r = only(unary(11, "Resize", List.of("roi", "scales"), attr("mode", "cubic"),
                attr("coordinate_transformation_mode", "align_corners"))
                .initializer(TestModel.rawFloats("roi", dims(0)))
                .initializer(TestModel.rawFloats("scales", dims(4), 1, 1, 2, 2)).graph(), "Resize");
        assertEquals(-0.75f, r.attrs().getFloat("cubic_coeff_a"));
        assertEquals("align_corners", r.attrs().getString("coordinate_transformation_mode"));
        assertTrue(r.input(2).isConstant());
    }

    @Test
    void resizeTfHalfPixelForNnIsRefused() {
        FrontendException e = assertThrows(FrontendException.class, () -> unary(11, "Resize", List.of("roi", "scales"),
                attr("coordinate_transformation_mode", "tf_half_pixel_for_nn"))
                .initializer(TestModel.rawFloats("roi", dims(0)))
                .initializer(TestModel.rawFloats("scales", dims(4), 1, 1, 2, 2)).graph());
        assertTrue(e.getMessage().startsWith("Resize 'n': unsupported attribute value"), e.getMessage());
    }

    @Test
    void softmaxOpset11IsRewrittenWithOpset13Semantics() {
        Graph g = unary(11, "Softmax", List.of(), attr("axis", 2L)).graph();
        Node flatten = only(g, "Flatten");
        Node softmax = only(g, "Softmax");
        Node shape = only(g, "Shape");
        Node reshape = only(g, "Reshape");
        assertSame(g.value("x"), flatten.input(0));
        assertEquals(2, flatten.attrs().getInt("axis"));
        assertSame(flatten.output(0), softmax.input(0));
        assertEquals(1, softmax.attrs().getInt("axis"));
        assertEquals("n", softmax.name());
        assertSame(g.value("x"), shape.input(0));
        assertSame(softmax.output(0), reshape.input(0));
        assertSame(shape.output(0), reshape.input(1));
        assertEquals("y", reshape.output(0).name());
        assertSame(reshape.output(0), g.outputs().get(0));
        // topological order holds
        assertTrue(g.nodes().indexOf(flatten) < g.nodes().indexOf(softmax));
        assertTrue(g.nodes().indexOf(softmax) < g.nodes().indexOf(reshape));
    }

    @Test
    void logSoftmaxOpset9DefaultAxisIsOne() {
        Graph g = unary(9, "LogSoftmax", List.of()).graph();
        assertEquals(1, only(g, "Flatten").attrs().getInt("axis"));
        assertEquals(1, only(g, "LogSoftmax").attrs().getInt("axis"));
    }

    @Test
    void softmaxOpset13IsKept() {
        Graph g = unary(13, "Softmax", List.of(), attr("axis", 1L)).graph();
        assertEquals(List.of("Softmax"), g.nodes().stream().map(Node::op).toList());
        assertEquals(1, only(g, "Softmax").attrs().getInt("axis"));
    }

    @Test
    void batchNormLegacyAttributesAreDropped() {
        TestModel m = TestModel.opset(7).input("x", FLOAT, 1, 2, 4, 4).output("y", FLOAT)
                .node("BatchNormalization", "bn", names("x", "s", "b", "m", "v"), names("y"),
                        attr("epsilon", 1e-3f), attr("momentum", 0.9f), attr("spatial", 1L), attr("is_test", 1L));
        for (String s : List.of("s", "b", "m", "v")) {
            m.initializer(TestModel.rawFloats(s, dims(2), 1, 2));
        }
        Node bn = only(m.graph(), "BatchNormalization");
        assertEquals(List.of("epsilon"), List.copyOf(bn.attrs().names()));
        assertEquals(1e-3f, bn.attrs().getFloat("epsilon"));
    }

    @Test
    void batchNormSpatialZeroWithPerChannelStatisticsIsAccepted() {
        TestModel m = TestModel.opset(7).input("x", FLOAT, 1, 2, 4, 4).output("y", FLOAT)
                .node("BatchNormalization", "bn", names("x", "s", "b", "m", "v"), names("y"), attr("spatial", 0L));
        for (String s : List.of("s", "b", "m", "v")) {
            m.initializer(TestModel.rawFloats(s, dims(2, 1, 1), 1, 2));
        }
        Node bn = only(m.graph(), "BatchNormalization");
        assertTrue(bn.attrs().isEmpty());
        for (int i = 1; i <= 4; i++) {
            assertEquals(Shape.of(2), constantInput(bn, i).shape());
        }
    }

    @Test
    void batchNormSpatialZeroWithPerPositionStatisticsIsRefused() {
        TestModel m = TestModel.opset(7).input("x", FLOAT, 1, 2, 1, 2).output("y", FLOAT)
                .node("BatchNormalization", "bn", names("x", "s", "b", "m", "v"), names("y"), attr("spatial", 0L));
        for (String s : List.of("s", "b", "m", "v")) {
            m.initializer(TestModel.rawFloats(s, dims(2, 1, 2), 1, 2, 3, 4));
        }
        FrontendException e = assertThrows(FrontendException.class, m::graph);
        assertTrue(e.getMessage().startsWith("BatchNormalization 'bn': unsupported attribute value spatial=0"),
                e.getMessage());
    }

    @Test
    void constantNodesBecomeGraphConstants() {
        Graph g = TestModel.opset(13).output("a", FLOAT).output("b", FLOAT).output("c", DataTypes.INT64)
                .output("d", DataTypes.INT64).output("e", FLOAT)
                .node("Constant", "ca", names(), names("a"), attr("value", TestModel.rawFloats("t", dims(2), 1, 2)))
                .node("Constant", "cb", names(), names("b"), attr("value_float", 0.5f))
                .node("Constant", "cc", names(), names("c"), attr("value_int", 7L))
                .node("Constant", "cd", names(), names("d"), ints("value_ints", 1, 2, 3))
                .node("Constant", "ce", names(), names("e"), floats("value_floats", 4, 5))
                .graph();
        assertTrue(g.nodes().isEmpty());
        assertTrue(g.value("a").constant().contentEquals(Tensor.ofFloats(Shape.of(2), 1, 2)));
        assertTrue(g.value("b").constant().contentEquals(Tensor.scalar(0.5f)));
        assertTrue(g.value("c").constant().contentEquals(Tensor.scalar(7L)));
        assertTrue(g.value("d").constant().contentEquals(Tensor.vector(1, 2, 3)));
        assertTrue(g.value("e").constant().contentEquals(Tensor.ofFloats(Shape.of(2), 4, 5)));
        assertEquals(5, g.constants().size());
    }

    @Test
    void constantStringIsRefused() {
        FrontendException e = assertThrows(FrontendException.class, () -> TestModel.opset(13).output("a", FLOAT)
                .node("Constant", "k", names(), names("a"), attr("value_string", "hi")).graph());
        assertEquals("Constant 'k': unsupported value attribute 'value_string' (string)", e.getMessage());
    }

    @Test
    void constantOfShapeFloat16ValueIsDecodedToF32() {
        var value = TestModel.tensor("v", DataTypes.FLOAT16, 1).addInt32Data(0x3C00).build(); // 1.0
        Graph g = TestModel.opset(13).input("s", DataTypes.INT64, 2).output("y", FLOAT)
                .node("ConstantOfShape", "c", names("s"), names("y"), attr("value", value)).graph();
        Tensor t = only(g, "ConstantOfShape").attrs().getTensor("value");
        assertEquals(DType.F32, t.dtype());
        assertArrayEquals(new float[] {1f}, t.floats());
    }

    @Test
    void castToFloat16BecomesCastToFloat() {
        Node c = only(unary(13, "Cast", List.of(), attr("to", (long) DataTypes.FLOAT16)).graph(), "Cast");
        assertEquals(DataTypes.FLOAT, c.attrs().getInt("to"));
        FrontendException e = assertThrows(FrontendException.class,
                () -> unary(13, "Cast", List.of(), attr("to", (long) DataTypes.UINT8)).graph());
        assertEquals("Cast 'n': unsupported attribute value to=UINT8 (2)", e.getMessage());
    }

    @Test
    void consumedInputsIsDropped() {
        Node r = only(unary(7, "Relu", List.of(), ints("consumed_inputs", 0)).graph(), "Relu");
        assertTrue(r.attrs().isEmpty());
    }

    @Test
    void attributeOfWrongKindNamesTheNode() {
        FrontendException e = assertThrows(FrontendException.class,
                () -> unary(11, "Squeeze", List.of(), attr("axes", 0L)).graph());
        assertTrue(e.getMessage().startsWith("Squeeze 'n': ") && e.getMessage().contains("axes"), e.getMessage());
    }

    @Test
    void attributeAndInputTogetherAreRefused() {
        FrontendException e = assertThrows(FrontendException.class, () -> unary(11, "Squeeze", List.of("axes"),
                ints("axes", 0)).initializer(TestModel.longs("axes", dims(1), 0)).graph());
        assertTrue(e.getMessage().startsWith("Squeeze 'n': has both attribute 'axes' and input 1"), e.getMessage());
    }

    @Test
    void identityAndDropoutAreKept() {
        Graph g = TestModel.opset(13).input("x", FLOAT, 2).output("z", FLOAT)
                .node("Identity", "i", names("x"), names("y"))
                .node("Dropout", "d", names("y"), names("z")).graph();
        assertEquals(List.of("Identity", "Dropout"), g.nodes().stream().map(Node::op).toList());
    }
}
