package org.falconc.interp.tensor;

import java.util.List;
import java.util.function.BiConsumer;
import org.falconc.interp.Elements;
import org.falconc.interp.MultiIndex;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.tensor.Gather;

/**
 * Reference kernels of Gather (whole slices picked by index along an axis) and GatherElements
 * (one element per index, along an axis). Negative indices count from the end; out-of-range
 * indices are an error naming the node.
 */
final class GatherKernels {
    private GatherKernels() {
    }

    static void register(BiConsumer<String, ReferenceKernel> r) {
        r.accept("Gather", GatherKernels::gather);
        r.accept("GatherElements", GatherKernels::gatherElements);
    }

    private static List<Tensor> gather(Node node, List<Tensor> in) {
        Tensor data = in.get(0);
        Tensor indices = in.get(1);
        int axis = Gather.axis(node, data.shape().rank());
        int q = indices.shape().rank();
        Tensor y = Outputs.allocate(node, 0);
        int[] outCoords = new int[y.shape().rank()];
        int[] indexCoords = new int[q];
        int[] dataCoords = new int[data.shape().rank()];
        for (int o = 0; o < y.numElements(); o++) {
            MultiIndex.unravel(o, y.shape(), outCoords);
            // out = data[:axis] + indices.shape + data[axis+1:]
            System.arraycopy(outCoords, axis, indexCoords, 0, q);
            long index = indices.getLong(MultiIndex.ravel(indexCoords, indices.shape()));
            for (int a = 0; a < dataCoords.length; a++) {
                if (a < axis) {
                    dataCoords[a] = outCoords[a];
                } else if (a == axis) {
                    dataCoords[a] = Gather.index(node, index, data.shape().dim(axis));
                } else {
                    dataCoords[a] = outCoords[a - 1 + q];
                }
            }
            Elements.copy(data, MultiIndex.ravel(dataCoords, data.shape()), y, o);
        }
        return List.of(y);
    }

    private static List<Tensor> gatherElements(Node node, List<Tensor> in) {
        Tensor data = in.get(0);
        Tensor indices = in.get(1);
        int axis = Gather.axis(node, data.shape().rank());
        Tensor y = Outputs.allocate(node, 0, indices.shape());
        int[] coords = new int[indices.shape().rank()];
        for (int o = 0; o < y.numElements(); o++) {
            MultiIndex.unravel(o, indices.shape(), coords);
            coords[axis] = Gather.index(node, indices.getLong(o), data.shape().dim(axis));
            Elements.copy(data, MultiIndex.ravel(coords, data.shape()), y, o);
        }
        return List.of(y);
    }
}
