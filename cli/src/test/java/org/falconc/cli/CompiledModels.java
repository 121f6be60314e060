package org.falconc.cli;

import org.falconc.compiler.LoadedModel;
import org.falconc.compiler.ModelLoader;
import org.falconc.compiler.CompiledJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.falconc.codegen.CompileOptions;
import org.falconc.codegen.Compiler;
import org.falconc.passes.Pipeline;

/** Compiles a model file to a jar under target/ and opens it, as `falconc MODEL -o X.jar` would. */
final class CompiledModels {
    private CompiledModels() {
    }

    static CompiledJar compile(Path model) throws Exception {
        LoadedModel m = ModelLoader.load(model, Map.of(), Pipeline.optimizing(), null, Map.of());
        Path dir = Path.of("target", "compiled-models");
        Files.createDirectories(dir);
        String name = CompileOptions.classNameFor(model);
        Path jar = dir.resolve(name + ".jar");
        Compiler.compile(m.graph(), CompileOptions.jar(name, jar));
        return CompiledJar.open(jar);
    }
}
