package org.falconc.frontend;

import java.util.ArrayList;
import java.util.List;
import org.falconc.ir.Attributes;

/**
 * Split: the {@code split} attribute (before opset 13) becomes input 1. Before opset 18, leaving the
 * sizes out meant equal parts, one per output; since 18 that needs {@code num_outputs}, so it is set.
 */
final class SplitAdapter implements OpAdapter {
    private final AttributesToInputs sizes = AttributesToInputs.of(
            AttributesToInputs.move("split", 1, AttributesToInputs.Kind.I64_VECTOR));

    @Override
    public void convert(OnnxNode node, GraphBuilder out) {
        Attributes attrs = node.attributes();
        List<String> inputs = new ArrayList<>(node.inputs());
        sizes.apply(node, out, attrs, inputs);
        boolean hasSizes = inputs.size() > 1 && inputs.get(1) != null;
        if (!hasSizes && !attrs.has("num_outputs")) {
            attrs.setInt("num_outputs", node.outputs().size());
        }
        out.emit(node.opType(), node.name(), inputs, node.outputs(), attrs);
    }
}
