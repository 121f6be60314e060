package org.falconc.frontend;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to bind the symbolic dimensions of the model's inputs.
 *
 * @param inputShapes  input name -> full static shape; replaces whatever the model declares
 * @param defaultBatch the size given to a symbolic first (batch) dimension of inputs not in {@code inputShapes}
 */
public record ImportOptions(Map<String, int[]> inputShapes, int defaultBatch) {
    public ImportOptions {
        Objects.requireNonNull(inputShapes, "inputShapes");
        if (defaultBatch < 1) {
            throw new IllegalArgumentException("defaultBatch must be at least 1, got " + defaultBatch);
        }
        Map<String, int[]> copy = new LinkedHashMap<>();
        inputShapes.forEach((name, dims) -> copy.put(name, dims.clone()));
        inputShapes = java.util.Collections.unmodifiableMap(copy);
    }

    /** No shape overrides, batch 1. */
    public static ImportOptions defaults() {
        return new ImportOptions(Map.of(), 1);
    }

    /** These options with one more input shape. */
    public ImportOptions withInputShape(String input, int... dims) {
        Map<String, int[]> m = new LinkedHashMap<>(inputShapes);
        m.put(input, dims);
        return new ImportOptions(m, defaultBatch);
    }

    /** These options with another default batch size. */
    public ImportOptions withDefaultBatch(int batch) {
        return new ImportOptions(inputShapes, batch);
    }
}
