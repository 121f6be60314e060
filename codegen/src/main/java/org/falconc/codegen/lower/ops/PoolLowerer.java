package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.bool;
import static org.falconc.codegen.lower.Args.ctx;
import static org.falconc.codegen.lower.Args.i;
import static org.falconc.codegen.lower.Args.none;

import java.util.Arrays;
import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.codegen.program.Arg;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.ops.nn.NnAttrs;
import org.falconc.ir.ops.nn.WindowGeometry;

/**
 * MaxPool, AveragePool, LpPool with geometry resolved by ir's {@link WindowGeometry} (auto_pad,
 * ceil_mode, output size): 2-D max/average pools run {@code Pool2d}, everything else {@code PoolNd}
 * (including MaxPool's Indices output).
 */
final class PoolLowerer implements Lowerer {
    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] x = layer.inShape(0);
        if (x.length < 3) {
            throw layer.unsupported("input " + layer.inType(0) + " has no spatial axes");
        }
        int spatial = x.length - 2;
        int planes = x[0] * x[1];
        int[] in = Arrays.copyOfRange(x, 2, x.length);
        int[] kernel = NnAttrs.ints(node, "kernel_shape", spatial, 1, 1);
        WindowGeometry g = WindowGeometry.forPool(node, in, kernel);
        int[] out = g.outSizes();
        int[] strides = new int[spatial];
        int[] dilations = new int[spatial];
        int[] begin = new int[spatial];
        int[] end = new int[spatial];
        for (int a = 0; a < spatial; a++) {
            strides[a] = g.stride(a);
            dilations[a] = g.dilation(a);
            begin[a] = g.padBegin(a);
            end[a] = g.padEnd(a);
        }
        String comment = node.op() + " kernel " + Arrays.toString(kernel) + " stride " + Arrays.toString(strides)
                + " pads " + Arrays.toString(begin) + Arrays.toString(end) + " -> " + Arrays.toString(out);
        boolean indices = node.numOutputs() > 1;
        boolean countIncludePad = node.op().equals("AveragePool") && NnAttrs.flag(node, "count_include_pad", false);
        if (spatial == 2 && !indices && !node.op().equals("LpPool")) {
            if (node.op().equals("MaxPool")) {
                layer.call(Runtime.POOL_2D, "maxPool", comment, ctx(), layer.in(0), layer.out(0), i(planes),
                        i(in[0]), i(in[1]), i(out[0]), i(out[1]), i(kernel[0]), i(kernel[1]), i(strides[0]), i(strides[1]),
                        i(begin[0]), i(begin[1]), i(dilations[0]), i(dilations[1]));
            } else {
                layer.call(Runtime.POOL_2D, "averagePool", comment, ctx(), layer.in(0), layer.out(0), i(planes),
                        i(in[0]), i(in[1]), i(out[0]), i(out[1]), i(kernel[0]), i(kernel[1]), i(strides[0]), i(strides[1]),
                        i(begin[0]), i(begin[1]), i(end[0]), i(end[1]), i(dilations[0]), i(dilations[1]), bool(countIncludePad));
            }
            return;
        }
        var geometry = new Arg[] {layer.intTable("in", in), layer.intTable("out", out),
            layer.intTable("kernel", kernel), layer.intTable("strides", strides), layer.intTable("padsBegin", begin),
            layer.intTable("padsEnd", end), layer.intTable("dilations", dilations)};
        switch (node.op()) {
            case "MaxPool" -> layer.call(Runtime.POOL_ND, "maxPool", comment, concat(
                    new Arg[] {ctx(), layer.in(0), layer.out(0),
                        indices ? layer.out(1) : none(DType.I64), i(planes)}, geometry,
                    bool(node.attrs().getInt("storage_order", 0) == 1)));
            case "AveragePool" -> layer.call(Runtime.POOL_ND, "averagePool", comment, concat(
                    new Arg[] {ctx(), layer.in(0), layer.out(0), i(planes)}, geometry,
                    bool(countIncludePad)));
            default -> layer.call(Runtime.POOL_ND, "lpPool", comment, concat(
                    new Arg[] {ctx(), layer.in(0), layer.out(0), i(planes)}, geometry,
                    i(NnAttrs.intAtLeast(node, "p", 2, 1))));
        }
    }

    static Arg[] concat(Arg[] head,
                                                     Arg[] middle,
                                                     Arg last) {
        Arg[] all = Arrays.copyOf(head, head.length + middle.length + 1);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        all[all.length - 1] = last;
        return all;
    }
}
