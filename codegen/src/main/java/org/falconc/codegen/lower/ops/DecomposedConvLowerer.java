package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.ctx;
import static org.falconc.codegen.lower.Args.f;
import static org.falconc.codegen.lower.Args.i;
import static org.falconc.codegen.lower.Args.none;

import java.util.List;
import org.falconc.codegen.lower.Args;
import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.codegen.program.Arg;
import org.falconc.ir.DType;
import org.falconc.ir.Node;

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
        Conv2dShape shape = Conv2dShape.of(node, x, w);
        Activation act = Activation.of(node, layer);
        int unitChannels = (int) node.attrs().getInt("unit_channels", 1);
        int unitPixels = (int) node.attrs().getInt("unit_pixels", 1);
        int inputBlock = (int) node.attrs().getInt("input_mask_block", 1);
        Arg packed = ConvLowerer.packedWeights(node, layer, shape.k(), shape.c(), shape.r(), shape.s(), shape.group());
        List<Arg> planArgs = shape.args();
        planArgs.addAll(List.of(i(unitChannels), i(unitPixels), i(inputBlock)));
        Arg plan = layer.pack(SPARSE_CONV_PLAN, SPARSE_CONV_2D, "plan", "units " + unitChannels + " channels x "
                + unitPixels + " pixels of %" + node.output(0).name() + ", input mask block " + inputBlock,
                planArgs.toArray(new Arg[0]));
        Arg bias = layer.hasInput(2) ? layer.weightArrayOrNull(2, DType.F32) : Args.noArray(DType.F32);
        Arg residual = layer.hasInput(3) ? layer.in(3) : none(DType.F32);
        int maskBlock = MaskOutput.block(node);
        Arg yMask = maskBlock > 0 ? layer.out(1) : none(DType.BOOL);
        String comment = "sparse conv " + shape.weightsText()
                + ", unit " + unitChannels + "ch x " + unitPixels + "px" + (layer.hasInput(2) ? " + bias" : "")
                + (layer.hasInput(3) ? " + residual" : "") + act + (maskBlock > 0 ? ", writes its mask" : "");
        layer.call(SPARSE_CONV_2D, "run", comment, ctx(), plan, packed, layer.in(0), layer.in(MASK), layer.out(0), bias,
                i(act.code()), f(act.p0()), f(act.p1()), residual, yMask, i(Math.max(maskBlock, 1)));
    }
}
