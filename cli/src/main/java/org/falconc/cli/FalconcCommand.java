package org.falconc.cli;

import picocli.CommandLine.Command;

/** The top-level {@code falconc} command; the work is done by its subcommands. */
@Command(name = "falconc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Ahead-of-time compiler for ONNX convolutional networks on the JVM.",
        subcommands = {InspectCommand.class, DumpIrCommand.class, RunCommand.class,
                picocli.CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 2 bad model, input or usage.",
                "Run 'falconc help COMMAND' for a command's options."})
public final class FalconcCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
