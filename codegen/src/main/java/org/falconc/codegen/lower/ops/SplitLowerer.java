package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.i;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.codegen.lower.Partition;
import org.falconc.ir.Node;
import org.falconc.ir.ops.tensor.Split;

/**
 * Split: one {@code Split.copyOut} per output; the part sizes are the outputs' static shapes. When
 * nothing is outer to the axis each output is a contiguous slice of the input, which the memory plan
 * may let it alias: such outputs need no copy.
 */
final class SplitLowerer implements Lowerer {
    @Override
    public Partition partition(Node node) {
        if (node.input(0) == null || !node.input(0).hasType()) {
            return null;
        }
        int[] in = node.input(0).type().shape().dims();
        int axis = Split.axis(node, in.length);
        AxisView v = AxisView.of(in, axis);
        if (v.outer() != 1) {
            return null;
        }
        int[] offsets = new int[node.numOutputs()];
        int start = 0;
        for (int k = 0; k < node.numOutputs(); k++) {
            if (node.output(k) == null || !node.output(k).hasType()) {
                return null;
            }
            offsets[k] = start * v.inner();
            start += node.output(k).type().shape().dim(axis);
        }
        return new Partition(false, offsets);
    }

    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] in = layer.inShape(0);
        int axis = Split.axis(node, in.length);
        AxisView v = AxisView.of(in, axis);
        int start = 0;
        for (int k = 0; k < node.numOutputs(); k++) {
            int outAxis = layer.outShape(k)[axis];
            boolean placed = v.outer() == 1 && layer.isPlacedAt(node.output(k), node.input(0), start * v.inner());
            if (outAxis > 0 && !placed) {
                layer.call(Runtime.SPLIT, "copyOut", "[" + start + ", " + (start + outAxis) + ") of axis " + axis + " -> output " + k,
                        layer.in(0), layer.out(k), i(v.outer()), i(v.inner()), i(v.n()), i(outAxis), i(start));
            }
            start += outAxis;
        }
    }
}
