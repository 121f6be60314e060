package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.bool;
import static org.falconc.codegen.lower.Args.ctx;
import static org.falconc.codegen.lower.Args.i;

import java.util.Arrays;
import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.Node;
import org.falconc.ir.ops.layout.ChannelsLast;
import org.falconc.ir.ops.nn.NnAttrs;
import org.falconc.ir.ops.nn.WindowGeometry;

/**
 * The channels-last pools (MaxPoolNhwc, AveragePoolNhwc, GlobalAveragePoolNhwc,
 * GlobalMaxPoolNhwc) as {@code PoolNhwc} calls: the window geometry is the base op's, resolved by
 * ir's {@link WindowGeometry} on the channels-first shape; the kernels combine whole channel rows.
 */
final class PoolNhwcLowerer implements Lowerer {
    static final String POOL_NHWC = "org/falconc/runtime/ops/PoolNhwc";

    /** Reads X with any pixel stride; windowed pools also write Y with one (global pools write [N, C] densely). */
    @Override
    public boolean pixelStrided(Node node, int input) {
        return input == 0 || (input == -1 && !ChannelsLast.baseOf(node.op()).startsWith("Global"));
    }

    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] x = ChannelsLast.toNchw(layer.inType(0).shape()).dims();
        int n = x[0];
        int c = x[1];
        String base = ChannelsLast.baseOf(node.op());
        switch (base) {
            case "GlobalAveragePool", "GlobalMaxPool" -> {
                String method = base.equals("GlobalAveragePool") ? "globalAveragePool" : "globalMaxPool";
                layer.call(POOL_NHWC, method, base + " of " + c + " channels over " + x[2] + "x" + x[3] + ", NHWC",
                        ctx(), layer.in(0), layer.out(0), i(n), i(c), i(x[2] * x[3]), i(layer.pixelStride(node.input(0))));
            }
            default -> {
                int[] in = {x[2], x[3]};
                int[] kernel = NnAttrs.ints(node, "kernel_shape", 2, 1, 1);
                WindowGeometry g = WindowGeometry.forPool(node, in, kernel);
                String comment = base + " kernel " + Arrays.toString(kernel) + " stride " + g.stride(0) + "," + g.stride(1)
                        + " pads " + g.padBegin(0) + "," + g.padBegin(1) + "," + g.padEnd(0) + "," + g.padEnd(1)
                        + " -> " + g.outSize(0) + "x" + g.outSize(1) + ", NHWC";
                if (base.equals("MaxPool")) {
                    layer.call(POOL_NHWC, "maxPool", comment, ctx(), layer.in(0), layer.out(0), i(n), i(c), i(in[0]),
                            i(in[1]), i(g.outSize(0)), i(g.outSize(1)), i(kernel[0]), i(kernel[1]), i(g.stride(0)),
                            i(g.stride(1)), i(g.padBegin(0)), i(g.padBegin(1)), i(g.dilation(0)), i(g.dilation(1)),
                            i(layer.pixelStride(node.input(0))), i(layer.pixelStride(node.output(0))));
                } else {
                    boolean countIncludePad = NnAttrs.flag(node, "count_include_pad", false);
                    layer.call(POOL_NHWC, "averagePool", comment, ctx(), layer.in(0), layer.out(0), i(n), i(c), i(in[0]),
                            i(in[1]), i(g.outSize(0)), i(g.outSize(1)), i(kernel[0]), i(kernel[1]), i(g.stride(0)),
                            i(g.stride(1)), i(g.padBegin(0)), i(g.padBegin(1)), i(g.padEnd(0)), i(g.padEnd(1)),
                            i(g.dilation(0)), i(g.dilation(1)),
                            bool(countIncludePad), i(layer.pixelStride(node.input(0))), i(layer.pixelStride(node.output(0))));
                }
            }
        }
    }
}
