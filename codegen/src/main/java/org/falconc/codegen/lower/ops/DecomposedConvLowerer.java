package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.ctx;
import static org.falconc.codegen.lower.Args.f;
import static org.falconc.codegen.lower.Args.i;
import static org.falconc.codegen.lower.Args.none;

import java.util.Arrays;
import org.falconc.codegen.lower.Args;
import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.codegen.program.Arg;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.ops.nn.NnAttrs;
import org.falconc.ir.ops.nn.WindowGeometry;

/**
 * DecomposedConv (docs/sparsity.md) as {@code SparseConv2d.run}: the plan (per tile, the input
 * blocks it reads) is made at load time by {@code SparseConv2d.plan}, the weights are packed at
 * compile time exactly as a dense convolution's (a channel group is a contiguous K range of the
 * panels), and the run skips every unit the input mask (input 4) says is all zero. A second output,
 * when present, is the mask of Y written by the store epilogue.
 */
final class DecomposedConvLowerer implements Lowerer {
    static final String SPARSE_CONV_2D = "org/falconc/runtime/sparse/SparseConv2d";
    static final String SPARSE_CONV_PLAN = "org/falconc/runtime/sparse/SparseConvPlan";
    private static final int MASK = 4;

    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] x = layer.inShape(0);
        int[] w = layer.inShape(1);
        if (layer.inType(0).dtype() != DType.F32 || (x.length != 3 && x.length != 4) || !layer.isConstant(1)) {
            throw layer.unsupported("a decomposed convolution must be a 1-D or 2-D f32 convolution with constant weights");
        }
        int spatial = x.length - 2;
        int[] kernel = Arrays.copyOfRange(w, 2, w.length);
        WindowGeometry g = WindowGeometry.forConv(node, Arrays.copyOfRange(x, 2, x.length), kernel);
        int group = NnAttrs.intAtLeast(node, "group", 1, 1);
        Activation act = Activation.of(node, layer);
        int n = x[0];
        int c = x[1];
        int k = w[0];
        boolean oneD = spatial == 1;
        int last = spatial - 1;
        int h = oneD ? 1 : x[2];
        int width = x[x.length - 1];
        int oh = oneD ? 1 : g.outSize(0);
        int ow = g.outSize(last);
        int r = oneD ? 1 : kernel[0];
        int s = kernel[last];
        int strideH = oneD ? 1 : g.stride(0);
        int dilH = oneD ? 1 : g.dilation(0);
        int padTop = oneD ? 0 : g.padBegin(0);
        int unitChannels = (int) node.attrs().getInt("unit_channels", 1);
        int unitPixels = (int) node.attrs().getInt("unit_pixels", 1);
        int inputBlock = (int) node.attrs().getInt("input_mask_block", 1);
        Arg packed = ConvLowerer.packedWeights(node, layer, k, c, r, s, group);
        Arg plan = layer.pack(SPARSE_CONV_PLAN, SPARSE_CONV_2D, "plan", "units " + unitChannels + " channels x "
                        + unitPixels + " pixels of %" + node.output(0).name() + ", input mask block " + inputBlock,
                i(n), i(c), i(h), i(width), i(k), i(oh), i(ow), i(r), i(s), i(strideH), i(g.stride(last)), i(padTop),
                i(g.padBegin(last)), i(dilH), i(g.dilation(last)), i(group), i(unitChannels), i(unitPixels), i(inputBlock));
        Arg bias = layer.hasInput(2) ? layer.weightArrayOrNull(2, DType.F32) : Args.noArray(DType.F32);
        Arg residual = layer.hasInput(3) ? layer.in(3) : none(DType.F32);
        int maskBlock = MaskOutput.block(node);
        Arg yMask = maskBlock > 0 ? layer.out(1) : none(DType.BOOL);
        String comment = "sparse conv " + k + "x" + c / group + "x" + r + "x" + s + (group > 1 ? " group " + group : "")
                + ", unit " + unitChannels + "ch x " + unitPixels + "px" + (layer.hasInput(2) ? " + bias" : "")
                + (layer.hasInput(3) ? " + residual" : "") + act + (maskBlock > 0 ? ", writes its mask" : "");
        layer.call(SPARSE_CONV_2D, "run", comment, ctx(), plan, packed, layer.in(0), layer.in(MASK), layer.out(0), bias,
                i(act.code()), f(act.p0()), f(act.p1()), residual, yMask, i(Math.max(maskBlock, 1)));
    }
}
