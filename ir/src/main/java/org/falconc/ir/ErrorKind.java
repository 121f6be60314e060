package org.falconc.ir;

/** Who can fix a {@link FalconcException}: the user (exit code 2) or falconc's developers (exit code 70). */
public enum ErrorKind {
    /** A malformed model, bad input data or a bad command line. */
    USER_INPUT,
    /** A valid model that uses something falconc does not compile or run (an op, an attribute value). */
    UNSUPPORTED,
    /** A bug in falconc. */
    INTERNAL;

    /** Whether the user can act on the error (a one-line report, exit code 2), rather than report a bug. */
    public boolean isUserError() {
        return this != INTERNAL;
    }
}
