package org.falconc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.falconc.codegen.CompileOptions;
import org.falconc.codegen.EmitKind;
import org.falconc.runtime.model.ModelInfo;
import picocli.CommandLine.Option;

/** The options of {@code falconc compile} (also accepted by {@code falconc MODEL -o OUT}). */
final class CompileSettings {
    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "The jar to write (--emit jar), or the directory for --emit classes|java.")
    Path output;

    @Option(names = "--class", paramLabel = "NAME",
            description = "Model class name, optionally with a package (com.acme.Resnet); default derived from "
                    + "the model file name.")
    String className;

    @Option(names = "--emit", paramLabel = "KIND", defaultValue = "jar",
            description = "jar (runnable, self-contained), classes, or java (readable source); default ${DEFAULT-VALUE}.")
    String emit = "jar";

    @Option(names = "--input-shape", paramLabel = "NAME=DIMS",
            description = "Bind an input's shape, e.g. data=1x3x224x224 (symbolic batch defaults to 1).")
    List<String> inputShapes = new ArrayList<>();

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Class labels, one per line (line i names class i), recorded in the jar: its --image prints "
                    + "the top classes by name. The count must equal a class-score output's size.")
    Path labels;

    /** --preprocess of the command's sparsity options, recorded in the jar (set by the command; null: none). */
    String preprocess;

    /** The codegen options for {@code model}. */
    CompileOptions toOptions(Path model) {
        if (output == null) {
            throw new UserException("missing -o OUT (the jar or directory to write)");
        }
        EmitKind kind;
        try {
            kind = EmitKind.parse(emit);
        } catch (IllegalArgumentException e) {
            throw new UserException("--emit: " + e.getMessage());
        }
        OutputPaths.requireNotModel(output, model);
        if (kind == EmitKind.JAR) {
            OutputPaths.requireReplaceableFile(output, "-o");
        } else {
            OutputPaths.requireDirectory(output, "-o");
        }
        String pkg = "";
        String simple = CompileOptions.classNameFor(model);
        if (className != null) {
            ClassNames.requireUserOwned(className);
            int dot = className.lastIndexOf('.');
            pkg = dot < 0 ? "" : className.substring(0, dot);
            simple = className.substring(dot + 1);
        }
        CompileOptions options;
        try {
            options = new CompileOptions(pkg, simple, kind, output);
        } catch (IllegalArgumentException e) {
            throw new UserException("--class: " + e.getMessage());
        }
        try {
            options = options.withPreprocess(preprocess);
        } catch (IllegalArgumentException e) {
            throw new UserException("--preprocess: " + e.getMessage());
        }
        if (labels != null) {
            try {
                options = options.withLabels(ModelInfo.readLabels(labels));
            } catch (java.io.IOException e) {
                throw new UserException("--labels: " + e.getMessage());
            }
        }
        return options;
    }
}
