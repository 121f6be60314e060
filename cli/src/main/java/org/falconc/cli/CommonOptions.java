package org.falconc.cli;

import picocli.CommandLine.Option;

/** Options every subcommand takes. */
public final class CommonOptions {
    @Option(names = "--verbose", description = "Print stack traces and progress details.")
    boolean verbose;
}
