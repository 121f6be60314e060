package org.falconc.frontend;

import static org.falconc.frontend.DataTypes.FLOAT;
import static org.falconc.frontend.TestModel.dims;
import static org.falconc.frontend.TestModel.names;
import static org.falconc.frontend.TestModel.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.TensorType;
import org.falconc.ir.DType;
import org.junit.jupiter.api.Test;

/** Graph inputs, constants, outputs, names and order of the imported graph. */
class ImportStructureTest {
    @Test
    void ir3InitializersListedAsInputsAreConstantsNotInputs() {
        ImportedModel m = TestModel.opset(8).ir(3)
                .input("x", FLOAT, 1, 4).input("w", FLOAT, 4).input("b", FLOAT, 4)
                .initializer(TestModel.rawFloats("w", dims(4), 1, 2, 3, 4))
                .initializer(TestModel.rawFloats("b", dims(4), 0, 0, 0, 1))
                .output("y", FLOAT)
                .node("Mul", "mul", names("x", "w"), names("xw"))
                .node("Add", "add", names("xw", "b"), names("y"))
                .importAllOps();
        Graph g = m.graph();
        assertEquals(List.of("x"), g.inputs().stream().map(v -> v.name()).toList());
        assertEquals(List.of("w", "b"), g.constants().stream().map(v -> v.name()).toList());
        assertTrue(g.value("w").isConstant());
        assertEquals(Map.of("x", FLOAT), m.inputElemTypes());
        assertEquals(3, m.irVersion());
        assertEquals(8, m.opsetVersion());
        assertEquals("falconc-tests", m.producerName());
        assertEquals("test", g.name());
    }

    @Test
    void inputsGetStaticTypesAndNodeOutputsStayUntyped() {
        Graph g = TestModel.opset(13).input("x", FLOAT, 1, 3, 8, 8).output("y", FLOAT)
                .node("Relu", "r", names("x"), names("y")).graph();
        assertEquals(TensorType.of(DType.F32, 1, 3, 8, 8), g.value("x").type());
        assertNull(g.value("y").type(), "type inference is left to the passes");
        assertSame(g.value("y"), g.outputs().get(0));
    }

    @Test
    void graphOutputsMayBeInputsOrInitializers() {
        Graph g = TestModel.opset(13).input("x", FLOAT, 2).output("x", FLOAT).output("c", FLOAT)
                .initializer(TestModel.rawFloats("c", dims(1), 1)).graph();
        assertEquals(List.of(g.value("x"), g.value("c")), g.outputs());
        assertTrue(g.nodes().isEmpty());
    }

    @Test
    void nodesOutOfOrderAreSorted() {
        Graph g = TestModel.opset(13).input("x", FLOAT, 2).output("z", FLOAT)
                .node("Sigmoid", "second", names("y"), names("z"))
                .node("Relu", "first", names("x"), names("y")).graph();
        assertEquals(List.of("first", "second"), g.nodes().stream().map(Node::name).toList());
        assertSame(g.value("y"), only(g, "Sigmoid").input(0));
    }

    @Test
    void elementTypesOfInputsAndOutputsAreMappedAndRecorded() {
        ImportedModel m = TestModel.opset(13)
                .input("h", DataTypes.FLOAT16, 1, 2).input("d", DataTypes.DOUBLE, 2)
                .input("i", DataTypes.INT32, 2).input("u", DataTypes.UINT8, 2).input("l", DataTypes.INT64, 2)
                .input("b", DataTypes.BOOL, 2)
                .output("h", DataTypes.FLOAT16).output("l", DataTypes.INT64).importAllOps();
        Graph g = m.graph();
        assertEquals(DType.F32, g.value("h").type().dtype());
        assertEquals(DType.F32, g.value("d").type().dtype());
        assertEquals(DType.I32, g.value("i").type().dtype());
        assertEquals(DType.I32, g.value("u").type().dtype());
        assertEquals(DType.I64, g.value("l").type().dtype());
        assertEquals(DType.BOOL, g.value("b").type().dtype());
        assertEquals(List.of("h", "d", "i", "u", "l", "b"), List.copyOf(m.inputElemTypes().keySet()));
        assertEquals(DataTypes.FLOAT16, m.inputElemTypes().get("h"));
        assertEquals(DataTypes.UINT8, m.inputElemTypes().get("u"));
        assertEquals(Map.of("h", DataTypes.FLOAT16, "l", DataTypes.INT64), m.outputElemTypes());
    }

    @Test
    void stringInputIsRefused() {
        FrontendException e = assertThrows(FrontendException.class,
                () -> TestModel.opset(13).input("s", 8, 1).output("s", 8).graph());
        assertEquals("graph input 's' has unsupported element type STRING (8)", e.getMessage());
    }

