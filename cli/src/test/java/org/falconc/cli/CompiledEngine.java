package org.falconc.cli;

import org.falconc.compiler.LoadedModel;
import org.falconc.compiler.ModelLoader;
import org.falconc.compiler.CompiledJar;
import org.falconc.compiler.ModelArrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.falconc.codegen.CompileOptions;
import org.falconc.codegen.Compiler;
import org.falconc.ir.Tensor;
import org.falconc.passes.Pipeline;

/** Runs a model the way users do: optimizing pipeline, compiled jar, loaded and called through its API. */
final class CompiledEngine implements ConformanceRunner.Engine {
    private final Path workDir;

    CompiledEngine(Path workDir) {
        this.workDir = workDir;
    }

    @Override
    public Map<String, Tensor> run(Path modelFile, Map<String, Tensor> known) throws Exception {
        LoadedModel m = ModelLoader.load(modelFile, Map.of(), Pipeline.optimizing(), null, known);
        Path jar = Files.createTempFile(workDir, "model", ".jar");
        try {
            Compiler.compile(m.graph(), CompileOptions.jar("Model", jar));
            try (CompiledJar cj = CompiledJar.open(jar)) {
                return ModelArrays.run(cj.model(), ConformanceRunner.remainingInputs(m.graph(), known));
            }
        } finally {
            Files.deleteIfExists(jar);
        }
    }
}
