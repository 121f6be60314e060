package org.falconc.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.falconc.codegen.emit.AsmEmitter;
import org.falconc.codegen.emit.JavaSourceEmitter;
import org.falconc.codegen.emit.WeightsFileWriter;
import org.falconc.codegen.jar.JarPackager;
import org.falconc.codegen.jar.OutputFiles;
import org.falconc.codegen.lower.Lowering;
import org.falconc.codegen.lower.UnsupportedOpsException;
import org.falconc.codegen.program.Program;
import org.falconc.ir.Graph;

/**
 * Compiles an optimised graph (after the pass pipeline: every value statically typed) to a model
 * class: lowering, emitting, packaging. Nothing is written when lowering fails.
 */
public final class Compiler {
    private Compiler() {
    }

    /**
     * Lowers {@code graph} and writes what {@code options} ask for.
     *
     * @throws UnsupportedOpsException listing every node that cannot be compiled
     * @throws org.falconc.ir.FalconcException (user input) when the recorded preprocessing does not fit the
     *         model's input or the labels fit none of its outputs
     * @throws UncheckedIOException when an output cannot be written (no partial jar is left behind)
     */
    public static CompileResult compile(Graph graph, CompileOptions options) {
        Program program = Lowering.lower(graph, options.packageName(), options.className());
        Map<String, byte[]> info = RecordedInfo.of(program, options).resources(program.className());
        try {
            List<Path> files = switch (options.emit()) {
                case JAR -> {
                    JarPackager.write(program, AsmEmitter.emit(program), info, options.output());
                    yield List.of(options.output());
                }
                case CLASSES -> {
                    List<Path> written = classFiles(options, program);
                    written.addAll(infoFiles(options, program, info));
                    yield written;
                }
                case JAVA -> {
                    List<Path> written = new ArrayList<>(List.of(
                            OutputFiles.write(options.output(), program, ".java",
                                    JavaSourceEmitter.emit(program).getBytes(StandardCharsets.UTF_8)),
                            OutputFiles.write(options.output(), program, ".weights", out -> WeightsFileWriter.write(program.weights(), out)),
                            layerTable(options, program)));
                    written.addAll(infoFiles(options, program, info));
                    yield written;
                }
            };
            return new CompileResult(program, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + options.output() + ": " + e.getMessage(), e);
        }
    }

    /** The model class, weights and layer table, then the nested helper classes of a very large graph. */
    private static List<Path> classFiles(CompileOptions options, Program program) throws IOException {
        Map<String, byte[]> classes = AsmEmitter.emit(program);
        List<Path> files = new ArrayList<>();
        files.add(OutputFiles.write(options.output(), program, ".class", classes.get(program.internalName())));
        files.add(OutputFiles.write(options.output(), program, ".weights", out -> WeightsFileWriter.write(program.weights(), out)));
        files.add(layerTable(options, program));
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            if (!e.getKey().equals(program.internalName())) {
                String nested = e.getKey().substring(program.internalName().length());
                files.add(OutputFiles.write(options.output(), program, nested + ".class", e.getValue()));
            }
        }
        return files;
    }

    /** The {@link org.falconc.runtime.model.ModelInfo} resources beside the class file or source. */
    private static List<Path> infoFiles(CompileOptions options, Program program, Map<String, byte[]> info) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : info.entrySet()) {
            files.add(OutputFiles.write(options.output(), program, e.getKey().substring(program.className().length()),
                    e.getValue()));
        }
        return files;
    }

    private static Path layerTable(CompileOptions options, Program program) throws IOException {
        return OutputFiles.write(options.output(), program, org.falconc.runtime.profile.LayerTable.SUFFIX,
                program.layerTable().getBytes(StandardCharsets.UTF_8));
    }

    /** Only lowers (for {@code falconc inspect} and tests). */
    public static Program lower(Graph graph, String packageName, String className) {
        return Lowering.lower(graph, packageName, className);
    }

    /** The Java source of a lowered program. */
    public static String javaSource(Program program) {
        return JavaSourceEmitter.emit(program);
    }

    /** The class file of a lowered program's model class (without the helper classes of a very large graph). */
    public static byte[] classFile(Program program) {
        return AsmEmitter.emit(program).get(program.internalName());
    }

    /** The class files of a lowered program by internal name: the model class first, then its helper classes. */
    public static Map<String, byte[]> classFiles(Program program) {
        return AsmEmitter.emit(program);
    }
}
