package org.falconc.ir.ops;

import org.falconc.ir.IrException;
import org.falconc.ir.Node;

/**
 * Thrown by type inference when an output shape depends on the value of an input that is not a
 * constant (yet). Constant folding may make it one; if not, the model's shapes are not static.
 */
public final class NotStaticException extends IrException {
    public NotStaticException(Node node, String inputRole) {
        super(node.describe() + ": output shape depends on input '" + inputRole
                + "', which is not a constant; falconc needs static shapes");
    }
}
