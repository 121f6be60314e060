package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.ctx;
import static org.falconc.codegen.lower.Args.i;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.Node;

/** ActivationMask: {@code Masks.build}, one scan of the tensor (producers without a mask epilogue). */
final class ActivationMaskLowerer implements Lowerer {
    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] x = layer.inShape(0);
        int pixels = 1;
        for (int a = 2; a < x.length; a++) {
            pixels *= x[a];
        }
        int block = (int) node.attrs().getInt("block", 0);
        if (block < 1) {
            throw layer.unsupported("block must be >= 1");
        }
        layer.call(MaskOutput.MASKS, "build", "mask of %" + node.input(0).name() + " (block " + block + ")", ctx(),
                layer.in(0), i(x[0]), i(x[1]), i(pixels), layer.out(0), i(block));
    }
}
