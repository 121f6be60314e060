package org.falconc.frontend;

import org.falconc.testsupport.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;
import org.falconc.ir.Verifier;
import org.falconc.ir.ops.OpRegistry;
import org.junit.jupiter.api.Test;

/** The real models in ../shared/models and every ONNX conformance case in ../shared/onnx-conformance. */
class SharedModelsTest {
    /**
     * IR ops that falconc deliberately does not support, with the reason. A shared model may fail to
     * import only because of these. (Empty: the conformance set was chosen to be the CNN op set.)
     */
    private static final Map<String, String> EXPECTED_UNSUPPORTED = Map.of();

    private static List<Path> allModels() {
        List<Path> all = new ArrayList<>(SharedData.modelFiles());
        for (Path c : SharedData.conformanceCases()) {
            all.add(c.resolve("model.onnx"));
        }
        return all;
    }

    private static ImportedModel importAllOps(Path model) throws IOException {
        return OnnxImporter.importModel(Files.readAllBytes(model), model.getParent(), ImportOptions.defaults(),
                op -> true);
    }

    /** Everything but op support: parsing, versions, tensors, adapters, shapes, wiring. */
    @Test
    void everySharedModelImportsWhenEveryOpIsSupported() throws IOException {
        List<Path> models = allModels();
        assertTrue(models.size() > 350, "expected the whole conformance set, found " + models.size());
        List<String> failures = new ArrayList<>();
        for (Path m : models) {
            try {
                Graph g = importAllOps(m).graph();
                assertFalse(g.outputs().isEmpty());
                for (Node n : g.nodes()) {
                    for (Value in : n.inputs()) {
                        assertTrue(in == null || g.value(in.name()) == in, n + " reads a foreign value");
                    }
                }
            } catch (FrontendException e) {
                failures.add(SharedData.dir().relativize(m) + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
    }

    /** Each case's input_N.pb binds to the N-th real graph input, so types must agree exactly. */
    @Test
    void conformanceInputsMatchTheirTestData() throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (Path c : SharedData.conformanceCases()) {
            ImportedModel im = importAllOps(c.resolve("model.onnx"));
            List<Value> inputs = im.graph().inputs();
            Path data = c.resolve("test_data_set_0");
            for (int i = 0; ; i++) {
                Path pb = data.resolve("input_" + i + ".pb");
                if (!Files.exists(pb)) {
                    if (i != inputs.size()) {
                        mismatches.add(c.getFileName() + ": " + i + " input files for " + inputs.size() + " inputs");
                    }
                    break;
                }
                TensorType expected = TensorFiles.read(pb).tensor().type();
                if (i >= inputs.size() || !inputs.get(i).type().equals(expected)) {
                    mismatches.add(c.getFileName() + ": input " + i + " is " + (i < inputs.size()
                            ? inputs.get(i).type() : "missing") + ", data is " + expected);
                } else if (im.inputElemTypes().get(inputs.get(i).name()) != TensorFiles.elemType(pb)) {
                    mismatches.add(c.getFileName() + ": input " + i + " elem type differs from its data");
                }
            }
            for (int i = 0; i < im.graph().outputs().size(); i++) {
                Path pb = data.resolve("output_" + i + ".pb");
                Integer declared = im.outputElemTypes().get(im.graph().outputs().get(i).name());
                if (!Files.exists(pb)) {
                    mismatches.add(c.getFileName() + ": output " + i + " has no " + pb.getFileName());
                } else if (declared == null || declared != TensorFiles.elemType(pb)) {
                    mismatches.add(c.getFileName() + ": output " + i + " elem type " + declared + " differs from its data");
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    /**
     * With the real op registry: a model may fail only on ops listed in {@link #EXPECTED_UNSUPPORTED}, and
     * the imported graphs pass the IR verifier. Depends on the op registrations of the IR.
     */
    @Test
    void everySharedModelImportsWithTheOpRegistry() {
        Pattern offender = Pattern.compile("(?:^unsupported ops: |, )(\\S+) (?:'[^']*'|node \\(output '[^']*'\\)) \\(domain ([^,]+), ([^)]*)\\)");
        List<String> unexplained = new ArrayList<>();
        for (Path m : allModels()) {
            try {
                // The IR's verifier checks structure and op arities against the registered schemas.
                Verifier.verify(OnnxImporter.importModel(m, ImportOptions.defaults()).graph());
            } catch (FrontendException e) {
                String msg = e.getMessage();
                List<String> ops = new ArrayList<>();
                Matcher mm = offender.matcher(msg);
                while (mm.find()) {
                    ops.add(mm.group(1));
                }
                boolean explained = msg.startsWith("unsupported ops: ") && !ops.isEmpty()
                        && ops.stream().allMatch(EXPECTED_UNSUPPORTED::containsKey) && !msg.contains(" more (");
                if (!explained) {
                    unexplained.add(SharedData.dir().relativize(m) + ": " + msg);
                }
            } catch (IrException e) {
                unexplained.add(SharedData.dir().relativize(m) + ": verifier: " + e.getMessage());
            }
        }
        assertEquals(List.of(), unexplained, "registered ops: " + OpRegistry.ops());
    }

    @Test
    void squeezenetFp16WeightsWidenToExactlyTheFp32Weights() throws IOException {
        ImportedModel half = importAllOps(SharedData.models().resolve("squeezenet1.0-fp16.onnx"));
        ImportedModel full = importAllOps(SharedData.models().resolve("squeezenet1.0.onnx"));
        assertEquals(Map.of("data_0", DataTypes.FLOAT16), half.inputElemTypes());
        assertEquals(Map.of("softmaxout_1", DataTypes.FLOAT16), half.outputElemTypes());
        assertEquals(Map.of("data_0", DataTypes.FLOAT), full.inputElemTypes());
        assertEquals(TensorType.of(DType.F32, 1, 3, 224, 224), half.graph().inputs().get(0).type());
        List<Value> hc = half.graph().constants();
        assertEquals(full.graph().constants().size(), hc.size());
        int subnormals = 0;
        for (Value c : hc) {
            Value f = full.graph().value(c.name());
            assertTrue(f.constant().contentEquals(c.constant()), c.name());
            if (c.constant().dtype() == DType.F32) {
                for (float v : c.constant().floats()) {
                    if (v != 0 && Math.abs(v) < 0x1p-14f) {
                        subnormals++;
                    }
                }
            }
        }
        assertTrue(subnormals > 0, "the fp16 weights include subnormals, which must widen exactly");
        assertEquals(half.graph().opHistogram(), full.graph().opHistogram());
    }

    @Test
    void mnistIr3WeightsAreConstantsAndItsReshapeShapesAreI64() throws IOException {
        ImportedModel m = importAllOps(SharedData.models().resolve("mnist-8.onnx"));
        Graph g = m.graph();
        assertEquals(3, m.irVersion());
        assertEquals(8, m.opsetVersion());
        assertEquals(List.of("Input3"), g.inputs().stream().map(Value::name).toList());
        assertEquals(TensorType.of(DType.F32, 1, 1, 28, 28), g.inputs().get(0).type());
        for (Node n : g.nodes()) {
            if (n.op().equals("Reshape")) {
                assertTrue(n.input(1).isConstant());
                assertEquals(DType.I64, n.input(1).constant().dtype());
            }
        }
        assertEquals("Plus214_Output_0", g.outputs().get(0).name());
    }

    @Test
    void squeezenetLegacySoftmaxIsRewritten() throws IOException {
        Graph g = importAllOps(SharedData.models().resolve("squeezenet1.0.onnx")).graph();
        Node softmax = TestModel.only(g, "Softmax");
        assertEquals(1, softmax.attrs().getInt("axis"));
        assertSame(TestModel.only(g, "Flatten").output(0), softmax.input(0));
        Node reshape = TestModel.only(g, "Reshape");
        assertSame(softmax.output(0), reshape.input(0));
        assertSame(g.value("softmaxout_1"), reshape.output(0));
        assertEquals(1, g.opHistogram().get("Dropout"));
    }

    @Test
    void superResolutionSymbolicBatchIsBoundByDefaultOrOption() throws IOException {
        Path model = SharedData.models().resolve("super-resolution-10.onnx");
        assertEquals(TensorType.of(DType.F32, 1, 1, 224, 224), importAllOps(model).graph().inputs().get(0).type());
        ImportedModel m = OnnxImporter.importModel(Files.readAllBytes(model), model.getParent(),
                ImportOptions.defaults().withInputShape("input", 2, 1, 224, 224), op -> true);
        assertEquals(TensorType.of(DType.F32, 2, 1, 224, 224), m.graph().inputs().get(0).type());
        assertFalse(m.graph().opHistogram().containsKey("Constant"));
    }

    @Test
    void ultrafaceConstantNodesBecomeConstants() throws IOException {
        ImportedModel m = importAllOps(SharedData.models().resolve("ultraface-rfb-320.onnx"));
        Graph g = m.graph();
        assertFalse(g.opHistogram().containsKey("Constant"));
        assertEquals(List.of("scores", "boxes"), g.outputs().stream().map(Value::name).toList());
        // BatchNormalization's momentum is dropped, epsilon kept.
        for (Node n : g.nodes()) {
            if (n.op().equals("BatchNormalization")) {
                assertEquals(Set.of("epsilon"), n.attrs().names());
            }
        }
    }

    @Test
    void oldOpsetConformanceCasesAreRewritten() throws IOException {
        Path node = SharedData.conformance().resolve("node");
        Graph up = importAllOps(node.resolve("test_upsample_nearest/model.onnx")).graph();
        Node resize = TestModel.only(up, "Resize");
        assertEquals("asymmetric", resize.attrs().getString("coordinate_transformation_mode"));
        assertEquals("floor", resize.attrs().getString("nearest_mode"));
        assertSame(up.value("scales"), resize.input(2));

        Graph drop = importAllOps(node.resolve("test_dropout_random_old/model.onnx")).graph();
        Node d = TestModel.only(drop, "Dropout");
        assertTrue(d.input(1).isConstant());
        assertEquals(0.2f, d.input(1).constant().floats()[0]);
    }
}
