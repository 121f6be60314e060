package org.falconc.frontend;

import java.util.Locale;
import org.falconc.frontend.onnx.TensorProto.DataType;
import org.falconc.ir.Attribute;
import org.falconc.ir.Attributes;
import org.falconc.ir.DType;

/**
 * Cast: the IR holds every floating type as f32, so a cast to float16, bfloat16 or double becomes a
 * cast to float (the boundary conversion of fp16 models happens outside the graph). Targets the IR
 * cannot hold exactly (narrow or unsigned integers, strings, 8-bit floats) are refused. Cast-1 named
 * the target type with a string ("FLOAT"); it becomes the type number of Cast-6 onward.
 */
final class CastAdapter implements OpAdapter {
    @Override
    public void convert(OnnxNode node, GraphBuilder out) {
        Attributes attrs = node.attributes();
        if (!attrs.has("to")) {
            throw node.error("required attribute 'to' is missing");
        }
        if (attrs.get("to") instanceof Attribute.Str name) {
            attrs.setInt("to", typeNumber(node, name.value()));
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

    /** The TensorProto.DataType number of a type name such as "FLOAT" or "float". */
    private static int typeNumber(OnnxNode node, String name) {
        try {
            DataType t = DataType.valueOf(name.toUpperCase(Locale.ROOT));
            if (t != DataType.UNDEFINED) {
                return t.getNumber();
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw node.error("unsupported attribute value to='" + name + "' (not an ONNX data type name)");
    }
}
