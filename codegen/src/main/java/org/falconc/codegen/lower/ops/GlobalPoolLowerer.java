package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.ctx;
import static org.falconc.codegen.lower.Args.i;

import java.util.Arrays;
import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.Node;
import org.falconc.ir.ops.nn.NnAttrs;

/** GlobalAveragePool, GlobalMaxPool (one value per plane), GlobalLpPool (an LpPool over the whole plane). */
final class GlobalPoolLowerer implements Lowerer {
    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] x = layer.inShape(0);
        if (x.length < 2) {
            throw layer.unsupported("input " + layer.inType(0) + " has no channel axis");
        }
        int planes = x[0] * x[1];
        int[] in = Arrays.copyOfRange(x, 2, x.length);
        int planeSize = LayerBuilder.elements(in);
        switch (node.op()) {
            case "GlobalAveragePool" -> layer.call(Runtime.POOL_2D, "globalAveragePool", "mean of " + planes + " planes",
                    ctx(), layer.in(0), layer.out(0), i(planes), i(planeSize));
            case "GlobalMaxPool" -> layer.call(Runtime.POOL_2D, "globalMaxPool", "max of " + planes + " planes",
                    ctx(), layer.in(0), layer.out(0), i(planes), i(planeSize));
            default -> {
                int[] ones = new int[in.length];
                Arrays.fill(ones, 1);
                int[] zeros = new int[in.length];
                layer.call(Runtime.POOL_ND, "lpPool", "GlobalLpPool over " + Arrays.toString(in), ctx(), layer.in(0),
                        layer.out(0), i(planes), layer.intTable("in", in), layer.intTable("out", ones), layer.intTable("kernel", in),
                        layer.intTable("strides", ones), layer.intTable("pads", zeros), layer.intTable("pads", zeros),
                        layer.intTable("dilations", ones), i(NnAttrs.intAtLeast(node, "p", 2, 1)));
            }
        }
    }
}
