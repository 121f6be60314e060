package org.falconc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.falconc.compiler.CompileRequest;
import org.falconc.compiler.UserException;
import org.falconc.codegen.EmitKind;
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
            description = "Bind an input's shape, e.g. data=1x3x224x224 (symbolic batch defaults to 1; a declared shape "
                    + "of the same rank is overridden, e.g. a batch exported as 1).")
    List<String> inputShapes = new ArrayList<>();

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Class labels, one per line (line i names class i), recorded in the jar: its --image prints "
                    + "the top classes by name. The count must equal a class-score output's size.")
    Path labels;

    /** The request these options describe (output, emit, class, shapes); sparsity is added by {@link SparsityOptions}. */
    CompileRequest request() {
        if (output == null) {
            throw new UserException("missing -o OUT (the jar or directory to write)");
        }
        EmitKind kind;
        try {
            kind = EmitKind.parse(emit);
        } catch (IllegalArgumentException e) {
            throw new UserException("--emit: " + e.getMessage());
        }
        return CompileRequest.to(output).emit(kind).className(className).inputShapes(inputShapes).labels(labels);
    }
}
