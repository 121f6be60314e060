package org.falconc.frontend;

import org.falconc.ir.Attribute;
import org.falconc.ir.Attributes;

/**
 * LpPool and GlobalLpPool before opset 2 gave the norm's order {@code p} as a float; since 2 it is an
 * int. A whole-number float becomes that int; other orders have no newer form and are refused.
 */
final class LegacyLpPoolAdapter implements OpAdapter {
    @Override
    public void convert(OnnxNode node, GraphBuilder out) {
        Attributes attrs = node.attributes();
        if (attrs.get("p") instanceof Attribute.Float p) {
            if (p.value() != Math.rint(p.value())) {
                throw node.error("unsupported attribute value p=" + p.value() + " (the order must be a whole number)");
            }
            attrs.setInt("p", (long) p.value());
        }
        out.emit(node.opType(), node.name(), node.inputs(), node.outputs(), attrs);
    }
}
