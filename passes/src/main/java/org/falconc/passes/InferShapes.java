package org.falconc.passes;

import org.falconc.ir.Graph;
import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.Value;

/**
 * Gives every node output its static type, in node order, with the op schemas' type inference.
 * Fails when a shape is not static (a {@link org.falconc.ir.ops.NotStaticException} naming the
 * node and the input it depends on): code generation needs every shape.
 */
public final class InferShapes implements Pass {
    public static final String NAME = "infer-shapes";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean run(Graph g, PassContext ctx) {
        boolean changed = false;
        for (Node n : g.nodes()) {
            changed |= OutputTypes.assign(n);
        }
        for (Value out : g.outputs()) {
            if (!out.hasType()) {
                throw new IrException("graph output %" + out.name() + " has no type after shape inference");
            }
        }
        return changed;
    }
}
