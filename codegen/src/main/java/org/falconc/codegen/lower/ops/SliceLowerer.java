package org.falconc.codegen.lower.ops;

import java.util.Arrays;
import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.tensor.Slice;

/** Slice with constant starts/ends/axes/steps, resolved per axis by ir's {@link Slice#ranges}. */
final class SliceLowerer implements Lowerer {
    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] in = layer.inShape(0);
        Tensor axes = layer.hasInput(3) ? layer.constant(3, "axes") : null;
        Tensor steps = layer.hasInput(4) ? layer.constant(4, "steps") : null;
        Slice.AxisRange[] ranges = Slice.ranges(node, layer.inType(0).shape(), layer.constant(1, "starts"),
                layer.constant(2, "ends"), axes, steps);
        int[] starts = new int[in.length];
        int[] stepArr = new int[in.length];
        int[] out = new int[in.length];
        for (int a = 0; a < in.length; a++) {
            starts[a] = ranges[a].start();
            stepArr[a] = ranges[a].step();
            out[a] = ranges[a].length();
        }
        layer.call(Runtime.SLICE, "run", "starts " + Arrays.toString(starts) + " steps " + Arrays.toString(stepArr)
                        + " -> " + Arrays.toString(out), layer.in(0), layer.out(0), layer.intTable("inShape", in),
                layer.intTable("starts", starts), layer.intTable("steps", stepArr), layer.intTable("outShape", out));
    }
}
