package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.ctx;
import static org.falconc.codegen.lower.Args.f;
import static org.falconc.codegen.lower.Args.i;
import static org.falconc.codegen.lower.Args.none;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.codegen.program.Arg;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.ops.nn.NnAttrs;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.nn.WindowGeometry;
import org.falconc.runtime.conv.Conv2d;

/**
 * Conv and FusedConv (bias, activation and residual Z in the epilogue) as {@code Conv2d.run} with
 * weights packed at compile time ({@code Conv2d.packInto}, wrapped at load time by
 * {@code Conv2d.prepacked}; depthwise taps stay unpacked, {@code Conv2d.pack}); geometry from ir's
 * {@link WindowGeometry}.
 * A 1-D convolution runs as a 2-D one of height 1; 3-D and higher, and weights known only at run time
 * (a graph input or a computed value, which cannot be packed at load time), run the direct
 * {@code Conv.generic} on the unpacked weights where they lie.
 */
final class ConvLowerer implements Lowerer {
    static final String CONV_2D = "org/falconc/runtime/conv/Conv2d";
    static final String PACKED_CONV = "org/falconc/runtime/conv/PackedConv";
    static final String CONV = "org/falconc/runtime/conv/Conv";

    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] x = layer.inShape(0);
        int[] w = layer.inShape(1);
        if (layer.inType(0).dtype() != DType.F32) {
            throw layer.unsupported("only f32 convolutions are compiled");
        }
        if (x.length < 3) {
            throw layer.unsupported("input " + layer.inType(0) + " has no spatial axes");
        }
        if (x.length > 4 || !layer.isConstant(1)) {
            lowerGeneric(node, layer, x, w);
            return;
        }
        Conv2dShape shape = Conv2dShape.of(node, x, w);
        Activation act = Activation.of(node, layer);
        Arg packed = packedWeights(node, layer, shape.k(), shape.c(), shape.r(), shape.s(), shape.group());
        Arg bias = layer.hasInput(2) ? layer.weightArrayOrNull(2, DType.F32) : org.falconc.codegen.lower.Args.noArray(DType.F32);
        Arg residual = layer.hasInput(3) ? layer.in(3) : none(DType.F32);
        String comment = "conv " + shape.weightsText() + " stride " + shape.strideH() + "," + shape.strideW()
                + " pad " + shape.padTop() + "," + shape.padLeft() + (layer.hasInput(2) ? " + bias" : "")
                + (layer.hasInput(3) ? " + residual" : "") + act;
        List<Arg> args = new ArrayList<>(List.of(ctx(), layer.in(0), layer.out(0), packed, bias));
        args.addAll(shape.args());
        args.addAll(List.of(i(act.code()), f(act.p0()), f(act.p1()), residual));
        layer.call(CONV_2D, "run", comment, args.toArray(new Arg[0]));
    }

    /**
     * The packed weights of a 1-D/2-D convolution with constant weights: panels packed here, at compile
     * time, wrapped at load time (depthwise taps stay unpacked and are copied at load time).
     */
    static Arg packedWeights(Node node, LayerBuilder layer, int k, int c, int r, int s, int group) {
        if (Conv2d.isDepthwise(c, group)) {
            return layer.pack(PACKED_CONV, CONV_2D, "pack", "conv weights %" + node.input(1).name() + " " + layer.inType(1),
                    layer.in(1), i(k), i(c), i(r), i(s), i(group));
        }
        // Packed here, so loading the model is a straight read of the panels.
        float[] panels = new float[Conv2d.packedLength(k, c, r, s, group)];
        Conv2d.packInto(layer.constant(1, "W").floats(), 0, k, c, r, s, group, panels);
        Arg data = layer.floatArray(node.input(1).name() + ".packed", Tensor.ofFloats(Shape.of(panels.length), panels));
        return layer.pack(PACKED_CONV, CONV_2D, "prepacked", "conv weights %" + node.input(1).name() + " "
                + layer.inType(1) + " packed at compile time", data, i(k), i(c), i(r), i(s), i(group));
    }

    /** Rank 3 and up, or run-time weights: unpacked weights, direct loops. */
    private static void lowerGeneric(Node node, LayerBuilder layer, int[] x, int[] w) {
        int spatial = x.length - 2;
        int[] in = Arrays.copyOfRange(x, 2, x.length);
        int[] kernel = Arrays.copyOfRange(w, 2, w.length);
        WindowGeometry g = WindowGeometry.forConv(node, in, kernel);
        int[] strides = new int[spatial];
        int[] begin = new int[spatial];
        int[] dilations = new int[spatial];
        for (int a = 0; a < spatial; a++) {
            strides[a] = g.stride(a);
            begin[a] = g.padBegin(a);
            dilations[a] = g.dilation(a);
        }
        Activation act = Activation.of(node, layer);
        Arg bias = layer.hasInput(2) ? layer.weightArrayOrNull(2, DType.F32) : org.falconc.codegen.lower.Args.noArray(DType.F32);
        layer.call(CONV, "generic", spatial + "-D conv " + Arrays.toString(kernel) + act, ctx(), layer.in(0), layer.in(1),
                bias, layer.out(0), i(x[0]), i(x[1]), i(w[0]), layer.intTable("in", in), layer.intTable("kernel", kernel),
                layer.intTable("out", g.outSizes()), layer.intTable("strides", strides), layer.intTable("padsBegin", begin),
                layer.intTable("dilations", dilations), i(NnAttrs.intAtLeast(node, "group", 1, 1)), i(act.code()),
                f(act.p0()), f(act.p1()), layer.hasInput(3) ? layer.in(3) : none(DType.F32));
    }
}
