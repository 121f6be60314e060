package org.falconc.cli;

/** A mistake in the command line or the files it names; reported in one line with exit code 2. */
final class UserException extends RuntimeException {
    UserException(String message) {
        super(message);
    }
}
