package org.falconc.codegen.emit;

import java.util.List;
import org.falconc.codegen.program.Layer;

/**
 * A method of the generated code running consecutive layers: either one layer, an instance method
 * of the model class named after its node ({@code helper} -1), or, in a graph too large for one
 * class, several layers in a static method {@code layers$<n>(Model model, ...)} of the nested helper
 * class {@code Layers$<helper>}. {@code $} never occurs in a layer's name (see JavaNames).
 */
record LayerMethod(String name, List<Layer> layers, int helper) {
    LayerMethod {
        layers = List.copyOf(layers);
    }

    boolean inHelper() {
        return helper >= 0;
    }
}
