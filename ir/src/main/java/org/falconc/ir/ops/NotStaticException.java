package org.falconc.ir.ops;

import org.falconc.ir.IrException;
import org.falconc.ir.Node;

/**
 * Thrown by type inference when an output shape depends on the value of an input that is not a
 * constant (yet). Constant folding may make it one; if not, the model's shapes are not static.
 */
public final class NotStaticException extends IrException {
    private final transient Node node;
    private final int input;

    /**
     * @param input the index of the input, which the op's schema must declare a shape operand (so that
     *     callers can specialise a model from the schema alone)
     */
    public NotStaticException(Node node, int input, String inputRole) {
        super(node.describe() + ": output shape depends on input '" + inputRole
                + "', which is not a constant; falconc needs static shapes");
        OpSchema schema = OpRegistry.find(node.op());
        if (schema == null || !schema.isShapeOperand(input)) {
            throw new IllegalStateException("the schema of " + node.op() + " does not declare input " + input
                    + " ('" + inputRole + "') a shape operand, but its type inference needs its value");
        }
        this.node = node;
        this.input = input;
    }

    /** The node whose output shape could not be computed. */
    public Node node() {
        return node;
    }

    /** The index of the node's input that is not a constant. */
    public int input() {
        return input;
    }
}
