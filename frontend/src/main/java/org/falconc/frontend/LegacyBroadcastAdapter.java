package org.falconc.frontend;

import org.falconc.ir.Attributes;

/**
 * Binary ops before opset 7 broadcast only when asked ({@code broadcast=1}, aligned at {@code axis});
 * since 7 they broadcast numpy-style. falconc reads opset 7 onward, so these attributes only appear in
 * off-spec models: {@code broadcast=0} is dropped, {@code broadcast=1} is refused.
 */
final class LegacyBroadcastAdapter implements OpAdapter {
    @Override
    public void convert(OnnxNode node, GraphBuilder out) {
        Attributes attrs = node.attributes();
        if (attrs.has("broadcast")) {
            if (attrs.getInt("broadcast") != 0) {
                throw node.error("unsupported legacy attribute broadcast=1 (opset < 7 broadcasting); "
                        + "re-export the model with opset 7 or newer");
            }
            attrs.remove("broadcast");
            attrs.remove("axis");
        } else if (attrs.has("axis")) {
            throw node.error("unsupported legacy attribute 'axis' (opset < 7 broadcasting)");
        }
        out.emit(node.opType(), node.name(), node.inputs(), node.outputs(), attrs);
    }
}
