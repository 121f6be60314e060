package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.bool;
import static org.falconc.codegen.lower.Args.i;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.Node;

/**
 * Dropout in inference mode (the schema rejects training with a positive ratio), kept by the passes
 * when removing it would change the model's interface: the output is a view of the input (its
 * buffer), and the optional mask is filled with true.
 */
final class DropoutLowerer implements Lowerer {
    @Override
    public boolean isView(Node node) {
        return true;
    }

    @Override
    public void lower(Node node, LayerBuilder layer) {
        if (node.numOutputs() > 1 && node.output(1) != null) {
            layer.call(Runtime.FILL, "bools", "mask: all true", layer.out(1),
                    i(LayerBuilder.elements(layer.outShape(1))), bool(true));
        }
    }
}
