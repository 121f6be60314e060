package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.i;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.Node;

/** EyeLike: the output depends only on the input's (static) shape, so the call writes it without reading the input. */
final class EyeLikeLowerer implements Lowerer {
    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] y = layer.outShape(0);
        long k = node.attrs().getInt("k", 0);
        // A diagonal beyond the matrix is all zeros; clamping keeps it an int.
        int diagonal = (int) Math.max(-(long) y[0] - 1, Math.min(y[1] + 1L, k));
        layer.call(Runtime.EYE_LIKE, Runtime.anyTypeMethod(layer.outType(0).dtype()), "diagonal " + k, layer.out(0),
                i(y[0]), i(y[1]), i(diagonal));
    }
}
