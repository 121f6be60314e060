package org.falconc.frontend;

import org.falconc.ir.Attributes;
import org.falconc.ir.DType;

/**
 * Cast: the IR holds every floating type as f32, so a cast to float16, bfloat16 or double becomes a
 * cast to float (the boundary conversion of fp16 models happens outside the graph). Targets the IR
 * cannot hold exactly (narrow or unsigned integers, strings, 8-bit floats) are refused.
 */
final class CastAdapter implements OpAdapter {
    @Override
    public void convert(OnnxNode node, GraphBuilder out) {
        Attributes attrs = node.attributes();
        if (!attrs.has("to")) {
            throw node.error("required attribute 'to' is missing");
        }
        int to = (int) attrs.getInt("to");
        DType ir = DataTypes.irType(to);
        boolean exact = to == DataTypes.FLOAT || to == DataTypes.INT32 || to == DataTypes.INT64 || to == DataTypes.BOOL;
        if (ir == DType.F32) {
            attrs.setInt("to", DataTypes.FLOAT);
        } else if (!exact) {
            throw node.error("unsupported attribute value to=" + DataTypes.describe(to));
        }
        out.emit(node.opType(), node.name(), node.inputs(), node.outputs(), attrs);
    }
}
