package org.falconc.passes;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.falconc.ir.Attributes;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.ops.fused.Activation;
import org.falconc.ir.ops.fused.DecomposedConvInference;
import org.falconc.ir.ops.fused.FusedConvInference;
import org.falconc.ir.ops.fused.FusedGemmInference;
import org.falconc.passes.sparsity.SparsityAnalysis;

/**
 * THRESHOLD mode: for each producer named in {@link PassOptions#thresholds()} (by node name, or by its
 * first output's name when unnamed), turns its Relu into ThresholdedRelu(alpha = t), so values up to t
 * become zeros a consumer can skip: a fused Relu activation (FusedConv, DecomposedConv, FusedGemm)
 * becomes {@code activation = "ThresholdedRelu", activation_params = [t]}, a Relu op becomes a
 * ThresholdedRelu op {@code {alpha = t}}; a producer that already thresholds gets alpha t. Other
 * producers, and names that match no node, are reported in the log. Does nothing unless
 * {@link PassOptions#sparsity()} is THRESHOLD.
 */
public final class ApplyThresholds implements Pass {
    public static final String NAME = "apply-thresholds";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean run(Graph g, PassContext ctx) {
        Map<String, Float> thresholds = ctx.options().thresholds();
        if (ctx.options().sparsity() != SparsityMode.THRESHOLD || thresholds.isEmpty()) {
            return false;
        }
        boolean changed = false;
        Set<String> matched = new HashSet<>();
        for (Node n : List.copyOf(g.nodes())) {
            if (n.numOutputs() == 0) {
                continue;
            }
            String key = SparsityAnalysis.producerKey(n);
            Float t = thresholds.get(key);
            if (t == null) {
                continue;
            }
            matched.add(key);
            changed |= threshold(g, n, t, ctx);
        }
        for (String key : thresholds.keySet()) {
            if (!matched.contains(key)) {
                ctx.log("no node named '" + key + "' to threshold");
            }
        }
        return changed;
    }

    private static boolean threshold(Graph g, Node n, float t, PassContext ctx) {
        switch (n.op()) {
            case FusedConvInference.OP, DecomposedConvInference.OP, FusedGemmInference.OP -> {
                Activation a = Activation.named(n.attrs().getString(Activation.ATTRIBUTE, ""));
                if (a != Activation.RELU && a != Activation.THRESHOLDED_RELU) {
                    ctx.log(n.describe() + ": activation '" + n.attrs().getString(Activation.ATTRIBUTE, "")
                            + "' is not Relu, not thresholded");
                    return false;
                }
                float[] old = n.attrs().getFloats(Activation.PARAMS_ATTRIBUTE, new float[0]);
                if (a == Activation.THRESHOLDED_RELU && old.length == 1 && Float.compare(old[0], t) == 0) {
                    return false;
                }
                n.attrs().setString(Activation.ATTRIBUTE, Activation.THRESHOLDED_RELU.attributeValue());
                n.attrs().setFloats(Activation.PARAMS_ATTRIBUTE, t);
                return true;
            }
            case "Relu" -> {
                NodeRewrite.replace(g, n, "ThresholdedRelu", n.inputs(), new Attributes().setFloat("alpha", t), 1,
                        List.of());
                return true;
            }
            case "ThresholdedRelu" -> {
                if (Float.compare(n.attrs().getFloat("alpha", 1f), t) == 0) {
                    return false;
                }
                n.attrs().setFloat("alpha", t);
                return true;
            }
            default -> {
                ctx.log(n.describe() + " is not a Relu, not thresholded");
                return false;
            }
        }
    }
}
