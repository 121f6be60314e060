package org.falconc.codegen.lower;

/** A node that lowering cannot turn into kernel calls, and why; lowering collects them all before failing. */
public final class UnsupportedNodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedNodeException(String reason) {
        super(reason);
    }
}
