package org.falconc.frontend;

import java.util.ArrayList;
import java.util.List;

/**
 * PRelu before opset 7 applied a slope of shape [C] (or one shared value) per channel, on axis 1 of X;
 * since 7 the slope broadcasts numpy-style, which would align [C] with the last axis instead. The old
 * slope gets trailing ones ([C,1,1] for an NCHW input) so both mean the same.
 */
final class LegacyPReluAdapter implements OpAdapter {
    private static final long NUMPY_BROADCAST = 7;

    @Override
    public List<String> irOps(OnnxNode node) {
        if (node.opset() >= NUMPY_BROADCAST) {
            return List.of("PRelu");
        }
        List<String> ops = new ArrayList<>(AxisAlignedBroadcast.IR_OPS);
        ops.add(0, "PRelu");
        return ops;
    }

    @Override
    public void convert(OnnxNode node, GraphBuilder out) {
        List<String> inputs = new ArrayList<>(node.inputs());
        if (node.opset() < NUMPY_BROADCAST) {
            if (inputs.size() != 2 || inputs.get(0) == null || inputs.get(1) == null) {
                throw node.error("takes exactly two inputs (X and slope)");
            }
            inputs.set(1, AxisAlignedBroadcast.align(node, out, inputs.get(0), inputs.get(1), 1));
        }
        out.emit("PRelu", node.name(), inputs, node.outputs(), node.attributes());
    }
}
