package org.falconc.ir;

/**
 * The root of falconc's own errors. Its {@link #kind()} decides how the command line reports it: user
 * errors as their message (a headline, then at most one line per offending node) with exit code 2,
 * internal errors as bugs with exit code 70.
 */
public class FalconcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    public FalconcException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public FalconcException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }
}
