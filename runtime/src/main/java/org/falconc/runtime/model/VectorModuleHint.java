package org.falconc.runtime.model;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.falconc.runtime.gemm.MicroKernels;

/**
 * The one-line hint a program that runs a model prints on stderr when the jdk.incubator.vector module
 * is not in the boot layer: the GEMM then falls back to its scalar kernel, about 5x slower, and the
 * module can only be added on the java command line (a jar manifest cannot carry --add-modules).
 */
public final class VectorModuleHint {
    private static final AtomicBoolean PRINTED = new AtomicBoolean();

    private VectorModuleHint() {
    }

    /** The hint for a program started as {@code java -jar jar ...}. */
    public static String text(String jar) {
        return "hint: run with java --add-modules jdk.incubator.vector -jar " + jar
                + " ... for the vectorised kernels (about 5x faster)";
    }

    /**
     * Prints {@link #text} through {@code printLine} when the Vector API is not available in this process,
     * at most once per process (a command may load several models).
     */
    public static void printIfScalar(Consumer<String> printLine, String jar) {
        if (!MicroKernels.vectorAvailable() && PRINTED.compareAndSet(false, true)) {
            printLine.accept(text(jar));
        }
    }

    /** The file name of the jar {@code type} was loaded from, or {@code fallback} (classes directory, unknown). */
    public static String jarOf(Class<?> type, String fallback) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return fallback;
        }
        try {
            Path file = Path.of(source.getLocation().toURI()).getFileName();
            return file != null && file.toString().endsWith(".jar") ? file.toString() : fallback;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return fallback;
        }
    }
}
