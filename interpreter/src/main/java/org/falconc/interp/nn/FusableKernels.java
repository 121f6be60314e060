package org.falconc.interp.nn;

import java.util.Arrays;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;

/**
 * The Conv and Gemm reference kernels as plain functions, for the fused ops' kernels: a fused node
 * carries Conv's (Gemm's) attributes and output type, so the same kernel computes its product.
 */
public final class FusableKernels {
    private FusableKernels() {
    }

    /** Conv(X, W, B) with the node's Conv attributes; {@code b} may be null. */
    public static Tensor conv(Node node, Tensor x, Tensor w, Tensor b) {
        return ConvKernel.compute(node, Arrays.asList(x, w, b)).get(0);
    }

    /** Gemm(A, B, C) with the node's Gemm attributes; {@code c} may be null. */
    public static Tensor gemm(Node node, Tensor a, Tensor b, Tensor c) {
        return GemmKernel.compute(node, Arrays.asList(a, b, c)).get(0);
    }
}
