package org.falconc.interp.tensor;

import java.util.List;
import org.falconc.interp.Elements;
import org.falconc.interp.MultiIndex;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.tensor.Tile;

/** Reference kernel of Tile: output coordinate c on an axis of input size d reads coordinate c mod d. */
final class TileKernel {
    private TileKernel() {
    }

    static final ReferenceKernel KERNEL = (node, in) -> {
        Tensor x = in.get(0);
        Tensor y = Outputs.allocate(node, 0, Tile.outputShape(node, x.shape(), in.get(1)));
        int[] coords = new int[x.shape().rank()];
        for (int o = 0; o < y.numElements(); o++) {
            MultiIndex.unravel(o, y.shape(), coords);
            for (int a = 0; a < coords.length; a++) {
                coords[a] %= x.shape().dim(a);
            }
            Elements.copy(x, MultiIndex.ravel(coords, x.shape()), y, o);
        }
        return List.of(y);
    };
}
