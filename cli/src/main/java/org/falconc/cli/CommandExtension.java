package org.falconc.cli;

/**
 * A subcommand that another jar adds to {@code falconc}, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.falconc.cli.CommandExtension}). The benchmark harness is one: it needs
 * ONNX Runtime, which the compiler distribution does not carry, so {@code falconc bench} exists only in
 * {@code falconc-bench.jar}.
 */
public interface CommandExtension {
    /** The subcommand's name, e.g. {@code bench}. */
    String name();

    /** The picocli command object ({@code @Command}-annotated). */
    Object command();
}
