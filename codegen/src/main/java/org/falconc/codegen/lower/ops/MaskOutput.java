package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.ctx;
import static org.falconc.codegen.lower.Args.i;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.ir.Node;

/**
 * The optional mask output (output 1) of FusedConv / DecomposedConv (docs/sparsity.md): its block,
 * and for kernels that cannot write it in their store epilogue, a {@code Masks.build} call after them.
 */
final class MaskOutput {
    static final String MASKS = "org/falconc/runtime/sparse/Masks";

    private MaskOutput() {
    }

    /** The node's {@code mask_block} when it has a mask output, else 0. */
    static int block(Node node) {
        return node.numOutputs() > 1 && node.output(1) != null ? (int) node.attrs().getInt("mask_block", 0) : 0;
    }

    /** Writes the mask of output 0 by scanning it (paths whose kernel has no mask epilogue). */
    static void buildAfter(Node node, LayerBuilder layer) {
        int block = block(node);
        if (block <= 0) {
            return;
        }
        int[] y = layer.outShape(0);
        int pixels = 1;
        for (int a = 2; a < y.length; a++) {
            pixels *= y[a];
        }
        layer.call(MASKS, "build", "mask of the output (block " + block + ")", ctx(), layer.out(0), i(y[0]), i(y[1]),
                i(pixels), layer.out(1), i(block));
    }
}
