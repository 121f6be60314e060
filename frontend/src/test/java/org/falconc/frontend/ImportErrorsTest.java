package org.falconc.frontend;

import static org.falconc.frontend.DataTypes.FLOAT;
import static org.falconc.frontend.TestModel.dims;
import static org.falconc.frontend.TestModel.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.falconc.frontend.onnx.AttributeProto;
import org.falconc.frontend.onnx.GraphProto;
import org.falconc.frontend.onnx.ModelProto;
import org.falconc.frontend.onnx.NodeProto;
import org.falconc.frontend.onnx.SparseTensorProto;
import org.falconc.ir.IrException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Everything a user can get wrong is a one-line FrontendException naming what is wrong. */
class ImportErrorsTest {
    private static String fails(Executable e) {
        FrontendException ex = assertThrows(FrontendException.class, e);
        assertTrue(ex instanceof IrException);
        assertFalse(ex.getMessage().contains("\n"), "one line: " + ex.getMessage());
        return ex.getMessage();
    }

    private static String failsToImport(byte[] bytes) {
        return fails(() -> OnnxImporter.importModel(bytes, null, ImportOptions.defaults()));
    }

    private static TestModel reluModel() {
        return TestModel.opset(13).input("x", FLOAT, 1, 3, 8, 8).output("y", FLOAT)
                .node("Relu", "r", names("x"), names("y"))
                .initializer(TestModel.rawFloats("w", dims(64), new float[64]));
    }

    @Test
    void truncatedFile() {
        byte[] full = reluModel().bytes();
        String msg = failsToImport(Arrays.copyOf(full, full.length / 2));
        assertTrue(msg.startsWith("not an ONNX model: "), msg);
        assertTrue(msg.contains("truncated") || msg.contains("ended unexpectedly"), msg);
    }

    @Test
    void randomBytes() {
        for (int seed = 0; seed < 20; seed++) {
            byte[] junk = new byte[4096];
            new Random(seed).nextBytes(junk);
            String msg = failsToImport(junk);
            assertTrue(msg.startsWith("not an ONNX model: "), "seed " + seed + ": " + msg);
        }
    }

