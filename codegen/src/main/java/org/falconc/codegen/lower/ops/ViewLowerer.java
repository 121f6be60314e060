package org.falconc.codegen.lower.ops;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.Node;

/**
 * Ops whose output is their first input's data, row-major, under another shape (Reshape, Flatten,
 * Squeeze, Unsqueeze; Identity where the passes had to keep it): no code, the
 * output shares the input's buffer.
 */
final class ViewLowerer implements Lowerer {
    @Override
    public boolean isView(Node node) {
        return true;
    }

    @Override
    public void lower(Node node, LayerBuilder layer) {
        if (layer.inType(0).shape().numElements() != layer.outType(0).shape().numElements()
                || layer.inType(0).dtype() != layer.outType(0).dtype()) {
            throw layer.unsupported("output " + layer.outType(0) + " is not a view of input " + layer.inType(0));
        }
    }
}
