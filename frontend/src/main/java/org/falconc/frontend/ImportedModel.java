package org.falconc.frontend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.falconc.ir.Graph;

/**
 * The result of importing an ONNX model.
 *
 * @param graph            the IR graph (nodes topologically sorted, types not inferred yet)
 * @param irVersion        the model's ONNX IR version
 * @param opsetVersion     the version of the default (ai.onnx) operator set it imports (-1 if none)
 * @param producerName     the tool that wrote the model (may be empty)
 * @param inputElemTypes   graph input name -> ONNX TensorProto.DataType number as declared in the model
 *                         (e.g. 10 for float16, which the IR holds as f32: callers convert at the boundary)
 * @param outputElemTypes  graph output name -> declared ONNX TensorProto.DataType number (absent when undeclared)
 */
public record ImportedModel(Graph graph, long irVersion, long opsetVersion, String producerName,
                            Map<String, Integer> inputElemTypes, Map<String, Integer> outputElemTypes) {
    public ImportedModel {
        // Keep the model's order: callers list inputs and outputs in it.
        inputElemTypes = Collections.unmodifiableMap(new LinkedHashMap<>(inputElemTypes));
        outputElemTypes = Collections.unmodifiableMap(new LinkedHashMap<>(outputElemTypes));
    }
}
