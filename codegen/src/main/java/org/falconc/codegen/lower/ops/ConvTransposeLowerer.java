package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.ctx;
import static org.falconc.codegen.lower.Args.f;
import static org.falconc.codegen.lower.Args.i;
import static org.falconc.codegen.lower.Args.noArray;
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
 * ConvTranspose; geometry (output_shape, output_padding, auto_pad) from ir's
 * {@link WindowGeometry#forConvTranspose}. 1-D and 2-D with constant weights run
 * {@code ConvTranspose2d.run} with weights packed at load time (1-D as height 1); 3-D and up, and
 * weights known only at run time, run the direct {@code ConvTransposeNd} on the unpacked weights.
 */
final class ConvTransposeLowerer implements Lowerer {
    static final String CONV_TRANSPOSE_2D = "org/falconc/runtime/conv/ConvTranspose2d";
    static final String PACKED = "org/falconc/runtime/conv/PackedConvTranspose";

    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] x = layer.inShape(0);
        int[] w = layer.inShape(1);
        if (x.length < 3 || layer.inType(0).dtype() != DType.F32) {
            throw layer.unsupported("only f32 transposed convolutions with spatial axes are compiled, input is "
                    + layer.inType(0));
        }
        int group = NnAttrs.intAtLeast(node, "group", 1, 1);
        int spatial = x.length - 2;
        int[] kernel = Arrays.copyOfRange(w, 2, w.length);
        WindowGeometry g = WindowGeometry.forConvTranspose(node, Arrays.copyOfRange(x, 2, x.length), kernel);
        int c = x[1];
        int k = w[1] * group;
        Arg bias = layer.hasInput(2) ? layer.weightArrayOrNull(2, DType.F32) : noArray(DType.F32);
        if (spatial > 2 || !layer.isConstant(1)) {
            lowerDirect(layer, x, kernel, g, group, bias);
            return;
        }
        // 1-D: height 1, every window attribute on the width axis.
        boolean oneD = spatial == 1;
        int last = spatial - 1;
        int h = oneD ? 1 : x[2];
        int r = oneD ? 1 : kernel[0];
        int oh = oneD ? 1 : g.outSize(0);
        int strideH = oneD ? 1 : g.stride(0);
        int padTop = oneD ? 0 : g.padBegin(0);
        int dilH = oneD ? 1 : g.dilation(0);
        Arg packed = layer.pack(PACKED, CONV_TRANSPOSE_2D, "pack", "transposed conv weights %" + node.input(1).name(),
                layer.in(1), i(c), i(k), i(r), i(kernel[last]), i(group));
        layer.call(CONV_TRANSPOSE_2D, "run", "transposed conv " + c + " -> " + k + " stride " + strideH + "," + g.stride(last)
                        + " -> " + oh + "x" + g.outSize(last), ctx(), layer.in(0), layer.out(0), packed, bias,
                i(x[0]), i(c), i(h), i(x[x.length - 1]), i(k), i(oh), i(g.outSize(last)), i(r), i(kernel[last]),
                i(strideH), i(g.stride(last)), i(padTop), i(g.padBegin(last)), i(dilH), i(g.dilation(last)),
                i(group), i(0), f(0), f(0), none(DType.F32));
    }

    private static void lowerDirect(LayerBuilder layer, int[] x, int[] kernel, WindowGeometry g, int group, Arg bias) {
        int spatial = x.length - 2;
        int[] strides = new int[spatial];
        int[] begin = new int[spatial];
        int[] dilations = new int[spatial];
        for (int a = 0; a < spatial; a++) {
            strides[a] = g.stride(a);
            begin[a] = g.padBegin(a);
            dilations[a] = g.dilation(a);
        }
        int k = layer.inShape(1)[1] * group;
        layer.call(Runtime.CONV_TRANSPOSE_ND, "run", spatial + "-D transposed conv " + Arrays.toString(kernel)
                        + (layer.isConstant(1) ? "" : ", run-time weights"), ctx(), layer.in(0), layer.in(1), bias,
                layer.out(0), i(x[0]), i(x[1]), i(k), layer.intTable("in", Arrays.copyOfRange(x, 2, x.length)),
                layer.intTable("kernel", kernel), layer.intTable("out", g.outSizes()), layer.intTable("strides", strides),
                layer.intTable("padsBegin", begin), layer.intTable("dilations", dilations), i(group), i(0), f(0), f(0),
                none(DType.F32));
    }
}
