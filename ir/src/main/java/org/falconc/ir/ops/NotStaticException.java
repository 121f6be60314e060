package org.falconc.ir.ops;

import org.falconc.ir.IrException;
import org.falconc.ir.Node;

/**
 * Thrown by type inference when an output shape depends on the value of an input that is not a
 * constant (yet). Constant folding may make it one; if not, the model's shapes are not static.
 */
public final class NotStaticException extends IrException {
    private final transient Node node;

    public NotStaticException(Node node, String inputRole) {
        super(node.describe() + ": output shape depends on input '" + inputRole
                + "', which is not a constant; falconc needs static shapes");
        this.node = node;
    }

    /** The node whose output shape could not be computed. */
    public Node node() {
        return node;
    }
}
