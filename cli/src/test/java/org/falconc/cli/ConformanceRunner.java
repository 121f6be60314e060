package org.falconc.cli;

import org.falconc.compiler.LoadedModel;
import org.falconc.compiler.ModelLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.falconc.frontend.ImportOptions;
import org.falconc.frontend.NamedTensor;
import org.falconc.frontend.OnnxImporter;
import org.falconc.frontend.TensorFiles;
import org.falconc.interp.Interpreter;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;

/** Runs one ONNX backend test case: model.onnx + test_data_set_0/{input,output}_N.pb. */
final class ConformanceRunner {
    /**
     * Loads and runs a model on the case's inputs (by graph input name; inputs that determine shapes are
     * specialised to their values) and returns the outputs in graph output order.
     */
    interface Engine {
        Map<String, Tensor> run(Path model, Map<String, Tensor> inputs) throws Exception;
    }

    static final Engine INTERPRETER = (modelFile, known) -> {
        LoadedModel model = ModelLoader.load(modelFile, Map.of(), null, known);
        return Interpreter.run(model.graph(), remainingInputs(model.graph(), known));
    };

    /** The graph inputs left after specialisation, with their values. */
    static Map<String, Tensor> remainingInputs(Graph g, Map<String, Tensor> known) {
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        for (Value in : g.inputs()) {
            feeds.put(in.name(), known.get(in.name()));
        }
        return feeds;
    }

    /** The ONNX runner's tolerance. */
    static final double ATOL = 1e-7;
    static final double RTOL = 1e-3;

    private ConformanceRunner() {
    }

    static ConformanceResult run(String name, Path caseDir, Engine engine) {
        long t0 = System.nanoTime();
        String failure;
        try {
            failure = check(caseDir, engine);
        } catch (Exception | StackOverflowError e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new ConformanceResult(name, failure == null, failure, ms);
    }

    /** Returns null when the outputs are exactly the expected ones, in number and value, else what differs. */
    static String check(Path caseDir, Engine engine) throws Exception {
        Path modelFile = caseDir.resolve("model.onnx");
        List<Tensor> expected = readNumbered(caseDir.resolve("test_data_set_0"), "output_");
        Map<String, Tensor> known;
        try {
            known = inputs(caseDir);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (expected.isEmpty()) {
            return "the case has no expected outputs (test_data_set_0/output_0.pb is missing)";
        }
        Map<String, Tensor> outputs = engine.run(modelFile, known);
        List<Tensor> actual = new ArrayList<>(outputs.values());
        // A missing output is untested, an extra one unexplained: both fail the case.
        if (actual.size() != expected.size()) {
            return "model produced " + actual.size() + " outputs " + outputs.keySet() + ", expected " + expected.size();
        }
        for (int i = 0; i < expected.size(); i++) {
            String d = compare(actual.get(i), expected.get(i));
            if (d != null) {
                return "output " + i + ": " + d;
            }
        }
        return null;
    }

    /**
     * The case's inputs by graph input name: input_N binds to the N-th graph input of the model as imported.
     *
     * @throws IllegalArgumentException when the counts differ
     */
    static Map<String, Tensor> inputs(Path caseDir) throws IOException {
        List<Tensor> inputs = readNumbered(caseDir.resolve("test_data_set_0"), "input_");
        List<Value> declared = OnnxImporter.importModel(caseDir.resolve("model.onnx"), ImportOptions.defaults())
                .graph().inputs();
        if (inputs.size() != declared.size()) {
            throw new IllegalArgumentException("case has " + inputs.size() + " inputs, model has " + declared.size());
        }
        Map<String, Tensor> known = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            known.put(declared.get(i).name(), inputs.get(i));
        }
        return known;
    }

    private static List<Tensor> readNumbered(Path dir, String prefix) throws IOException {
        List<Tensor> list = new ArrayList<>();
        for (int i = 0; ; i++) {
            Path p = dir.resolve(prefix + i + ".pb");
            if (!Files.exists(p)) {
                return list;
            }
            NamedTensor nt = TensorFiles.read(p);
            list.add(nt.tensor());
        }
    }

    static String compare(Tensor actual, Tensor expected) {
        if (!actual.shape().equals(expected.shape())) {
            return "shape " + actual.shape() + " != expected " + expected.shape();
        }
        if (expected.dtype() == DType.F32) {
            if (actual.dtype() != DType.F32) {
                return "type " + actual.type() + " != expected " + expected.type();
            }
            return Comparison.firstMismatch(actual.floats(), expected.floats(), ATOL, RTOL);
        }
        if (actual.dtype() != expected.dtype()) {
            return "type " + actual.type() + " != expected " + expected.type();
        }
        for (int i = 0; i < expected.numElements(); i++) {
            if (actual.getLong(i) != expected.getLong(i)) {
                return "element " + i + ": " + actual.getLong(i) + " vs expected " + expected.getLong(i);
            }
        }
        return null;
    }

}
