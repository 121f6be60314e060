package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.i;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.Node;

/** Cast and CastLike as {@code Cast.run}, overloaded on the (source, target) element types. */
final class CastLowerer implements Lowerer {
    @Override
    public void lower(Node node, LayerBuilder layer) {
        layer.call(Runtime.CAST, "run", layer.inType(0).dtype() + " -> " + layer.outType(0).dtype(), layer.in(0),
                layer.out(0), i(LayerBuilder.elements(layer.outShape(0))));
    }
}
