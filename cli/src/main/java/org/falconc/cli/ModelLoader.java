package org.falconc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.falconc.frontend.ImportOptions;
import org.falconc.frontend.ImportedModel;
import org.falconc.frontend.OnnxImporter;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;
import org.falconc.ir.ops.NotStaticException;
import org.falconc.passes.PassManager;
import org.falconc.passes.PassOptions;
import org.falconc.passes.Pipeline;
import org.falconc.passes.PipelineResult;

/** Imports an ONNX model and runs the standard pass pipeline over it. */
final class ModelLoader {
    private ModelLoader() {
    }

    /**
     * @param inputShapes shapes bound to symbolic input dimensions (batch defaults to 1)
     * @param passOptions how to run the pipeline, or null for the defaults (verify, no dumps)
     */
    static LoadedModel load(Path model, Map<String, int[]> inputShapes, PassOptions passOptions) {
        return load(model, inputShapes, passOptions, Map.of());
    }

    /**
     * As {@link #load(Path, Map, PassOptions)}, and when the shapes of the graph depend on the value of a
     * graph input (a Reshape target or Resize scales fed as an input) whose value is in
     * {@code knownInputs}, specialises the graph to that value: the input becomes a constant and leaves
     * the model's inputs ({@link LoadedModel#specialisedInputs()}).
     */
    static LoadedModel load(Path model, Map<String, int[]> inputShapes, PassOptions passOptions,
                            Map<String, Tensor> knownInputs) {
        return load(model, inputShapes, Pipeline.standard(), passOptions, knownInputs);
    }

    /** As above with an explicit pipeline ({@link Pipeline#optimizing()} before code generation). */
    static LoadedModel load(Path model, Map<String, int[]> inputShapes, Pipeline pipeline, PassOptions passOptions,
                            Map<String, Tensor> knownInputs) {
        if (!Files.isRegularFile(model)) {
            throw new UserException("model file not found: " + model);
        }
        ImportOptions io = ImportOptions.defaults();
        for (var e : inputShapes.entrySet()) {
            io = io.withInputShape(e.getKey(), e.getValue());
        }
        Set<String> specialise = new LinkedHashSet<>();
        while (true) {
            ImportedModel imported = OnnxImporter.importModel(model, io);
            Graph g = imported.graph();
            for (String name : inputShapes.keySet()) {
                if (!imported.inputElemTypes().containsKey(name)) {
                    throw new UserException("--input-shape names '" + name + "', but the model's inputs are "
                            + imported.inputElemTypes().keySet());
                }
            }
            for (String name : specialise) {
                g.bindInputToConstant(g.value(name), knownInputs.get(name));
            }
            Map<String, Integer> histogram = new LinkedHashMap<>(g.opHistogram());
            try {
                PipelineResult result = PassManager.run(pipeline, g, passOptions == null ? PassOptions.defaults() : passOptions);
                return new LoadedModel(imported, g, histogram, result, Collections.unmodifiableSet(specialise));
            } catch (NotStaticException e) {
                Set<String> feeding = inputsFeeding(g, e.node());
                feeding.retainAll(knownInputs.keySet());
                feeding.removeAll(specialise);
                if (feeding.isEmpty()) {
                    throw e;
                }
                specialise.addAll(feeding);
            }
        }
    }

    /** Names of the graph inputs that the node's inputs are computed from. */
    private static Set<String> inputsFeeding(Graph g, Node node) {
        Set<String> names = new LinkedHashSet<>();
        Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Value> work = new ArrayDeque<>();
        for (Value v : node.inputs()) {
            if (v != null) {
                work.push(v);
            }
        }
        while (!work.isEmpty()) {
            Value v = work.pop();
            if (!seen.add(v)) {
                continue;
            }
            if (g.isGraphInput(v)) {
                names.add(v.name());
            } else if (v.producer() != null) {
                for (Value in : v.producer().inputs()) {
                    if (in != null) {
                        work.push(in);
                    }
                }
            }
        }
        return names;
    }
}
