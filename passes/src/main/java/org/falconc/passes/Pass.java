package org.falconc.passes;

import org.falconc.ir.Graph;

/**
 * One graph-to-graph transformation. Passes rewrite the graph in place, keep nodes in topological
 * order and never rename graph inputs or outputs (they are the model's interface).
 */
public interface Pass {
    /** The pass's kebab-case name, as used by {@code --dump-ir} and {@code --stop-after}, e.g. {@code fold-constants}. */
    String name();

    /**
     * Runs the pass on {@code g}.
     *
     * @return whether the graph changed
     * @throws org.falconc.ir.IrException naming the node at fault when the graph cannot be handled
     */
    boolean run(Graph g, PassContext ctx);
}