    @Test
    void symbolicBatchDefaultsToOneOrTheGivenBatch() {
        TestModel m = TestModel.opset(13).input("x", FLOAT, "N", 3, 4).input("y", FLOAT, null, 2).output("x", FLOAT);
        Graph g = m.graph();
        assertEquals(TensorType.of(DType.F32, 1, 3, 4), g.value("x").type());
        assertEquals(TensorType.of(DType.F32, 1, 2), g.value("y").type());
        Graph g4 = m.importAllOps(ImportOptions.defaults().withDefaultBatch(4)).graph();
        assertEquals(TensorType.of(DType.F32, 4, 3, 4), g4.value("x").type());
    }

    @Test
    void inputShapesBindSymbolicDimsAndOverrideTheWholeShape() {
        TestModel m = TestModel.opset(13).input("x", FLOAT, "N", 3, "H", "W").input("y", FLOAT, 1, 2)
                .output("x", FLOAT);
        Graph g = m.importAllOps(ImportOptions.defaults().withInputShape("x", 2, 3, 32, 48)
                .withInputShape("y", 5, 2)).graph();
        assertEquals(TensorType.of(DType.F32, 2, 3, 32, 48), g.value("x").type());
        assertEquals(TensorType.of(DType.F32, 5, 2), g.value("y").type());
    }

    @Test
    void unboundSymbolicDimIsAnErrorNamingInputAndDim() {
        FrontendException e = assertThrows(FrontendException.class,
                () -> TestModel.opset(13).input("img", FLOAT, "N", 3, "height", 8).output("img", FLOAT).graph());
        assertEquals("graph input 'img' dimension 2 ('height') is symbolic and not bound: give the input's shape "
                + "in the input shapes", e.getMessage());
    }

    @Test
    void badInputShapeOptionsAreReported() {
        TestModel m = TestModel.opset(13).input("x", FLOAT, "N", 3).output("x", FLOAT);
        FrontendException e = assertThrows(FrontendException.class,
                () -> m.importAllOps(ImportOptions.defaults().withInputShape("x", 1, 3, 1)));
        assertEquals("input shape [1, 3, 1] given for 'x' has rank 3 but the model declares rank 2", e.getMessage());
        e = assertThrows(FrontendException.class,
                () -> m.importAllOps(ImportOptions.defaults().withInputShape("nope", 1)));
        assertEquals("an input shape is given for 'nope', which is not a graph input (inputs: x)", e.getMessage());
        FrontendException noShape = assertThrows(FrontendException.class,
                () -> TestModel.opset(13).inputWithoutShape("x", FLOAT).output("x", FLOAT).graph());
        assertTrue(noShape.getMessage().contains("has no shape"), noShape.getMessage());
        Graph g = TestModel.opset(13).inputWithoutShape("x", FLOAT).output("x", FLOAT)
                .importAllOps(ImportOptions.defaults().withInputShape("x", 7)).graph();
        assertEquals(TensorType.of(DType.F32, 7), g.value("x").type());
    }

    @Test
    void omittedOptionalInputsAndOutputs() {
        Graph g = TestModel.opset(13).input("x", FLOAT, 1, 3, 4, 4).input("s", FLOAT, 4).output("y", FLOAT)
                .output("m", DataTypes.BOOL)
                .node("Resize", "r", names("x", "", "s"), names("y"))
                .node("Dropout", "d", names("x"), names("", "m")) // output 0 omitted, mask kept
                .node("Dropout", "d2", names("x"), names("z", "")) // trailing omitted output
                .graph();
        Node resize = only(g, "Resize");
        assertNull(resize.input(1));
        assertSame(g.value("s"), resize.input(2));
        Node d = g.nodes().stream().filter(n -> n.name().equals("d")).findFirst().orElseThrow();
        assertEquals(2, d.numOutputs());
        assertSame(g.value("m"), d.output(1));
        Node d2 = g.nodes().stream().filter(n -> n.name().equals("d2")).findFirst().orElseThrow();
        assertEquals(1, d2.numOutputs());
    }

    @Test
    void freshNamesDoNotCollideWithModelNames() {
        // "n_axes" is taken by a model value, so the constant made from Squeeze's attribute needs another name.
        Graph g = TestModel.opset(11).input("x", FLOAT, 1, 3).input("n_axes", FLOAT, 1).output("y", FLOAT)
                .output("n_axes", FLOAT)
                .node("Squeeze", "n", names("x"), names("y"), TestModel.ints("axes", 0)).graph();
        Node s = only(g, "Squeeze");
        assertTrue(s.input(1).isConstant());
        assertTrue(!s.input(1).name().equals("n_axes"), s.input(1).name());
        assertTrue(!g.value("n_axes").isConstant());
    }

    @Test
    void defaultDomainMayBeSpelledAiOnnx() {
        Graph g = TestModel.opset(13).input("x", FLOAT, 2).output("y", FLOAT)
                .node(org.falconc.frontend.onnx.NodeProto.newBuilder().setOpType("Relu").setName("r")
                        .setDomain("ai.onnx").addInput("x").addOutput("y").build()).graph();
        assertEquals("Relu", only(g, "Relu").op());
    }
}
