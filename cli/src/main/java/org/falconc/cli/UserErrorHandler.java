package org.falconc.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.falconc.ir.ErrorKind;
import org.falconc.ir.FalconcException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one line on stderr and exit code 2 for what the user can fix (bad model,
 * bad input, missing file; a lowering refusal adds one line per node); exit code 70 for internal
 * errors. A stack trace only with {@code --verbose}.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {
    static final int EXIT_USER_ERROR = 2;
    static final int EXIT_INTERNAL_ERROR = 70;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        boolean verbose = parsed.hasMatchedOption("--verbose")
                || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
        String message = userMessage(ex);
        var err = cl.getErr();
        if (message != null) {
            err.println("falconc: " + message);
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return EXIT_USER_ERROR;
        }
        err.println("falconc: internal error: " + ex);
        if (verbose) {
            ex.printStackTrace(err);
        } else {
            err.println("(run with --verbose for the stack trace, and please report it)");
        }
        err.flush();
        return EXIT_INTERNAL_ERROR;
    }

    /** The one-line message for an error the user can act on, or null for an internal error. */
    static String userMessage(Throwable ex) {
        if (ex instanceof UncheckedIOException u) {
            ex = u.getCause();
        }
        if (ex instanceof FalconcException f) {
            if (!f.kind().isUserError()) {
                return null;
            }
            // A lowering refusal keeps its one line per node under the headline; everything else is one line.
            return f.kind() == ErrorKind.UNSUPPORTED ? nonEmpty(f.getMessage()) : oneLine(f.getMessage());
        }
        if (ex instanceof LinkageError) {
            // A corrupt or foreign class in a model jar (ClassFormatError, NoClassDefFoundError, ...).
            return "cannot load the model's classes: " + oneLine(String.valueOf(ex.getMessage()));
        }
        if (ex instanceof NoSuchFileException || ex instanceof FileNotFoundException) {
            return "file not found: " + ex.getMessage();
        }
        if (ex instanceof AccessDeniedException) {
            return "permission denied: " + ex.getMessage();
        }
        if (ex instanceof IOException) {
            return "I/O error: " + ex.getMessage();
        }
        if (ex instanceof IllegalArgumentException) {
            return oneLine(ex.getMessage());
        }
        return null;
    }

    private static String nonEmpty(String s) {
        return s == null || s.isBlank() ? "error" : s.strip();
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