    @Test
    void emptyAndTextFiles() {
        assertEquals("not an ONNX model: it has neither ir_version nor graph (the file is empty)",
                failsToImport(new byte[0]));
        String msg = failsToImport("hello, this is not a model\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(msg.startsWith("not an ONNX model: "), msg);
    }

    @Test
    void missingGraph() {
        assertEquals("ONNX model has no graph", failsToImport(ModelProto.newBuilder().setIrVersion(7).build().toByteArray()));
    }

    @Test
    void missingFile() {
        String msg = fails(() -> OnnxImporter.importModel(Path.of("/nonexistent/model.onnx"), ImportOptions.defaults()));
        assertEquals("model file '/nonexistent/model.onnx' not found", msg);
    }

    @Test
    void unsupportedVersions() {
        assertEquals("unsupported ONNX IR version 0 (falconc reads IR versions 1 to 13)",
                fails(() -> reluModel().ir(0).importAllOps()));
        assertEquals("unsupported ONNX IR version 14 (falconc reads IR versions 1 to 13)",
                fails(() -> reluModel().ir(14).importAllOps()));
        assertEquals("unsupported opset 0 of domain ai.onnx (falconc reads opsets 1 to 25)",
                fails(() -> TestModel.opset(0).input("x", FLOAT, 1).output("x", FLOAT).importAllOps()));
        assertEquals("unsupported opset 26 of domain ai.onnx (falconc reads opsets 1 to 25)",
                fails(() -> TestModel.opset(26).input("x", FLOAT, 1).output("x", FLOAT).importAllOps()));
    }

    @Test
    void cycle() {
        String msg = fails(() -> TestModel.opset(13).input("x", FLOAT, 2).output("c", FLOAT)
                .node("Add", "a", names("x", "c"), names("b"))
                .node("Relu", "r", names("b"), names("c")).importAllOps());
        assertTrue(msg.matches("(Add 'a'|Relu 'r'): is part of a cycle.*"), msg);
    }

    @Test
    void nodeReadingAnUndefinedValue() {
        assertEquals("Relu 'r': reads 'nope', which no graph input, initializer or node defines",
                fails(() -> TestModel.opset(13).input("x", FLOAT, 2).output("y", FLOAT)
                        .node("Relu", "r", names("nope"), names("y")).importAllOps()));
        assertEquals("Relu node (output 'y'): reads 'nope', which no graph input, initializer or node defines",
                fails(() -> TestModel.opset(13).input("x", FLOAT, 2).output("y", FLOAT)
                        .node("Relu", "", names("nope"), names("y")).importAllOps()));
    }

    @Test
    void undefinedGraphOutput() {
        assertEquals("graph output 'z' is not defined by any graph input, initializer or node",
                fails(() -> TestModel.opset(13).input("x", FLOAT, 2).output("z", FLOAT).importAllOps()));
    }

    @Test
    void duplicateValueNames() {
        assertEquals("value 'y' is defined twice: by Relu 'a' and by Relu 'b'",
                fails(() -> TestModel.opset(13).input("x", FLOAT, 2).output("y", FLOAT)
                        .node("Relu", "a", names("x"), names("y"))
                        .node("Relu", "b", names("x"), names("y")).importAllOps()));
        assertEquals("value 'x' is defined twice: by graph input and by Relu 'a'",
                fails(() -> TestModel.opset(13).input("x", FLOAT, 2).output("x", FLOAT)
                        .node("Relu", "a", names("x"), names("x")).importAllOps()));
        assertEquals("initializer 'w' is defined twice",
                fails(() -> TestModel.opset(13).output("w", FLOAT)
                        .initializer(TestModel.rawFloats("w", dims(1), 1))
                        .initializer(TestModel.rawFloats("w", dims(1), 2)).importAllOps()));
        assertEquals("value 'x' is defined twice: by graph input and by graph input",
                fails(() -> TestModel.opset(13).input("x", FLOAT, 2).input("x", FLOAT, 2).output("x", FLOAT)
                        .importAllOps()));
    }

    @Test
    void unknownDomain() {
        assertEquals("unsupported ops: FooOp 'n1' (domain com.x, opset 1)",
                fails(() -> TestModel.opset(13).importDomain("com.x", 1).input("x", FLOAT, 2).output("y", FLOAT)
                        .node(NodeProto.newBuilder().setOpType("FooOp").setName("n1").setDomain("com.x")
                                .addInput("x").addOutput("y").build()).importAllOps()));
    }

    @Test
    void allUnsupportedOpsAreListedAtOnce() {
        String msg = fails(() -> TestModel.opset(13).importDomain("com.x", 1).importDomain("ai.onnx.ml", 3)
                .input("x", FLOAT, 2).output("d", FLOAT)
                .node(NodeProto.newBuilder().setOpType("FooOp").setName("n1").setDomain("com.x")
                        .addInput("x").addOutput("a").build())
                .node("NoSuchOp", "n2", names("a"), names("b"))
                .node(NodeProto.newBuilder().setOpType("Scaler").setName("n3").setDomain("ai.onnx.ml")
                        .addInput("b").addOutput("c").build())
                .node(NodeProto.newBuilder().setOpType("Bar").setDomain("org.unimported")
                        .addInput("c").addOutput("d").build())
                .importModel());
        assertEquals("unsupported ops: FooOp 'n1' (domain com.x, opset 1), NoSuchOp 'n2' (domain ai.onnx, opset 13), "
                + "Scaler 'n3' (domain ai.onnx.ml, opset 3), Bar node (output 'd') (domain org.unimported, "
                + "opset not imported)", msg);
    }

    @Test
    void unsupportedOpsFromTheRegistryPredicateAreListedWithRewrittenOps() {
        String msg = fails(() -> OnnxImporter.importModel(TestModel.opset(11).input("x", FLOAT, 2, 3)
                .output("y", FLOAT).output("z", FLOAT)
                .node("Softmax", "s", names("x"), names("y"))
                .node("Relu", "r", names("x"), names("z")).bytes(), null, ImportOptions.defaults(),
                op -> op.equals("Softmax")));
        assertEquals("unsupported ops: Softmax 's' (domain ai.onnx, opset 11, needs IR ops Shape, Flatten, Reshape), "
                + "Relu 'r' (domain ai.onnx, opset 11)", msg);
    }

    @Test
    void longListsOfUnsupportedOpsAreSummarised() {
        TestModel m = TestModel.opset(13).input("x", FLOAT, 2).output("y29", FLOAT);
        String prev = "x";
        for (int i = 0; i < 30; i++) {
            m.node(i % 2 == 0 ? "Foo" : "Bar", "n" + i, names(prev), names("y" + i));
            prev = "y" + i;
        }
        String msg = fails(() -> m.importModel());
        assertTrue(msg.startsWith("unsupported ops: Foo 'n0' (domain ai.onnx, opset 13), Bar 'n1'"), msg);
        assertTrue(msg.endsWith(", Foo 'n24' (domain ai.onnx, opset 13), and 5 more (Bar x3, Foo x2)"), msg);
    }

    @Test
    void defaultDomainNotImported() {
        ModelProto m = reluModel().build().toBuilder().clearOpsetImport().build();
        assertEquals("Relu 'r': uses the default ONNX domain, but the model does not import its opset",
                fails(() -> OnnxImporter.importModel(m.toByteArray(), null, ImportOptions.defaults(), op -> true)));
    }

    @Test
    void sparseInitializer() {
        ModelProto base = reluModel().build();
        GraphProto g = base.getGraph().toBuilder().addSparseInitializer(SparseTensorProto.newBuilder()
                .setValues(TestModel.rawFloats("sp", dims(1), 1)).addDims(4)).build();
        byte[] bytes = base.toBuilder().setGraph(g).build().toByteArray();
        assertEquals("sparse initializer 'sp' is not supported",
                fails(() -> OnnxImporter.importModel(bytes, null, ImportOptions.defaults(), op -> true)));
    }

    @Test
    void unknownDataTypeOfAnInitializer() {
        assertEquals("initializer 'w': unknown data type 42",
                fails(() -> TestModel.opset(13).output("w", FLOAT)
                        .initializer(TestModel.tensor("w", 42, 1).build()).importAllOps()));
    }

    @Test
    void graphAttributesAreRefusedNamingTheNode() {
        AttributeProto branch = AttributeProto.newBuilder().setName("then_branch")
                .setType(AttributeProto.AttributeType.GRAPH).setG(GraphProto.newBuilder()).build();
        assertEquals("If 'if1' attribute 'then_branch': attributes of kind graph are not supported",
                fails(() -> TestModel.opset(13).input("c", DataTypes.BOOL).output("y", FLOAT)
                        .node("If", "if1", names("c"), names("y"), branch).importAllOps()));
    }

    @Test
    void attributeWithoutTypeIsReadFromItsValueInIrVersion1() {
        // IR version 1 writers left out the type field.
        AttributeProto untyped = AttributeProto.newBuilder().setName("alpha").setF(0.25f).build();
        var g = TestModel.opset(13).ir(1).input("x", FLOAT, 2).output("y", FLOAT)
                .node("LeakyRelu", "l", names("x"), names("y"), untyped).graph();
        assertEquals(0.25f, TestModel.only(g, "LeakyRelu").attrs().getFloat("alpha"));
    }

    @Test
    void attributeOfTypeUndefinedIsRefusedFromIrVersion2NamingNodeAndAttribute() {
        AttributeProto untyped = AttributeProto.newBuilder().setName("alpha").setF(0.25f).build();
        assertEquals("LeakyRelu 'l' attribute 'alpha': has type UNDEFINED (IR version 2 requires the type of every attribute)",
                fails(() -> TestModel.opset(13).ir(2).input("x", FLOAT, 2).output("y", FLOAT)
                        .node("LeakyRelu", "l", names("x"), names("y"), untyped).importAllOps()));
        AttributeProto empty = AttributeProto.newBuilder().setName("alpha").build();
        assertEquals("LeakyRelu 'l' attribute 'alpha': has type UNDEFINED (IR version 8 requires the type of every attribute)",
                fails(() -> TestModel.opset(13).input("x", FLOAT, 2).output("y", FLOAT)
                        .node("LeakyRelu", "l", names("x"), names("y"), empty).importAllOps()));
    }

    @Test
    void initializerWithRawAndTypedDataIsRefusedNamingIt() {
        var both = TestModel.rawFloats("w", dims(2), 1f, 2f).toBuilder().addFloatData(1f).addFloatData(2f).build();
        assertEquals("initializer 'w': has data in raw_data and float_data (a tensor's data must be in exactly one of them)",
                fails(() -> TestModel.opset(13).output("w", FLOAT).initializer(both).importAllOps()));
        var twoTyped = TestModel.tensor("w", DataTypes.INT64, 1).addInt64Data(3).addInt32Data(3).build();
        assertEquals("initializer 'w': has data in int32_data and int64_data (a tensor's data must be in exactly one of them)",
                fails(() -> TestModel.opset(13).output("w", DataTypes.INT64).initializer(twoTyped).importAllOps()));
    }

    @Test
    void nodeWithoutOpType() {
        assertEquals("the node with output 'y' has no op_type",
                fails(() -> TestModel.opset(13).input("x", FLOAT, 2).output("y", FLOAT)
                        .node("", "", names("x"), names("y")).importAllOps()));
    }
}
