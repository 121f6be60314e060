package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.ctx;
import static org.falconc.codegen.lower.Args.f;
import static org.falconc.codegen.lower.Args.i;
import static org.falconc.codegen.lower.Args.none;

import java.util.ArrayList;
import java.util.List;
import org.falconc.codegen.lower.Args;
import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.codegen.program.Arg;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.layout.ChannelsLast;
import org.falconc.runtime.conv.ConvNhwc;

/**
 * FusedConvNhwc as the direct channels-last convolution {@code ConvNhwc.run}: the weights are
 * packed here, at compile time, into the kernel's layout ({@code ConvNhwc.packInto}); the
 * constructor wraps them with the layer's geometry and register-block variant, chosen here from the
 * shape ({@code ConvNhwc.chooseVariant}), into one {@code ConvNhwcLayer} object, so the layer's call
 * names its geometry instead of passing it as positional ints. Bias, activation and residual are
 * applied in the kernel's store.
 */
final class ConvNhwcLowerer implements Lowerer {
    static final String CONV_NHWC = "org/falconc/runtime/conv/ConvNhwc";
    static final String CONV_NHWC_LAYER = "org/falconc/runtime/conv/ConvNhwcLayer";

    /** Reads X and writes Y with any pixel stride (a channel slice of a bigger tensor); the residual is dense. */
    @Override
    public boolean pixelStrided(Node node, int input) {
        return input == -1 || input == 0;
    }

    @Override
    public void lower(Node node, LayerBuilder layer) {
        Conv2dShape s = shape(node, layer);
        Arg.Packed conv = packedLayer(node, layer, s);
        Activation act = Activation.of(node, layer);
        Arg bias = layer.hasInput(2) ? layer.weightArrayOrNull(2, DType.F32) : Args.noArray(DType.F32);
        Arg residual = layer.hasInput(3) ? layer.in(3) : none(DType.F32);
        layer.call(CONV_NHWC, "run", "conv NHWC " + s.weightsText() + (layer.hasInput(2) ? " + bias" : "")
                + (layer.hasInput(3) ? " + residual" : "") + act, ctx(), conv, layer.in(0), layer.out(0), bias,
                i(act.code()), f(act.p0()), f(act.p1()), residual);
    }

    /** The geometry of a channels-last convolution node (X stored NHWC, W as in ONNX). */
    static Conv2dShape shape(Node node, LayerBuilder layer) {
        if (layer.inType(0).dtype() != DType.F32 || !layer.isConstant(1)) {
            throw layer.unsupported("channels-last convolutions need f32 data and constant weights");
        }
        int[] x = ChannelsLast.toNchw(layer.inType(0).shape()).dims();
        return Conv2dShape.of(node, x, layer.inShape(1));
    }

    /**
     * Packs the weights at compile time and registers the load-time {@code ConvNhwc.prepacked} call
     * wrapping them with the geometry, pixel strides and the register block chosen for the shape.
     */
    static Arg.Packed packedLayer(Node node, LayerBuilder layer, Conv2dShape s) {
        int variant = ConvNhwc.chooseVariant(s.n(), s.c(), s.h(), s.w(), s.k(), s.oh(), s.ow(), s.r(), s.s(),
                s.strideH(), s.strideW(), s.padTop(), s.padLeft(), s.dilH(), s.dilW(), s.group());
        float[] panels = new float[ConvNhwc.packedLength(s.k(), s.c(), s.r(), s.s(), s.group())];
        ConvNhwc.packInto(layer.constant(1, "W").floats(), 0, s.k(), s.c(), s.r(), s.s(), s.group(), panels);
        int inStride = layer.pixelStride(node.input(0));
        int outStride = layer.pixelStride(node.output(0));
        Arg data = layer.floatArray(node.input(1).name() + ".nhwc", Tensor.ofFloats(Shape.of(panels.length), panels));
        List<Arg> geometry = new ArrayList<>(List.of(data));
        geometry.addAll(s.args());
        geometry.addAll(List.of(i(inStride), i(outStride), i(variant)));
        Arg.Packed conv = layer.pack(CONV_NHWC_LAYER, CONV_NHWC, "prepacked", "conv " + s.weightsText() + " stride "
                + s.strideH() + "," + s.strideW() + " pad " + s.padTop() + "," + s.padLeft() + " dilation " + s.dilH()
                + "," + s.dilW() + " on " + s.h() + "x" + s.w() + ", NHWC, " + ConvNhwc.variantName(variant)
                + ", weights %" + node.input(1).name() + " packed at compile time", geometry.toArray(new Arg[0]));
        return conv;
    }
}
