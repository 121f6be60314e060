package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.f;
import static org.falconc.codegen.lower.Args.i;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.Node;

/**
 * BatchNormalization (inference; normally folded into the conv before lowering),
 * InstanceNormalization and LRN, on x viewed as [n, c, inner].
 */
final class NormalizationLowerer implements Lowerer {
    @Override
    public int[] inPlaceInputs(Node node) {
        // LRN reads neighbouring channels after writing: never in place.
        return node.op().equals("LRN") ? new int[0] : new int[] {0};
    }

    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] x = layer.inShape(0);
        if (x.length < 2) {
            throw layer.unsupported("input " + layer.inType(0) + " has no channel axis");
        }
        int n = x[0];
        int c = x[1];
        int inner = LayerBuilder.elements(x) / Math.max(1, n * c);
        switch (node.op()) {
            case "BatchNormalization" -> {
                if (node.attrs().getInt("training_mode", 0) != 0 || node.numOutputs() > 1) {
                    throw layer.unsupported("training mode is not supported");
                }
                layer.call(Runtime.BATCH_NORM, "inference", "per channel a·x + b", layer.in(0), layer.out(0), i(n), i(c),
                        i(inner), layer.in(1), layer.in(2), layer.in(3), layer.in(4),
                        f(node.attrs().getFloat("epsilon", 1e-5f)));
            }
            case "InstanceNormalization" -> layer.call(Runtime.INSTANCE_NORM, "run", "per plane", layer.in(0), layer.out(0),
                    i(n), i(c), i(inner), layer.in(1), layer.in(2), f(node.attrs().getFloat("epsilon", 1e-5f)));
            default -> layer.call(Runtime.LRN, "run", "across channels", layer.in(0), layer.out(0), i(n), i(c), i(inner),
                    i((int) node.attrs().getInt("size")), f(node.attrs().getFloat("alpha", 1e-4f)),
                    f(node.attrs().getFloat("beta", 0.75f)), f(node.attrs().getFloat("bias", 1f)));
        }
    }
}
