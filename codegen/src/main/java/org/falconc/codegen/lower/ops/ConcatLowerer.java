package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.i;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.codegen.lower.Partition;
import org.falconc.ir.Node;
import org.falconc.ir.ops.tensor.Concat;

/**
 * Concat: one {@code Concat.copyInto} per input, at its running position along the axis. When nothing
 * is outer to the axis (e.g. channels at batch 1) each input is a contiguous range of the output, so
 * the memory plan may have its producer write there directly: such inputs need no copy. When the axis
 * is the last (channels, channels-last) each input is interleaved in the output with the output's
 * pixel stride, and a producer that writes with a pixel stride writes there directly.
 */
final class ConcatLowerer implements Lowerer {
    @Override
    public Partition partition(Node node) {
        if (!node.output(0).hasType()) {
            return null;
        }
        int[] out = node.output(0).type().shape().dims();
        int axis = Concat.axis(node, out.length);
        AxisView o = AxisView.of(out, axis);
        // Contiguous parts when nothing is outer to the axis; interleaved rows when the axis is the last.
        boolean interleaved = o.outer() != 1 && o.inner() == 1;
        if (o.outer() != 1 && !interleaved) {
            return null;
        }
        int[] offsets = new int[node.numInputs()];
        int start = 0;
        for (int k = 0; k < node.numInputs(); k++) {
            if (node.input(k) == null || !node.input(k).hasType()) {
                return null;
            }
            offsets[k] = start * o.inner();
            start += node.input(k).type().shape().dim(axis);
        }
        return new Partition(true, offsets, interleaved ? o.n() : 0);
    }

    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] out = layer.outShape(0);
        int axis = Concat.axis(node, out.length);
        AxisView o = AxisView.of(out, axis);
        int start = 0;
        for (int k = 0; k < node.numInputs(); k++) {
            int inAxis = layer.inShape(k)[axis];
            boolean placed = (o.outer() == 1 || o.inner() == 1)
                    && layer.isPlacedAt(node.input(k), node.output(0), start * o.inner());
            if (inAxis > 0 && !placed) {
                layer.call(Runtime.CONCAT, "copyInto", "input " + k + " -> [" + start + ", " + (start + inAxis) + ") of axis " + axis,
                        layer.in(k), layer.out(0), i(o.outer()), i(o.inner()), i(inAxis), i(o.n()), i(start));
            }
            start += inAxis;
        }
    }
}
