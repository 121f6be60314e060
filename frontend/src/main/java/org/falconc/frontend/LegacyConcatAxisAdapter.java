package org.falconc.frontend;

import org.falconc.ir.Attributes;

/** Concat before opset 4 could leave out {@code axis}, which then meant 1 (channels); since 4 it is required. */
final class LegacyConcatAxisAdapter implements OpAdapter {
    private static final long AXIS_REQUIRED = 4;

    @Override
    public void convert(OnnxNode node, GraphBuilder out) {
        Attributes attrs = node.attributes();
        if (!attrs.has("axis") && node.opset() < AXIS_REQUIRED) {
            attrs.setInt("axis", 1);
        }
        out.emit(node.opType(), node.name(), node.inputs(), node.outputs(), attrs);
    }
}
