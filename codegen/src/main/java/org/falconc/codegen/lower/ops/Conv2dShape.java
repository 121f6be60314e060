package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.i;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.falconc.codegen.program.Arg;
import org.falconc.ir.Node;
import org.falconc.ir.ops.nn.NnAttrs;
import org.falconc.ir.ops.nn.WindowGeometry;

/**
 * The resolved geometry of a 1-D or 2-D convolution as the runtime's {@code Conv2d.run} and
 * the channels-last {@code ConvNhwc.prepacked} take it: a 1-D convolution is a 2-D one of height 1 (every window
 * attribute on the width axis).
 */
record Conv2dShape(int n, int c, int h, int w, int k, int oh, int ow, int r, int s, int strideH, int strideW,
                   int padTop, int padLeft, int dilH, int dilW, int group) {

    /** From the node's attributes and its input and weight shapes (rank 3 or 4). */
    static Conv2dShape of(Node node, int[] x, int[] weights) {
        int spatial = x.length - 2;
        int[] kernel = Arrays.copyOfRange(weights, 2, weights.length);
        WindowGeometry g = WindowGeometry.forConv(node, Arrays.copyOfRange(x, 2, x.length), kernel);
        boolean oneD = spatial == 1;
        int last = spatial - 1;
        return new Conv2dShape(x[0], x[1], oneD ? 1 : x[2], x[x.length - 1], weights[0],
                oneD ? 1 : g.outSize(0), g.outSize(last), oneD ? 1 : kernel[0], kernel[last],
                oneD ? 1 : g.stride(0), g.stride(last), oneD ? 0 : g.padBegin(0), g.padBegin(last),
                oneD ? 1 : g.dilation(0), g.dilation(last), NnAttrs.intAtLeast(node, "group", 1, 1));
    }

    /** n, c, h, w, k, oh, ow, r, s, strideH, strideW, padTop, padLeft, dilH, dilW, group: the runtime's order. */
    List<Arg> args() {
        return new ArrayList<>(List.of(i(n), i(c), i(h), i(w), i(k), i(oh), i(ow), i(r), i(s), i(strideH), i(strideW),
                i(padTop), i(padLeft), i(dilH), i(dilW), i(group)));
    }

    /** {@code 64x32x3x3 group 2} */
    String weightsText() {
        return k + "x" + c / group + "x" + r + "x" + s + (group > 1 ? " group " + group : "");
    }
}
