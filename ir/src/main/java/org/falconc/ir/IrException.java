package org.falconc.ir;

/**
 * A user-facing error about a graph: a malformed model, an unsupported op, an inconsistent shape.
 * The message is one line that names the offending node, value or field.
 */
public class IrException extends RuntimeException {
    public IrException(String message) {
        super(message);
    }

    public IrException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An error about a node, prefixed with its op type and name so the user can find it. */
    public static IrException atNode(Node node, String message) {
        return new IrException(node.describe() + ": " + message);
    }
}
