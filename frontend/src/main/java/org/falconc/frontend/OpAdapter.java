package org.falconc.frontend;

import java.util.List;

/**
 * Turns one ONNX node, written against the op version of its model's opset, into IR nodes that follow
 * the newest ONNX definition of each op.
 */
interface OpAdapter {
    /** The IR ops the node becomes; the node is supported when all of them are. */
    default List<String> irOps(OnnxNode node) {
        return List.of(node.opType());
    }

    void convert(OnnxNode node, GraphBuilder out);
}
