package org.falconc.frontend;

import java.util.List;
import org.falconc.ir.Attributes;
import org.falconc.ir.Tensor;

/**
 * Crop (experimental, removed in opset 10) cuts the spatial axes of an NCHW tensor: {@code border} is
 * [left, top, right, bottom]; without {@code scale} those many pixels go from each side, with
 * {@code scale} = [height, width] a window of that size is taken from (top, left). It becomes a Slice on
 * axes 2 and 3 with constant bounds.
 */
final class CropAdapter implements OpAdapter {
    @Override
    public List<String> irOps(OnnxNode node) {
        return List.of("Slice");
    }

    @Override
    public void convert(OnnxNode node, GraphBuilder out) {
        Attributes attrs = node.attributes();
        String x = node.input(0);
        if (x == null || node.output(0) == null || node.inputs().size() != 1 || node.outputs().size() != 1) {
            throw node.error("takes exactly one input and one output");
        }
        long[] border = attrs.getInts("border", null);
        long[] scale = attrs.getInts("scale", null);
        attrs.remove("border");
        attrs.remove("scale");
        if (!attrs.isEmpty()) {
            throw node.error("unsupported attribute '" + attrs.names().iterator().next() + "'");
        }
        if (border == null || border.length != 4) {
            throw node.error("attribute 'border' must be [left, top, right, bottom]");
        }
        if (scale != null && scale.length != 2) {
            throw node.error("attribute 'scale' must be [height, width]");
        }
        long left = border[0];
        long top = border[1];
        long[] ends = scale != null ? new long[] {top + scale[0], left + scale[1]}
                : new long[] {endBefore(border[3]), endBefore(border[2])};
        String base = node.nameBase();
        out.emit("Slice", node.name(), List.of(x,
                out.addConstant(base + "_starts", Tensor.vector(top, left)),
                out.addConstant(base + "_ends", Tensor.vector(ends)),
                out.addConstant(base + "_axes", Tensor.vector(2, 3))), node.outputs(), new Attributes());
    }

    /** The Slice end that leaves {@code n} elements off the end of an axis (Slice clamps Long.MAX_VALUE to the size). */
    private static long endBefore(long n) {
        return n == 0 ? Long.MAX_VALUE : -n;
    }
}
