package org.falconc.passes;

import java.util.LinkedHashMap;
import java.util.Map;
import org.falconc.ir.Graph;
import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;

/**
 * Replaces a node by values that already exist or by new constants, keeping output names: a new
 * constant takes the name of the output it replaces, and a surviving value takes the name of a
 * replaced graph output. Names can only move once the node is gone, hence the two steps:
 * describe each output's replacement, then {@link #commit()}.
 */
final class NodeReplacement {
    private final Graph graph;
    private final Node node;
    private final Map<Value, String> namesToTake = new LinkedHashMap<>();

    NodeReplacement(Graph graph, Node node) {
        this.graph = graph;
        this.node = node;
    }

    /**
     * Whether {@code v} may take the name of a graph output it replaces: only a node's output that
     * is not itself part of the interface (renaming an input, constant or other output would change
     * what the model exposes or lose a name).
     */
    static boolean canTakeOutputName(Graph g, Value v) {
        return v.producer() != null && g.nodes().contains(v.producer())
                && !g.isGraphInput(v) && !g.isGraphOutput(v);
    }

    /** Whether anything reads {@code v}: a node input or a graph output. */
    static boolean isUsed(Graph g, Value v) {
        if (g.isGraphOutput(v)) {
            return true;
        }
        for (Node n : g.nodes()) {
            if (n.inputs().contains(v)) {
                return true;
            }
        }
        return false;
    }

    /** Output {@code i} becomes a new constant holding {@code data}, under the output's name. */
    void outputBecomesConstant(int i, Tensor data) {
        Value out = node.output(i);
        if (out.hasType() && !out.type().equals(data.type())) {
            throw IrException.atNode(node, "folded %" + out.name() + " to " + data.type()
                    + " but its type is " + out.type());
        }
        Value c = graph.addConstant(graph.freshName(out.name()), data);
        graph.replaceAllUses(out, c);
        namesToTake.put(c, out.name());
    }

    /**
     * Uses of output {@code i} read {@code v} instead. When the output is a graph output, {@code v}
     * takes its name; callers check {@link #canTakeOutputName} first.
     */
    void outputBecomes(int i, Value v) {
        Value out = node.output(i);
        if (graph.isGraphOutput(out)) {
            if (!canTakeOutputName(graph, v)) {
                throw new IllegalStateException("%" + v.name() + " cannot take the name of graph output %" + out.name());
            }
            namesToTake.put(v, out.name());
        }
        graph.replaceAllUses(out, v);
    }

    /** Removes the node (whose outputs must have no uses left) and moves the names. */
    void commit() {
        for (Value out : node.outputs()) {
            if (isUsed(graph, out)) {
                throw new IllegalStateException("%" + out.name() + " of " + node.describe() + " is still used");
            }
        }
        graph.removeNode(node);
        namesToTake.forEach(graph::rename);
    }
}
