package org.falconc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code falconc compile MODEL -o Model.jar}: the compiler's main job. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Compile an ONNX model into JVM classes specialised to its shapes.",
            "--emit jar writes a self-contained runnable jar: java --add-modules jdk.incubator.vector "
                + "-jar Model.jar --input x.pb --output-dir out, or on a photo: ... -jar Model.jar --image photo.jpg "
                + "(top 5 classes of a classifier, a PNG of an image output; compile with --preprocess NAME "
                + "--labels FILE to record how photos become inputs and what the classes are called)."})
final class CompileCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "The ONNX model file.")
    java.nio.file.Path model;

    @Mixin
    CompileSettings settings;

    @Mixin
    SparsityOptions sparsity;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CompileRun.compile(model, settings, sparsity, spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
