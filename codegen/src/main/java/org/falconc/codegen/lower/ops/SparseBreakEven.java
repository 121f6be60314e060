package org.falconc.codegen.lower.ops;

import org.falconc.ir.Node;
import org.falconc.ir.ops.layout.ChannelsLast;
import org.falconc.runtime.sparse.SparseConvNhwc;

/**
 * The runtime's cost model for the passes ({@code PassOptions.withBreakEvenModel}): the zero fraction
 * at which a decomposed convolution's sparse kernel breaks even with the dense one, from its shape
 * ({@code SparseConvNhwc.breakEven}), so schedule-sparsity can record it and drop layers that never pay.
 */
public final class SparseBreakEven {
    private SparseBreakEven() {
    }

    /** The break-even of a typed DecomposedConv (or FusedConvNhwc) node. */
    public static double of(Node conv) {
        int[] x = ChannelsLast.toNchw(conv.input(0).type().shape()).dims();
        Conv2dShape s = Conv2dShape.of(conv, x, conv.input(1).type().shape().dims());
        return SparseConvNhwc.breakEven(s.n(), s.c(), s.h(), s.w(), s.k(), s.oh(), s.ow(), s.r(), s.s(), s.group());
    }
}
