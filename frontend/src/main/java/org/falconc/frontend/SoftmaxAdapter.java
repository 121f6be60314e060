package org.falconc.frontend;

import java.util.List;
import org.falconc.ir.Attributes;

/**
 * Softmax, LogSoftmax and Hardmax before opset 13 coerced the input to 2-D at {@code axis} (default 1)
 * and normalised over everything from that axis on; since 13 they normalise along one axis. The old
 * form is rewritten as Flatten(axis) -> op(axis=1) -> Reshape back to the input's shape, so the IR op
 * always has the opset-13 meaning. (A pass may drop the Flatten/Reshape when axis is the last one.)
 */
final class SoftmaxAdapter implements OpAdapter {
    private static final long NEW_SEMANTICS = 13;

    @Override
    public List<String> irOps(OnnxNode node) {
        return node.opset() >= NEW_SEMANTICS ? List.of(node.opType())
                : List.of("Shape", "Flatten", node.opType(), "Reshape");
    }

    @Override
    public void convert(OnnxNode node, GraphBuilder out) {
        if (node.opset() >= NEW_SEMANTICS) {
            PassThroughAdapter.INSTANCE.convert(node, out);
            return;
        }
        Attributes attrs = node.attributes();
        long axis = attrs.getInt("axis", 1);
        attrs.remove("axis");
        if (!attrs.isEmpty()) {
            throw node.error("unsupported attribute '" + attrs.names().iterator().next() + "'");
        }
        String x = node.input(0);
        String y = node.output(0);
        if (x == null || y == null || node.inputs().size() != 1) {
            throw node.error("takes exactly one input and one output");
        }
        String shape = out.freshName(y + "_shape");
        String flat = out.freshName(y + "_2d_in");
        String normalised = out.freshName(y + "_2d");
        out.emit("Shape", node.nameWith("_shape"), List.of(x), List.of(shape), new Attributes());
        out.emit("Flatten", node.nameWith("_flatten"), List.of(x), List.of(flat), new Attributes().setInt("axis", axis));
        out.emit(node.opType(), node.name(), List.of(flat), List.of(normalised), new Attributes().setInt("axis", 1));
        out.emit("Reshape", node.nameWith("_reshape"), List.of(normalised, shape), List.of(y), new Attributes());
    }
}
