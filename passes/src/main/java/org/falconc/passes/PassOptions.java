package org.falconc.passes;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import org.falconc.ir.text.PrintOptions;

/**
 * How {@link PassManager} runs a pipeline. Immutable; start from {@link #defaults()} and use the
 * {@code with...} methods.
 *
 * @param dump              after which passes to write the IR to {@code dumpDir}
 * @param dumpDir           the directory for IR dumps (created when missing); required when dumping
 * @param stopAfter         the pass after which the pipeline ends, or null to run all passes
 * @param verify            whether to run the verifier on the input and after every pass
 * @param printOptions      how dumps print the graph (large constants are elided by default)
 * @param foldLimitElements the largest total number of elements fold-constants may create for one node
 * @param log               where passes send diagnostics (one line per call)
 */
public record PassOptions(DumpSpec dump, Path dumpDir, String stopAfter, boolean verify,
                          PrintOptions printOptions, long foldLimitElements, Consumer<String> log) {
    /** 64M elements (256 MB of f32): folds any real weight transform but not an accidental blow-up. */
    public static final long DEFAULT_FOLD_LIMIT_ELEMENTS = 64L << 20;

    private static final Consumer<String> DISCARD = message -> { };

    public PassOptions {
        Objects.requireNonNull(dump, "dump (use DumpSpec.NONE)");
        Objects.requireNonNull(printOptions, "printOptions");
        Objects.requireNonNull(log, "log");
        if (dump.isEnabled() && dumpDir == null) {
            throw new IllegalArgumentException("dumping the IR (" + dump + ") needs a dump directory");
        }
        if (foldLimitElements < 0) {
            throw new IllegalArgumentException("fold limit must not be negative, got " + foldLimitElements);
        }
    }

    /** Run every pass, verify after each, dump nothing, discard diagnostics. */
    public static PassOptions defaults() {
        return new PassOptions(DumpSpec.NONE, null, null, true, PrintOptions.defaults(),
                DEFAULT_FOLD_LIMIT_ELEMENTS, DISCARD);
    }

    public PassOptions withDump(DumpSpec spec, Path dir) {
        return new PassOptions(spec, dir, stopAfter, verify, printOptions, foldLimitElements, log);
    }

    public PassOptions withStopAfter(String passName) {
        return new PassOptions(dump, dumpDir, passName, verify, printOptions, foldLimitElements, log);
    }

    public PassOptions withVerify(boolean on) {
        return new PassOptions(dump, dumpDir, stopAfter, on, printOptions, foldLimitElements, log);
    }

    public PassOptions withPrintOptions(PrintOptions options) {
        return new PassOptions(dump, dumpDir, stopAfter, verify, options, foldLimitElements, log);
    }

    public PassOptions withFoldLimitElements(long limit) {
        return new PassOptions(dump, dumpDir, stopAfter, verify, printOptions, limit, log);
    }

    public PassOptions withLog(Consumer<String> sink) {
        return new PassOptions(dump, dumpDir, stopAfter, verify, printOptions, foldLimitElements, sink);
    }
}
