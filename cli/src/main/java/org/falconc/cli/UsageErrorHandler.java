package org.falconc.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Reports a command-line mistake (unknown option, missing parameter, bad number) in one line plus a
 * pointer to the command's help, with exit code 2, instead of picocli's full usage text.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        var err = cl.getErr();
        String message = ex.getMessage() == null ? "bad command line" : ex.getMessage().strip();
        int nl = message.indexOf('\n');
        err.println("falconc: " + (nl < 0 ? message : message.substring(0, nl)) + " (see "
                + cl.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return UserErrorHandler.EXIT_USER_ERROR;
    }
}
