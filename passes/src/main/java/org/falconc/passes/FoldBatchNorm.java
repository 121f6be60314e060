package org.falconc.passes;

import java.util.List;
import java.util.Map;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;
import org.falconc.ir.ops.fused.Activation;
import org.falconc.ir.ops.fused.FusedConvInference;

/**
 * Folds an inference-mode BatchNormalization into the Conv, ConvTranspose, plain FusedConv (no
 * activation, no residual) or Gemm that produces its input: per output channel c,
 * {@code s = scale[c] / sqrt(var[c] + epsilon)}, the weights of channel c are multiplied by s and
 * the bias becomes {@code (bias[c] - mean[c]) * s + B[c]}, computed in double and rounded to f32
 * once. It needs the producer's output to be read by the BatchNormalization only, and every weight,
 * bias and statistic to be a constant; otherwise the BatchNormalization stays. The producer's
 * output takes over the BatchNormalization's output (and its name).
 */
public final class FoldBatchNorm implements Pass {
    public static final String NAME = "fold-batchnorm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean run(Graph g, PassContext ctx) {
        int folded = 0;
        for (Node bn : List.copyOf(g.nodes())) {
            if (bn.op().equals("BatchNormalization") && tryFold(g, bn)) {
                folded++;
            }
        }
        if (folded > 0) {
            ctx.log("folded " + folded + " BatchNormalization nodes");
        }
        return folded > 0;
    }

    /** Which weight entries belong to which output channel, for each op that can absorb a BatchNormalization. */
    private enum ChannelLayout {
        /** W [M, C/group, k...]: output channel = index along axis 0. */
        CONV,
        /** W [C, M/group, k...]: output channel = (c / (C/group)) * (M/group) + j. */
        CONV_TRANSPOSE,
        /** Gemm's B is [N, K] (transB = 1) or [K, N]: output channel = column of the product. */
        GEMM_TRANS_B,
        GEMM
    }

    private static boolean tryFold(Graph g, Node bn) {
        if (bn.numInputs() != 5 || bn.numOutputs() != 1 || bn.attrs().getInt("training_mode", 0) != 0) {
            return false;
        }
        Value x = bn.input(0);
        Node producer = x.producer();
        if (producer == null || !g.nodes().contains(producer) || g.isGraphOutput(x)) {
            return false;
        }
        Map<Value, List<Node>> users = g.users();
        if (users.getOrDefault(x, List.of()).size() != 1 || bn.inputs().subList(1, 5).contains(x)) {
            return false;
        }
        ChannelLayout layout = layoutOf(producer);
        float[][] stats = new float[4][];
        for (int i = 0; i < 4; i++) {
            stats[i] = constantFloats(bn.input(i + 1));
            if (stats[i] == null) {
                return false;
            }
        }
        int biasInput = 2;
        float[] w = constantFloats(producer.input(1));
        float[] b = producer.hasInput(biasInput) ? constantFloats(producer.input(biasInput)) : null;
        if (layout == null || w == null || (producer.hasInput(biasInput) && b == null)) {
            return false;
        }
        Shape ws = producer.input(1).type().shape();
        int channels = stats[0].length;
        double beta = 1;
        if (layout == ChannelLayout.GEMM || layout == ChannelLayout.GEMM_TRANS_B) {
            beta = producer.attrs().getFloat("beta", 1f);
            // only a per-column C (or none) becomes a per-column bias
            if (b != null && !(b.length == channels && perColumn(producer.input(biasInput).type().shape()))) {
                return false;
            }
        }
        for (float[] s : stats) {
            if (s.length != channels) {
                return false;
            }
        }
        double epsilon = bn.attrs().getFloat("epsilon", 1e-5f);
        double[] factor = new double[channels];
        float[] newBias = new float[channels];
        for (int c = 0; c < channels; c++) {
            factor[c] = stats[0][c] / Math.sqrt(stats[3][c] + epsilon);
            double oldBias = b == null ? 0 : beta * b[c];
            newBias[c] = (float) ((oldBias - stats[2][c]) * factor[c] + stats[1][c]);
        }
        float[] newWeight = new float[w.length];
        int[] channelOf = outputChannels(layout, producer, ws, channels);
        if (channelOf == null) {
            return false;
        }
        for (int i = 0; i < w.length; i++) {
            newWeight[i] = (float) (w[i] * factor[channelOf[i]]);
        }

        Value wOld = producer.input(1);
        Value bnOut = bn.output(0);
        String baseName = bnOut.name();
        producer.setInput(1, g.addConstant(g.freshName(wOld.name() + "_bn"), Tensor.ofFloats(ws, newWeight)));
        String biasName = (producer.hasInput(biasInput) ? producer.input(biasInput).name() : wOld.name() + "_bias") + "_bn";
        producer.setInput(biasInput, g.addConstant(g.freshName(biasName),
                Tensor.ofFloats(Shape.of(channels), newBias)));
        if (layout == ChannelLayout.GEMM || layout == ChannelLayout.GEMM_TRANS_B) {
            producer.attrs().setFloat("beta", 1f);
        }
        g.replaceAllUses(bnOut, x);
        g.removeNode(bn);
        g.rename(x, baseName);
        return true;
    }

    private static ChannelLayout layoutOf(Node producer) {
        return switch (producer.op()) {
            case "Conv" -> ChannelLayout.CONV;
            case "ConvTranspose" -> ChannelLayout.CONV_TRANSPOSE;
            case FusedConvInference.OP -> !producer.hasInput(FusedConvInference.RESIDUAL)
                    && Activation.named(producer.attrs().getString(Activation.ATTRIBUTE, "")) == Activation.NONE
                    ? ChannelLayout.CONV : null;
            case "Gemm" -> producer.attrs().getInt("transB", 0) == 1 ? ChannelLayout.GEMM_TRANS_B : ChannelLayout.GEMM;
            default -> null;
        };
    }

    private static boolean perColumn(Shape c) {
        return c.rank() == 1 || (c.rank() == 2 && c.dim(0) == 1);
    }

    /** The output channel of every weight element, or null when the weight's shape does not fit {@code channels}. */
    private static int[] outputChannels(ChannelLayout layout, Node producer, Shape ws, int channels) {
        int n = ws.numElements();
        int[] channelOf = new int[n];
        int group = (int) producer.attrs().getInt("group", 1);
        switch (layout) {
            case CONV -> {
                if (ws.dim(0) != channels) {
                    return null;
                }
                int perChannel = n / channels;
                for (int i = 0; i < n; i++) {
                    channelOf[i] = i / perChannel;
                }
            }
            case CONV_TRANSPOSE -> {
                int inChannels = ws.dim(0);
                int outPerGroup = ws.dim(1);
                if (ws.rank() < 2 || outPerGroup * group != channels || inChannels % group != 0) {
                    return null;
                }
                int inPerGroup = inChannels / group;
                int tap = n / (inChannels * outPerGroup);
                for (int i = 0; i < n; i++) {
                    int c = i / (outPerGroup * tap);
                    int j = (i / tap) % outPerGroup;
                    channelOf[i] = (c / inPerGroup) * outPerGroup + j;
                }
            }
            case GEMM_TRANS_B, GEMM -> {
                if (ws.rank() != 2) {
                    return null;
                }
                boolean rows = layout == ChannelLayout.GEMM_TRANS_B;
                if ((rows ? ws.dim(0) : ws.dim(1)) != channels) {
                    return null;
                }
                for (int i = 0; i < n; i++) {
                    channelOf[i] = rows ? i / ws.dim(1) : i % ws.dim(1);
                }
            }
        }
        return channelOf;
    }

    /** The data of an f32 constant that is not elided, or null. */
    private static float[] constantFloats(Value v) {
        Tensor t = v == null ? null : v.constant();
        return t == null || t.isElided() || t.dtype() != DType.F32 ? null : t.floats();
    }
}
