package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.ctx;
import static org.falconc.codegen.lower.Args.i;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.Node;

/** ActivationBits as {@code DecomposedConv.bits}: one vectorised pass over a channels-last tensor. */
final class ActivationBitsLowerer implements Lowerer {
    /** Reads X with any pixel stride (a channel slice of a Concat). */
    @Override
    public boolean pixelStrided(Node node, int input) {
        return input == 0;
    }

    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] x = layer.inShape(0);
        layer.call(DecomposedConvLowerer.DECOMPOSED_CONV, "bits", "bitmap of %" + node.input(0).name() + ", " + x[3] + " channels",
                ctx(), layer.in(0), i(x[0] * x[1] * x[2]), i(x[3]), i(layer.pixelStride(node.input(0))), layer.out(0));
    }
}
