package org.falconc.interp.tensor;

import java.util.List;
import org.falconc.interp.Elements;
import org.falconc.interp.MultiIndex;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.tensor.Transpose;

/** Reference kernel of Transpose: output coordinate i is input coordinate perm[i]. */
final class TransposeKernel {
    private TransposeKernel() {
    }

    static final ReferenceKernel KERNEL = (node, in) -> {
        Tensor x = in.get(0);
        int[] perm = Transpose.perm(node, x.shape().rank());
        int[] dims = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            dims[i] = x.shape().dim(perm[i]);
        }
        Tensor y = Outputs.allocate(node, 0, Shape.of(dims));
        int[] outCoords = new int[perm.length];
        int[] inCoords = new int[perm.length];
        for (int o = 0; o < y.numElements(); o++) {
            MultiIndex.unravel(o, y.shape(), outCoords);
            for (int i = 0; i < perm.length; i++) {
                inCoords[perm[i]] = outCoords[i];
            }
            Elements.copy(x, MultiIndex.ravel(inCoords, x.shape()), y, o);
        }
        return List.of(y);
    };
}
