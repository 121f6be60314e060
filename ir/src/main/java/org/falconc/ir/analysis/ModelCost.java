package org.falconc.ir.analysis;

import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Value;

/**
 * Static cost figures of a typed graph: parameter count and multiply-accumulates of the
 * convolution and matrix-product ops, the figures FalCon-style sparsity is measured against.
 */
public record ModelCost(long parameters, long convMacs, long gemmMacs) {

    /** Computes the figures; nodes whose types are not known yet count as zero MACs. */
    public static ModelCost of(Graph g) {
        long params = 0;
        for (Value c : g.constants()) {
            if (c.constant().dtype() == DType.F32) {
                params += c.constant().numElements();
            }
        }
        long conv = 0;
        long gemm = 0;
        for (Node n : g.nodes()) {
            if (isConv(n)) {
                conv += macs(n);
            } else {
                gemm += macs(n);
            }
        }
        return new ModelCost(params, conv, gemm);
    }

    /** Whether the node is a convolution (plain, fused or decomposed) or a transposed one. */
    public static boolean isConv(Node n) {
        return switch (n.op()) {
            case "Conv", "FusedConv", "FusedConvNhwc", "DecomposedConv", "ConvTranspose" -> true;
            default -> false;
        };
    }

    /**
     * Multiply-accumulates of one node computed densely: convolutions (plain, fused, decomposed,
     * transposed) and matrix products (Gemm, FusedGemm, MatMul); 0 for every other op and for nodes
     * whose types are not known.
     */
    public static long macs(Node n) {
        return switch (n.op()) {
            case "Conv", "FusedConv", "FusedConvNhwc", "DecomposedConv" -> convMacs(n);
            case "ConvTranspose" -> convTransposeMacs(n);
            case "Gemm", "FusedGemm", "MatMul" -> matMulMacs(n);
            default -> 0;
        };
    }

    private static boolean typed(Node n) {
        for (Value v : n.inputs()) {
            if (v != null && !v.hasType()) {
                return false;
            }
        }
        return n.output(0).hasType();
    }

    /** Every output element sums (C_in / group) x kernel-volume products. */
    static long convMacs(Node n) {
        if (!typed(n)) {
            return 0;
        }
        Shape w = n.input(1).type().shape();
        long perOutput = 1;
        for (int i = 1; i < w.rank(); i++) {
            perOutput *= w.dim(i);
        }
        return (long) n.output(0).type().shape().numElements() * perOutput;
    }

    /** Every input element scatters into (C_out / group) x kernel-volume outputs. */
    static long convTransposeMacs(Node n) {
        if (!typed(n)) {
            return 0;
        }
        Shape w = n.input(1).type().shape();
        long perInput = 1;
        for (int i = 1; i < w.rank(); i++) {
            perInput *= w.dim(i);
        }
        return (long) n.input(0).type().shape().numElements() * perInput;
    }

    /** Output elements x the contracted dimension. */
    static long matMulMacs(Node n) {
        if (!typed(n)) {
            return 0;
        }
        Shape a = n.input(0).type().shape();
        long k;
        if (!n.op().equals("MatMul")) {
            boolean transA = n.attrs().getInt("transA", 0) != 0;
            k = transA ? a.dim(0) : a.dim(1);
        } else {
            k = a.dim(a.rank() - 1);
        }
        return (long) n.output(0).type().shape().numElements() * k;
    }
}
