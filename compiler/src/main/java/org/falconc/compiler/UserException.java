package org.falconc.compiler;

import org.falconc.ir.ErrorKind;
import org.falconc.ir.FalconcException;

/** A mistake in the command line or the files it names; reported in one line with exit code 2. */
public final class UserException extends FalconcException {
    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(ErrorKind.USER_INPUT, message);
    }

    public UserException(String message, Throwable cause) {
        super(ErrorKind.USER_INPUT, message, cause);
    }
}
