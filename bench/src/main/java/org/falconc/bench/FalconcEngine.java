package org.falconc.bench;

import org.falconc.compiler.InputSet;
import java.util.Map;
import org.falconc.runtime.model.CompiledModel;

/** The compiled model: {@code run(Map)} as a user calls it (outputs allocated per call). */
final class FalconcEngine implements InferenceEngine {
    private final CompiledModel model;
    private final InputSet inputs;

    FalconcEngine(CompiledModel model, InputSet inputs) {
        this.model = model;
        this.inputs = inputs;
    }

    @Override
    public String name() {
        return "falconc";
    }

    @Override
    public Map<String, float[]> run(int sample) {
        return model.run(inputs.sample(sample));
    }

    @Override
    public void close() {
        // the model's pool threads are daemons; nothing else to release
    }
}
