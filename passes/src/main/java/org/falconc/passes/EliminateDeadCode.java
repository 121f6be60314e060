package org.falconc.passes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Value;

/**
 * Removes nodes that do not (transitively) feed a graph output and constants nothing reads.
 * Graph inputs stay even when unused: they are the model's interface.
 */
public final class EliminateDeadCode implements Pass {
    public static final String NAME = "eliminate-dead-code";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean run(Graph g, PassContext ctx) {
        Set<Node> live = g.liveNodes();
        List<Node> dead = new ArrayList<>();
        for (Node n : g.nodes()) {
            if (!live.contains(n)) {
                dead.add(n);
            }
        }
        for (Node n : dead) {
            g.removeNode(n);
        }

        Set<Value> used = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node n : g.nodes()) {
            used.addAll(n.inputs());
        }
        used.addAll(g.outputs());
        List<Value> unusedConstants = new ArrayList<>();
        for (Value c : g.constants()) {
            if (!used.contains(c)) {
                unusedConstants.add(c);
            }
        }
        for (Value c : unusedConstants) {
            g.removeConstant(c);
        }

        if (!dead.isEmpty() || !unusedConstants.isEmpty()) {
            ctx.log("removed " + dead.size() + " nodes and " + unusedConstants.size() + " constants");
        }
        return !dead.isEmpty() || !unusedConstants.isEmpty();
    }
}
