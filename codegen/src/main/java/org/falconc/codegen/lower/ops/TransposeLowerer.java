package org.falconc.codegen.lower.ops;

import java.util.Arrays;
import org.falconc.codegen.lower.Args;
import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.ops.layout.ChannelsLast;
import org.falconc.ir.ops.tensor.Transpose;

/**
 * Transpose with its (default: reversed) permutation; the two layout reorders of a rank-4 f32
 * tensor (NCHW to NHWC and back, see {@link ChannelsLast}) run the blocked {@code Reorder} kernels.
 */
final class TransposeLowerer implements Lowerer {
    static final String REORDER = "org/falconc/runtime/ops/Reorder";

    /** The layout reorders read (NHWC -> NCHW) or write (NCHW -> NHWC) the channels-last side with any pixel stride. */
    @Override
    public boolean pixelStrided(Node node, int input) {
        if (!node.input(0).hasType() || node.input(0).type().rank() != 4 || node.input(0).type().dtype() != DType.F32) {
            return false;
        }
        int[] perm = Transpose.perm(node, 4);
        return input == 0 ? Arrays.equals(perm, toInts(ChannelsLast.TO_NCHW))
                : input == -1 && Arrays.equals(perm, toInts(ChannelsLast.TO_NHWC));
    }

    private static int[] toInts(long[] v) {
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = (int) v[i];
        }
        return r;
    }

    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] in = layer.inShape(0);
        int[] perm = Transpose.perm(node, in.length);
        if (in.length == 4 && layer.inType(0).dtype() == DType.F32) {
            boolean toNhwc = Arrays.equals(perm, toInts(ChannelsLast.TO_NHWC));
            if (toNhwc || Arrays.equals(perm, toInts(ChannelsLast.TO_NCHW))) {
                int c = toNhwc ? in[1] : in[3];
                int hw = toNhwc ? in[2] * in[3] : in[1] * in[2];
                int stride = toNhwc ? layer.pixelStride(node.output(0)) : layer.pixelStride(node.input(0));
                layer.call(REORDER, toNhwc ? "toNhwc" : "toNchw", "layout reorder " + (toNhwc ? "NCHW -> NHWC" : "NHWC -> NCHW"),
                        Args.ctx(), layer.in(0), layer.out(0), Args.i(in[0]), Args.i(c), Args.i(hw), Args.i(stride));
                return;
            }
        }
        layer.call(Runtime.TRANSPOSE, "run", "perm " + Arrays.toString(perm), layer.in(0), layer.out(0),
                layer.intTable("inShape", in), layer.intTable("perm", perm));
    }
}
