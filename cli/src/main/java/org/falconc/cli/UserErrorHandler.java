package org.falconc.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.falconc.ir.IrException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one line on stderr and exit code 2 for what the user can fix (bad model,
 * bad input, missing file); a stack trace only with {@code --verbose} or for internal errors.
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
        if (ex instanceof IrException || ex instanceof UserException) {
            return oneLine(ex.getMessage());
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

    private static String oneLine(String s) {
        if (s == null) {
            return "error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
