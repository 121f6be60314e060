package org.falconc.frontend;

import java.util.List;
import org.falconc.ir.Attributes;
import org.falconc.ir.Tensor;

/**
 * MeanVarianceNormalization has no kernel of its own: since opset 9 ONNX defines it as a function,
 * {@code (x - mean) / (sqrt(var) + 1e-9)} with mean and variance over {@code axes} (default [0,2,3]);
 * the function's ReduceMean, Sub, Mul, Sqrt, Add and Div are emitted here. The experimental form before
 * 9 had {@code across_channels} (0: axes [2,3], per sample and channel; 1: axes [1,2,3]) and
 * {@code normalize_variance} (0: only subtract the mean). The variance is the mean of (x - mean)^2
 * rather than the function's E[x^2] - mean^2, which is the same value with less cancellation.
 */
final class MeanVarianceNormalizationAdapter implements OpAdapter {
    private static final long FUNCTION_OP = 9;
    private static final float EPSILON = 1e-9f;

    @Override
    public List<String> irOps(OnnxNode node) {
        return List.of("ReduceMean", "Sub", "Mul", "Sqrt", "Add", "Div");
    }

    @Override
    public void convert(OnnxNode node, GraphBuilder out) {
        Attributes attrs = node.attributes();
        String x = node.input(0);
        String y = node.output(0);
        if (x == null || y == null || node.inputs().size() != 1 || node.outputs().size() != 1) {
            throw node.error("takes exactly one input and one output");
        }
        boolean legacy = node.opset() < FUNCTION_OP || attrs.has("across_channels") || attrs.has("normalize_variance");
        long[] axes = attrs.getInts("axes", legacy
                ? (attrs.getInt("across_channels", 0) != 0 ? new long[] {1, 2, 3} : new long[] {2, 3})
                : new long[] {0, 2, 3});
        boolean normalizeVariance = attrs.getInt("normalize_variance", 1) != 0;
        attrs.remove("axes");
        attrs.remove("across_channels");
        attrs.remove("normalize_variance");
        if (!attrs.isEmpty()) {
            throw node.error("unsupported attribute '" + attrs.names().iterator().next() + "'");
        }
        String base = node.nameBase();
        String axesValue = out.addConstant(base + "_axes", Tensor.vector(axes));
        String mean = out.emitTo("ReduceMean", node.nameWith("_mean"), List.of(x, axesValue), base + "_mean",
                new Attributes().setInt("keepdims", 1));
        if (!normalizeVariance) {
            out.emit("Sub", node.name(), List.of(x, mean), List.of(y), new Attributes());
            return;
        }
        String centred = out.emitTo("Sub", node.nameWith("_centre"), List.of(x, mean), base + "_centred",
                new Attributes());
        String squared = out.emitTo("Mul", node.nameWith("_square"), List.of(centred, centred), base + "_squared",
                new Attributes());
        String variance = out.emitTo("ReduceMean", node.nameWith("_variance"), List.of(squared, axesValue),
                base + "_variance", new Attributes().setInt("keepdims", 1));
        String std = out.emitTo("Sqrt", node.nameWith("_std"), List.of(variance), base + "_std", new Attributes());
        String denominator = out.emitTo("Add", node.nameWith("_epsilon"),
                List.of(std, out.addConstant(base + "_epsilon", Tensor.scalar(EPSILON))), base + "_denominator",
                new Attributes());
        out.emit("Div", node.name(), List.of(centred, denominator), List.of(y), new Attributes());
    }
}
