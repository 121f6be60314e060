package org.falconc.frontend;

import java.util.List;
import org.falconc.ir.Attributes;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;

/**
 * ImageScaler (experimental, removed in opset 10; found in preprocessing layers of older exported
 * models): {@code scale * x + bias[c]} on an NCHW tensor. It becomes Mul by a scalar and Add of the
 * bias as a [C,1,1] constant, so that numpy broadcasting puts it on the channel axis.
 */
final class ImageScalerAdapter implements OpAdapter {
    @Override
    public List<String> irOps(OnnxNode node) {
        return List.of("Mul", "Add");
    }

    @Override
    public void convert(OnnxNode node, GraphBuilder out) {
        Attributes attrs = node.attributes();
        String x = node.input(0);
        String y = node.output(0);
        if (x == null || y == null || node.inputs().size() != 1 || node.outputs().size() != 1) {
            throw node.error("takes exactly one input and one output");
        }
        float scale = attrs.getFloat("scale", 1f);
        float[] bias = attrs.getFloats("bias", new float[0]);
        attrs.remove("scale");
        attrs.remove("bias");
        if (!attrs.isEmpty()) {
            throw node.error("unsupported attribute '" + attrs.names().iterator().next() + "'");
        }
        Shape shapeX = out.knownShape(x);
        if (shapeX != null && (shapeX.rank() != 4 || (bias.length > 0 && shapeX.dim(1) != bias.length))) {
            throw node.error("expects an NCHW input with one bias per channel, got input " + shapeX + " and "
                    + bias.length + " biases");
        }
        String scaleValue = out.addConstant(node.nameBase() + "_scale", Tensor.scalar(scale));
        String biasValue = out.addConstant(node.nameBase() + "_bias",
                Tensor.ofFloats(bias.length == 0 ? Shape.SCALAR : Shape.of(bias.length, 1, 1), bias.length == 0
                        ? new float[] {0f} : bias));
        String scaled = out.emitTo("Mul", node.nameWith("_scale"), List.of(x, scaleValue), node.nameBase() + "_scaled",
                new Attributes());
        out.emit("Add", node.name(), List.of(scaled, biasValue), List.of(y), new Attributes());
    }
}
