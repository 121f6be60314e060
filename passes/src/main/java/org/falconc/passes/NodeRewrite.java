package org.falconc.passes;

import java.util.ArrayList;
import java.util.List;
import org.falconc.ir.Attributes;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Value;

/** Rewrites of one node in place that keep its output value names (Node outputs are fixed at creation). */
final class NodeRewrite {
    private NodeRewrite() {
    }

    /**
     * Replaces {@code old} by a new node ({@code op}, same node name, {@code inputs}, {@code attrs}) at the
     * same position, typed by its schema. The new node has {@code outputs} outputs: the first ones take
     * over the old outputs' names and uses; an output beyond the old ones is named
     * {@code extraNames.get(i - old.numOutputs())}; old outputs beyond the new ones must be unused.
     */
    static Node replace(Graph g, Node old, String op, List<Value> inputs, Attributes attrs, int outputs,
                        List<String> extraNames) {
        inputs = new ArrayList<>(inputs);
        while (!inputs.isEmpty() && inputs.get(inputs.size() - 1) == null) {
            inputs.remove(inputs.size() - 1);
        }
        List<String> temp = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            temp.add(g.freshName(i < old.numOutputs() ? old.output(i).name() : extraNames.get(i - old.numOutputs())));
        }
        for (int i = outputs; i < old.numOutputs(); i++) {
            if (NodeReplacement.isUsed(g, old.output(i))) {
                throw new IllegalStateException("%" + old.output(i).name() + " of " + old.describe() + " is still used");
            }
        }
        Node n = g.insertNodeBefore(old, op, old.name(), inputs, temp, attrs);
        OutputTypes.assign(n);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            if (i < old.numOutputs()) {
                names.add(old.output(i).name());
                g.replaceAllUses(old.output(i), n.output(i));
            } else {
                names.add(extraNames.get(i - old.numOutputs()));
            }
        }
        g.removeNode(old);
        for (int i = 0; i < outputs; i++) {
            g.rename(n.output(i), names.get(i));
        }
        return n;
    }

    /** Inserts a node right after {@code anchor} (or first when anchor is null) and types it. */
    static Node insertAfter(Graph g, Node anchor, String op, String name, List<Value> inputs, String outputName,
                            Attributes attrs) {
        List<Node> nodes = g.nodes();
        int at = anchor == null ? 0 : nodes.indexOf(anchor) + 1;
        Node n = at < nodes.size()
                ? g.insertNodeBefore(nodes.get(at), op, name, inputs, List.of(outputName), attrs)
                : g.addNode(op, name, inputs, List.of(outputName), attrs);
        OutputTypes.assign(n);
        return n;
    }
}
