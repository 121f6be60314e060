package org.falconc.frontend;

import java.util.ArrayList;
import java.util.List;
import org.falconc.ir.Attributes;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;

/**
 * BatchNormalization: the legacy attributes is_test, momentum and spatial=1 do not change inference and
 * are dropped. spatial=0 (opsets 1-8: statistics per channel and position) is kept only when every
 * statistic is a constant with one value per channel, which is the same computation as spatial=1.
 */
final class BatchNormAdapter implements OpAdapter {
    @Override
    public void convert(OnnxNode node, GraphBuilder out) {
        Attributes attrs = node.attributes();
        attrs.remove("is_test");
        attrs.remove("momentum");
        List<String> inputs = new ArrayList<>(node.inputs());
        if (attrs.has("spatial")) {
            long spatial = attrs.getInt("spatial");
            attrs.remove("spatial");
            if (spatial == 0) {
                perChannelStatistics(node, out, inputs);
            }
        }
        out.emit(node.opType(), node.name(), inputs, node.outputs(), attrs);
    }

    /** Replaces scale, B, mean and var by 1-D constants, or throws when they are truly per-position. */
    private static void perChannelStatistics(OnnxNode node, GraphBuilder out, List<String> inputs) {
        String[] roles = {"scale", "B", "mean", "var"};
        for (int i = 1; i <= 4; i++) {
            Tensor t = out.constant(i < inputs.size() ? inputs.get(i) : null);
            if (t == null || t.shape().rank() == 0 || t.numElements() != t.shape().dim(0)) {
                throw node.error("unsupported attribute value spatial=0: input '" + roles[i - 1]
                        + "' must be a constant with one value per channel");
            }
            if (t.shape().rank() > 1) {
                Tensor flat = t.reshape(Shape.of(t.shape().dim(0)));
                inputs.set(i, out.addConstant(node.nameBase() + "_" + roles[i - 1], flat));
            }
        }
    }
}
