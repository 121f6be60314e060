package org.falconc.frontend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.falconc.ir.Attributes;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;

/**
 * Upsample (opsets 1-10) and Resize (10 onward) become the newest Resize: inputs X, roi, scales, sizes.
 * Upsample and Resize-10 resize by scales with asymmetric coordinates (nearest rounds down); Resize
 * 11-18 had the same attribute defaults as 19+, which are made explicit here so that readers of the IR
 * need not know them.
 */
final class ResizeAdapter implements OpAdapter {
    @Override
    public List<String> irOps(OnnxNode node) {
        return List.of("Resize");
    }

    @Override
    public void convert(OnnxNode node, GraphBuilder out) {
        if (node.opType().equals("Upsample") || node.opset() < 11) {
            convertScalesOnly(node, out);
        } else {
            convertResize(node, out);
        }
    }

    /** Upsample-1 (height_scale/width_scale), Upsample-7 (scales attribute), Upsample-9/10 and Resize-10 (scales input). */
    private static void convertScalesOnly(OnnxNode node, GraphBuilder out) {
        Attributes attrs = node.attributes();
        String scales;
        if (attrs.has("height_scale") || attrs.has("width_scale")) {
            // Upsample-1 resized the two spatial axes of an NCHW tensor.
            if (attrs.has("scales") || node.input(1) != null) {
                throw node.error("has both height_scale/width_scale and scales");
            }
            float[] s = {1, 1, attrs.getFloat("height_scale"), attrs.getFloat("width_scale")};
            scales = out.addConstant(node.nameBase() + "_scales", Tensor.ofFloats(Shape.of(4), s));
            attrs.remove("height_scale");
            attrs.remove("width_scale");
        } else if (attrs.has("scales")) {
            if (node.input(1) != null) {
                throw node.error("has both attribute 'scales' and a scales input");
            }
            float[] s = attrs.getFloats("scales", null);
            scales = out.addConstant(node.nameBase() + "_scales", Tensor.ofFloats(Shape.of(s.length), s));
            attrs.remove("scales");
        } else {
            scales = node.input(1);
            if (scales == null) {
                throw node.error("has no scales (neither attribute nor input)");
            }
        }
        if (node.inputs().size() > 2) {
            throw node.error("takes 2 inputs at opset " + node.opset() + ", got " + node.inputs().size());
        }
        String mode = attrs.getString("mode", "nearest");
        attrs.remove("mode");
        if (!attrs.isEmpty()) {
            throw node.error("unsupported attribute '" + attrs.names().iterator().next() + "'");
        }
        Attributes r = new Attributes();
        switch (mode) {
            case "nearest" -> {
                r.setString("mode", "nearest");
                r.setString("coordinate_transformation_mode", "asymmetric");
                r.setString("nearest_mode", "floor");
            }
            case "linear", "bilinear" -> {
                r.setString("mode", "linear");
                r.setString("coordinate_transformation_mode", "asymmetric");
            }
            default -> throw node.error("unsupported mode '" + mode + "' (expected nearest or linear)");
        }
        out.emit("Resize", node.name(), Arrays.asList(node.input(0), null, scales), node.outputs(), r);
    }

    /** Resize-11 onward. */
    private static void convertResize(OnnxNode node, GraphBuilder out) {
        Attributes attrs = node.attributes();
        String mode = attrs.getString("mode", "nearest");
        attrs.setString("mode", mode);
        String ctm = attrs.getString("coordinate_transformation_mode", "half_pixel");
        if (ctm.equals("tf_half_pixel_for_nn")) {
            // Removed in opset 13 and not expressible with the newer modes.
            throw node.error("unsupported attribute value coordinate_transformation_mode='tf_half_pixel_for_nn'");
        }
        attrs.setString("coordinate_transformation_mode", ctm);
        if (mode.equals("nearest")) {
            attrs.setString("nearest_mode", attrs.getString("nearest_mode", "round_prefer_floor"));
        } else if (mode.equals("cubic")) {
            attrs.setFloat("cubic_coeff_a", attrs.getFloat("cubic_coeff_a", -0.75f));
        }
        // Opsets 11-12 required roi and scales, passing empty tensors for "not given".
        List<String> inputs = new ArrayList<>(node.inputs());
        for (int i = 1; i <= 2 && i < inputs.size(); i++) {
            Tensor t = out.constant(inputs.get(i));
            if (t != null && t.numElements() == 0) {
                inputs.set(i, null);
            }
        }
        out.emit("Resize", node.name(), inputs, node.outputs(), attrs);
    }
}
