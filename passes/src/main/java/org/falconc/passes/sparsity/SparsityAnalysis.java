package org.falconc.passes.sparsity;

import java.util.ArrayList;
import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.fused.DecomposedConvInference;

/** Helpers for calibration drivers: what feeds each DecomposedConv, and how sparse a captured tensor is. */
public final class SparsityAnalysis {
    private SparsityAnalysis() {
    }

    /**
     * One DecomposedConv of a graph.
     *
     * @param node      the DecomposedConv node (its name keys {@link SparsityCalibration})
     * @param input     the name of its input X (the value to capture for {@link UnitStatistics})
     * @param producers the keys of the exact-zero producers whose zeros reach X through MaxPool,
     *                  channel Concat and Pad: each node's name, or its first output's name when the
     *                  node is unnamed (the keys {@code PassOptions.thresholds} and apply-thresholds
     *                  use); empty when X comes from a graph input
     */
    public record DecomposedConvInput(Node node, String input, List<String> producers) {
        public String name() {
            return node.name();
        }
    }

    /** The DecomposedConv nodes of {@code g} (e.g. after decompose-convolutions), in node order. */
    public static List<DecomposedConvInput> decomposedConvs(Graph g) {
        List<DecomposedConvInput> all = new ArrayList<>();
        for (Node n : g.nodes()) {
            if (n.op().equals(DecomposedConvInference.OP)) {
                List<String> producers = new ArrayList<>();
                for (Node p : ExactZeros.sources(n.input(0))) {
                    producers.add(producerKey(p));
                }
                all.add(new DecomposedConvInput(n, n.input(0).name(), List.copyOf(producers)));
            }
        }
        return all;
    }

    /** How thresholds name a producer: its node name, or its first output's name when it has none. */
    public static String producerKey(Node producer) {
        return producer.name().isEmpty() ? producer.output(0).name() : producer.name();
    }

    /**
     * The fraction of elements of an f32 tensor that count as zero under threshold {@code t}:
     * {@code |x| <= t} (NaN never does). 0 for an empty tensor.
     */
    public static double zeroFraction(Tensor x, float t) {
        if (x.dtype() != DType.F32) {
            throw new IllegalArgumentException("zero fraction of an f32 tensor, got " + x.type());
        }
        float[] d = x.floats();
        if (d.length == 0) {
            return 0;
        }
        long zeros = 0;
        for (float v : d) {
            if (Math.abs(v) <= t) {
                zeros++;
            }
        }
        return (double) zeros / d.length;
    }
}
