package org.falconc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.falconc.codegen.CompileOptions;
import org.falconc.codegen.CompileResult;
import org.falconc.codegen.Compiler;
import org.falconc.ir.Tensor;
import org.falconc.passes.PassOptions;
import org.falconc.passes.Pipeline;

/** Compiles a model file: import, optimizing pipeline, code generation; reports what was written. */
final class Compilation {
    private Compilation() {
    }

    static LoadedModel compile(Path model, CompileSettings settings, PassOptions passOptions, PrintWriter out,
                               Progress progress) {
        return compile(model, settings, passOptions, Map.of(), out, progress);
    }

    /**
     * As above, specialising the model to the values of {@code knownInputs} that its shapes depend on
     * (see {@link ModelLoader}); returns the model as compiled, which names the inputs so specialised.
     */
    static LoadedModel compile(Path model, CompileSettings settings, PassOptions passOptions,
                               Map<String, Tensor> knownInputs, PrintWriter out, Progress progress) {
        CompileOptions options = settings.toOptions(model);
        CompileResult r;
        LoadedModel m;
        try {
            progress.stage("importing and optimising " + model.getFileName());
            m = ModelLoader.load(model, InputShapes.parse(settings.inputShapes), Pipeline.optimizing(passOptions),
                    passOptions, knownInputs);
            progress.stage("generating code");
            r = Compiler.compile(m.graph(), options.withElemTypes(m.imported().inputElemTypes(),
                    m.imported().outputElemTypes()));
        } finally {
            progress.done();
        }
        out.printf("compiled %s -> %s (class %s, %d layers, weights %s, peak activations %s)%n", model,
                options.output(), r.className(), r.layerCount(), Units.bytes(r.weightBytes()),
                Units.bytes(r.peakActivationBytes()));
        out.flush();
        return m;
    }
}
