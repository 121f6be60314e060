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
                + "-jar Model.jar --input x.pb --output-dir out"})
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
