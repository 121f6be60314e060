package org.falconc.frontend;

import java.util.ArrayList;
import java.util.List;
import org.falconc.ir.Attributes;

/**
 * Binary ops and Gemm before opset 7 broadcast only when asked: {@code broadcast=1} lets B (Gemm: C)
 * broadcast to A, by trailing dimensions or, given {@code axis}, starting at that axis of A. Since opset 7
 * they broadcast numpy-style, which covers the trailing case and the equal shapes that
 * {@code broadcast=0} required; an axis becomes trailing alignment by giving B trailing ones
 * ({@link AxisAlignedBroadcast}). The attributes decide, not the opset, so off-spec models work too.
 */
final class LegacyBroadcastAdapter implements OpAdapter {
    @Override
    public List<String> irOps(OnnxNode node) {
        if (!alignsAtAxis(node.attributes())) {
            return List.of(node.opType());
        }
        List<String> ops = new ArrayList<>(AxisAlignedBroadcast.IR_OPS);
        ops.add(0, node.opType());
        return ops;
    }

    @Override
    public void convert(OnnxNode node, GraphBuilder out) {
        Attributes attrs = node.attributes();
        boolean alignAtAxis = alignsAtAxis(attrs);
        long axis = attrs.getInt("axis", 0);
        attrs.remove("broadcast");
        attrs.remove("axis");
        List<String> inputs = new ArrayList<>(node.inputs());
        if (alignAtAxis) {
            if (inputs.size() != 2 || inputs.get(0) == null || inputs.get(1) == null) {
                throw node.error("takes exactly two inputs");
            }
            inputs.set(1, AxisAlignedBroadcast.align(node, out, inputs.get(0), inputs.get(1), axis));
        }
        out.emit(node.opType(), node.name(), inputs, node.outputs(), attrs);
    }

    /** Gemm has no axis: its C broadcasts by trailing dimensions. */
    private static boolean alignsAtAxis(Attributes attrs) {
        return attrs.getInt("broadcast", 0) != 0 && attrs.has("axis");
    }
}
