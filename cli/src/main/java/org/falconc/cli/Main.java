package org.falconc.cli;

import java.io.PrintWriter;
import java.util.ServiceLoader;
import org.falconc.runtime.model.VectorModuleHint;
import picocli.CommandLine;

/** Entry point of the {@code falconc} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 failed check, 2 bad input or usage). */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    /**
     * Commands call this before they run a compiled model: without jdk.incubator.vector (someone ran
     * {@code java -jar falconc.jar} rather than ./falconc) it prints the one-line hint, once per process.
     */
    public static void hintIfScalar(PrintWriter err) {
        VectorModuleHint.printIfScalar(line -> {
            err.println(line);
            err.flush();
        }, VectorModuleHint.jarOf(Main.class, "falconc.jar"));
    }

    /** The configured command line (subcommands from {@link CommandExtension}s on the class path included). */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new FalconcCommand());
        boolean bench = false;
        for (CommandExtension e : ServiceLoader.load(CommandExtension.class, Main.class.getClassLoader())) {
            cl.addSubcommand(e.name(), e.command());
            bench |= e.name().equals("bench");
        }
        if (!bench) {
            cl.addSubcommand("bench", new BenchUnavailableCommand());
        }
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }
}
