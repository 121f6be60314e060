package org.falconc.compiler;

import java.util.Map;
import java.util.Set;
import org.falconc.frontend.ImportedModel;
import org.falconc.ir.Graph;
import org.falconc.passes.PipelineResult;

/**
 * A model after import and the pass pipeline.
 *
 * @param imported what the frontend read (ONNX versions, boundary element types)
 * @param graph the graph after the pipeline (typed, verified)
 * @param importedOps op histogram of the graph as imported, before any pass
 * @param pipeline what the pass pipeline did (passes run, dump files written)
 * @param specialisedInputs graph inputs that determine shapes and were bound to their given values
 */
public record LoadedModel(ImportedModel imported, Graph graph, Map<String, Integer> importedOps,
                   PipelineResult pipeline, Set<String> specialisedInputs) {
}
