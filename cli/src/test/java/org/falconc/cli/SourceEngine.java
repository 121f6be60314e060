package org.falconc.cli;

import org.falconc.compiler.LoadedModel;
import org.falconc.compiler.ModelLoader;
import org.falconc.compiler.ModelArrays;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.falconc.codegen.CompileOptions;
import org.falconc.codegen.CompileResult;
import org.falconc.codegen.Compiler;
import org.falconc.codegen.EmitKind;
import org.falconc.ir.Tensor;
import org.falconc.passes.Pipeline;
import org.falconc.runtime.model.CompiledModel;

/**
 * Runs a model through the generated Java source ({@code --emit java}): optimizing pipeline, source
 * emitter, javac in this JVM (with {@code -Xlint:all -Werror}, so generated code must compile without
 * warnings), the class loaded next to its weights and called through its typed API.
 */
final class SourceEngine implements ConformanceRunner.Engine {
    private final Path workDir;
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager files;
    private final String runtimeClassPath;

    SourceEngine(Path workDir) {
        this.workDir = workDir;
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: the source engine needs a JDK");
        }
        this.files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        try {
            this.runtimeClassPath = Path.of(CompiledModel.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, Tensor> run(Path modelFile, Map<String, Tensor> known) throws Exception {
        LoadedModel m = ModelLoader.load(modelFile, Map.of(), Pipeline.optimizing(), null, known);
        Path dir = Files.createTempDirectory(workDir, "model");
        try {
            CompileResult result = Compiler.compile(m.graph(),
                    new CompileOptions("gen", "Model", EmitKind.JAVA, dir));
            Path source = result.files().get(0);
            StringWriter diagnostics = new StringWriter();
            boolean ok = javac.getTask(diagnostics, files, null,
                    List.of("--release", "17", "-Xlint:all", "-Werror", "-classpath", runtimeClassPath, "-d", dir.toString()),
                    null, files.getJavaFileObjects(source)).call();
            if (!ok) {
                throw new IllegalStateException("javac rejected the generated source:\n" + diagnostics);
            }
            // The class and its weights resource sit side by side in dir/gen.
            try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                    SourceEngine.class.getClassLoader())) {
                CompiledModel model = (CompiledModel) loader.loadClass("gen.Model").getConstructor().newInstance();
                return ModelArrays.run(model, ConformanceRunner.remainingInputs(m.graph(), known));
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
