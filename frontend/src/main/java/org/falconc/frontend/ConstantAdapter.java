package org.falconc.frontend;

import java.util.List;
import org.falconc.ir.Attribute;
import org.falconc.ir.Attributes;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;

/** Constant nodes become graph constants named after their output; no IR node remains. */
final class ConstantAdapter implements OpAdapter {
    @Override
    public List<String> irOps(OnnxNode node) {
        return List.of();
    }

    @Override
    public void convert(OnnxNode node, GraphBuilder out) {
        String name = node.output(0);
        if (name == null || node.outputs().size() != 1) {
            throw node.error("must have exactly one output");
        }
        Attributes attrs = node.attributes();
        if (attrs.size() != 1) {
            throw node.error("must have exactly one value attribute, got " + attrs.names());
        }
        String key = attrs.names().iterator().next();
        Attribute a = attrs.get(key);
        Tensor t = switch (key) {
            case "value" -> attrs.getTensor(key);
            case "value_float" -> Tensor.ofFloats(Shape.SCALAR, attrs.getFloat(key));
            case "value_floats" -> {
                float[] f = attrs.getFloats(key, null);
                yield Tensor.ofFloats(Shape.of(f.length), f);
            }
            case "value_int" -> Tensor.scalar(attrs.getInt(key));
            case "value_ints" -> Tensor.vector(attrs.getInts(key));
            default -> throw node.error("unsupported value attribute '" + key + "' (" + a.kind() + ")");
        };
        out.defineConstant(name, t);
    }
}
