package org.falconc.passes.sparsity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;
import org.falconc.ir.ops.fused.Activation;
import org.falconc.ir.ops.fused.DecomposedConvInference;
import org.falconc.ir.ops.fused.FusedConvInference;

/**
 * Which values hold the exact zeros sparse execution skips (docs/sparsity.md, "Passes"): outputs of
 * exact-zero producers (Relu, Clip with min exactly 0, ThresholdedRelu with alpha >= 0, FusedConv /
 * FusedConvNhwc / DecomposedConv with such an activation), and of MaxPool, Concat (every part such a
 * value), Pad with constant 0 and the reorders and views of such values; optionally graph inputs.
 */
public final class ExactZeros {
    private ExactZeros() {
    }

    /** Whether {@code v} is such a value ({@code graphInputs}: a graph input counts too). */
    public static boolean eligible(Value v, boolean graphInputs) {
        if (v == null || v.isConstant() || (v.hasType() && v.type().dtype() != DType.F32)) {
            return false;
        }
        Node p = v.producer();
        if (p == null) {
            return graphInputs;
        }
        if (p.output(0) != v) {
            return false;
        }
        if (isExactZeroProducer(p)) {
            return true;
        }
        return switch (p.op()) {
            case "MaxPool", "MaxPoolNhwc", "Pad", "Transpose", "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Identity" ->
                    keepsZeros(p) && eligible(p.input(0), graphInputs);
            case "Concat" -> {
                if (!keepsZeros(p)) {
                    yield false;
                }
                for (Value part : p.inputs()) {
                    if (!eligible(part, graphInputs)) {
                        yield false;
                    }
                }
                yield true;
            }
            default -> false;
        };
    }

    /** Whether {@code n} maps everything at or below zero to exactly 0: the start of an eligible chain. */
    public static boolean isExactZeroProducer(Node n) {
        return switch (n.op()) {
            case "Relu", "Clip", "ThresholdedRelu" -> {
                Activation a = Activation.ofOnnxNode(n);
                yield a != null && a.producesExactZeros(a.paramsOfOnnxNode(n));
            }
            case FusedConvInference.OP, "FusedConvNhwc", DecomposedConvInference.OP -> {
                Activation a = Activation.named(n.attrs().getString(Activation.ATTRIBUTE, ""));
                float[] params = n.attrs().getFloats(Activation.PARAMS_ATTRIBUTE, new float[0]);
                yield a != null && a.producesExactZeros(params);
            }
            default -> false;
        };
    }

    /**
     * MaxPool, Concat, Pad with constant 0 and the data-movement ops (reorders, views): ops whose
     * output elements are copies of input elements (a max of them), or padding zeros.
     */
    static boolean keepsZeros(Node p) {
        return switch (p.op()) {
            case "MaxPool", "MaxPoolNhwc", "Concat", "Transpose", "Reshape", "Flatten", "Squeeze", "Unsqueeze",
                 "Identity" -> true;
            case "Pad" -> {
                if (!p.attrs().getString("mode", "constant").equals("constant")) {
                    yield false;
                }
                if (!p.hasInput(2)) {
                    yield true;
                }
                Tensor c = p.input(2).constant();
                yield c != null && !c.isElided() && c.dtype() == DType.F32 && c.numElements() == 1
                        && c.floats()[0] == 0;
            }
            default -> false;
        };
    }

    /**
     * The exact-zero producers whose zeros reach {@code v} through MaxPool, Concat, Pad and reorders, in
     * first-reached order; a graph input in the chain contributes nothing. Empty when {@code v} is not
     * {@linkplain #eligible eligible} (with graph inputs).
     */
    public static List<Node> sources(Value v) {
        if (!eligible(v, true)) {
            return List.of();
        }
        Set<Node> found = new LinkedHashSet<>();
        collect(v, found);
        return new ArrayList<>(found);
    }

    private static void collect(Value v, Set<Node> found) {
        Node p = v.producer();
        if (p == null) {
            return;
        }
        if (isExactZeroProducer(p)) {
            found.add(p);
            return;
        }
        if (p.op().equals("Concat")) {
            for (Value part : p.inputs()) {
                collect(part, found);
            }
        } else {
            collect(p.input(0), found);
        }
    }

    /** Whether a graph input reaches {@code v} through MaxPool, channel Concat and Pad (or is {@code v}). */
    public static boolean readsGraphInput(Value v) {
        Node p = v.producer();
        if (p == null) {
            return !v.isConstant();
        }
        if (p.output(0) != v || isExactZeroProducer(p) || !keepsZeros(p)) {
            return false;
        }
        if (p.op().equals("Concat")) {
            for (Value part : p.inputs()) {
                if (part != null && readsGraphInput(part)) {
                    return true;
                }
            }
            return false;
        }
        return readsGraphInput(p.input(0));
    }
}
