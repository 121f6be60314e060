package org.falconc.codegen.lower.ops;

import java.util.Arrays;
import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.Node;

/**
 * Expand and Tile, whose output shape inference already resolved: Expand broadcasts to the output
 * shape; Tile's repeats are the output over the input size per axis.
 */
final class BroadcastCopyLowerer implements Lowerer {
    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] in = layer.inShape(0);
        int[] out = layer.outShape(0);
        if (node.op().equals("Expand")) {
            layer.call(Runtime.EXPAND, "run", "to " + Arrays.toString(out), layer.in(0), layer.out(0),
                    layer.intTable("inShape", in), layer.intTable("outShape", out));
            return;
        }
        int[] repeats = new int[in.length];
        for (int a = 0; a < in.length; a++) {
            repeats[a] = in[a] == 0 ? (int) layer.constant(1, "repeats").getLong(a) : out[a] / in[a];
        }
        layer.call(Runtime.TILE, "run", "repeats " + Arrays.toString(repeats), layer.in(0), layer.out(0),
                layer.intTable("inShape", in), layer.intTable("repeats", repeats));
    }
}
