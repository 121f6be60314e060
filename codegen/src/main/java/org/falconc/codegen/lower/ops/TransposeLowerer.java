package org.falconc.codegen.lower.ops;

import java.util.Arrays;
import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.Node;
import org.falconc.ir.ops.tensor.Transpose;

/** Transpose with its (default: reversed) permutation. */
final class TransposeLowerer implements Lowerer {
    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] in = layer.inShape(0);
        int[] perm = Transpose.perm(node, in.length);
        layer.call(Runtime.TRANSPOSE, "run", "perm " + Arrays.toString(perm), layer.in(0), layer.out(0),
                layer.intTable("inShape", in), layer.intTable("perm", perm));
    }
}
