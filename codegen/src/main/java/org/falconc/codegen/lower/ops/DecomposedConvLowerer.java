package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.ctx;
import static org.falconc.codegen.lower.Args.f;
import static org.falconc.codegen.lower.Args.i;
import static org.falconc.codegen.lower.Args.none;

import java.util.Locale;
import org.falconc.codegen.lower.Args;
import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.codegen.program.Arg;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.ops.fused.DecomposedConvInference;
import org.falconc.ir.ops.fused.SparseAttrs;

/**
 * DecomposedConv (docs/sparsity.md) as {@code DecomposedConv.run}: the same packed layer as the
 * dense channels-last convolution, the bitmap of X (input 4), and the layer's break-even zero
 * fraction, fixed here: the calibrated {@code break_even} attribute, or the runtime's cost model
 * ({@link SparseBreakEven}) for this shape. The generated code then runs the sparse kernel on
 * an input whose zero count reaches it, the dense kernel otherwise.
 */
final class DecomposedConvLowerer implements Lowerer {
    static final String DECOMPOSED_CONV = "org/falconc/runtime/sparse/DecomposedConv";

    /** Reads X and writes Y with any pixel stride, as the dense convolution. */
    @Override
    public boolean pixelStrided(Node node, int input) {
        return input == -1 || input == 0;
    }

    @Override
    public void lower(Node node, LayerBuilder layer) {
        Conv2dShape s = ConvNhwcLowerer.shape(node, layer);
        Arg.Packed packed = ConvNhwcLowerer.packedLayer(node, layer, s);
        float breakEven = node.attrs().has(SparseAttrs.BREAK_EVEN)
                ? node.attrs().getFloat(SparseAttrs.BREAK_EVEN)
                : (float) SparseBreakEven.of(node);
        Activation act = Activation.of(node, layer);
        Arg bias = layer.hasInput(2) ? layer.weightArrayOrNull(2, DType.F32) : Args.noArray(DType.F32);
        Arg residual = layer.hasInput(3) ? layer.in(3) : none(DType.F32);
        String comment = String.format(Locale.ROOT, "decomposed conv NHWC %s%s%s%s: sparse when >= %.1f%% of the input is zero",
                s.weightsText(), layer.hasInput(2) ? " + bias" : "", layer.hasInput(3) ? " + residual" : "", act,
                100.0 * breakEven);
        layer.call(DECOMPOSED_CONV, "run", comment, ctx(), packed, layer.in(0),
                layer.in(DecomposedConvInference.BITS), layer.out(0), bias, i(act.code()), f(act.p0()), f(act.p1()),
                residual, f(breakEven));
    }
}
