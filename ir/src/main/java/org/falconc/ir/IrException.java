package org.falconc.ir;

/**
 * A user-facing error about a graph: a malformed model, an unsupported op, an inconsistent shape.
 * The message is one line that names the offending node, value or field.
 */
public class IrException extends FalconcException {
    private static final long serialVersionUID = 1L;

    public IrException(String message) {
        super(ErrorKind.USER_INPUT, message);
    }

    public IrException(String message, Throwable cause) {
        super(ErrorKind.USER_INPUT, message, cause);
    }

    protected IrException(ErrorKind kind, String message) {
        super(kind, message);
    }

    /** An error about a node, prefixed with its op type and name so the user can find it. */
    public static IrException atNode(Node node, String message) {
        return new IrException(node.describe() + ": " + message);
    }
}
