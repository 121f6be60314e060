package org.falconc.compiler;

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
import org.falconc.ir.ops.OpRegistry;
import org.falconc.ir.ops.OpSchema;
import org.falconc.passes.PassManager;
import org.falconc.passes.PassOptions;
import org.falconc.passes.Pipeline;
import org.falconc.passes.PipelineResult;

/** Imports an ONNX model and runs the standard pass pipeline over it. */
public final class ModelLoader {
    /** Ops whose result follows from their input's type alone (fold-constants computes them), not its value. */
    private static final Set<String> TYPE_ONLY_READERS = Set.of("Shape", "Size");

    private ModelLoader() {
    }

    /**
     * @param inputShapes shapes bound to symbolic input dimensions (batch defaults to 1)
     * @param passOptions how to run the pipeline, or null for the defaults (verify, no dumps)
     */
    public static LoadedModel load(Path model, Map<String, int[]> inputShapes, PassOptions passOptions) {
        return load(model, inputShapes, passOptions, Map.of());
    }

    /**
     * As {@link #load(Path, Map, PassOptions)}, and when the shapes of the graph depend on the value of a
     * graph input (a Reshape target or Resize scales fed as an input: a shape operand, see
     * {@link OpSchema#shapeOperands()}) whose value is in {@code knownInputs}, specialises the graph to
     * that value: the input becomes a constant and leaves the model's inputs
     * ({@link LoadedModel#specialisedInputs()}). Only inputs that shape operands are computed from are
     * specialised; data inputs of the same node stay inputs.
     */
    public static LoadedModel load(Path model, Map<String, int[]> inputShapes, PassOptions passOptions,
                            Map<String, Tensor> knownInputs) {
        return load(model, inputShapes, Pipeline.standard(), passOptions, knownInputs);
    }

    /** As above with an explicit pipeline ({@link Pipeline#optimizing()} before code generation). */
    public static LoadedModel load(Path model, Map<String, int[]> inputShapes, Pipeline pipeline, PassOptions passOptions,
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
                Set<String> feeding = inputsFeedingShapeOperands(g, e.node());
                feeding.retainAll(knownInputs.keySet());
                feeding.removeAll(specialise);
                if (feeding.isEmpty()) {
                    throw e;
                }
                specialise.addAll(feeding);
            }
        }
    }

    /**
     * Names of the graph inputs that the node's non-constant shape operands (per its op schema) are
     * computed from. Data operands are left out, so they stay inputs and the compiled model runs the node.
     */
    private static Set<String> inputsFeedingShapeOperands(Graph g, Node node) {
        OpSchema schema = OpRegistry.of(node);
        Deque<Value> work = new ArrayDeque<>();
        for (int i = 0; i < node.numInputs(); i++) {
            Value v = node.input(i);
            if (v != null && schema.isShapeOperand(i)) {
                work.add(v);
            }
        }
        Set<String> names = new LinkedHashSet<>();
        Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!work.isEmpty()) {
            Value v = work.poll(); // first in, first out: names in input order
            if (!seen.add(v) || v.isConstant()) {
                continue;
            }
            if (g.isGraphInput(v)) {
                names.add(v.name());
            } else if (v.producer() != null && !TYPE_ONLY_READERS.contains(v.producer().op())) {
                for (Value in : v.producer().inputs()) {
                    if (in != null) {
                        work.add(in);
                    }
                }
            }
        }
        return names;
    }
}
