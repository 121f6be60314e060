package org.falconc.cli;

import picocli.CommandLine.Command;

/** The top-level {@code falconc} command; the work is done by its subcommands. */
@Command(name = "falconc",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "[COMMAND]",
        versionProvider = VersionProvider.class,
        description = "Ahead-of-time compiler for ONNX convolutional networks on the JVM.",
        subcommands = {CompileCommand.class, InspectCommand.class, DumpIrCommand.class, RunCommand.class, ProfileCommand.class,
                BenchCommand.class,
                picocli.CommandLine.HelpCommand.class},
        footer = {"", "'falconc MODEL.onnx -o Model.jar' is short for 'falconc compile MODEL.onnx -o Model.jar'.",
                "Exit codes: 0 success, 2 bad model, input or usage.",
                "Run 'falconc help COMMAND' for a command's options."})
public final class FalconcCommand implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "MODEL",
            description = "With -o: compile this ONNX model (same as 'falconc compile').")
    java.nio.file.Path model;

    @picocli.CommandLine.Mixin
    CompileSettings settings;

    @picocli.CommandLine.Mixin
    SparsityOptions sparsity;

    @picocli.CommandLine.Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (model == null) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return settings.output == null ? 0 : UserErrorHandler.EXIT_USER_ERROR;
        }
        settings.preprocess = sparsity.preprocess;
        Compilation.compile(model, settings, sparsity.passOptions(model, settings.inputShapes, spec.commandLine().getErr()),
                spec.commandLine().getOut(),
                Progress.forTerminal(spec.commandLine().getErr()));
        return 0;
    }
}
