package org.falconc.frontend;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.falconc.ir.Attributes;
import org.falconc.ir.Graph;
import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;

/**
 * Collects what the op adapters emit (constants right away, nodes by value names) and then links the
 * nodes into the IR graph, in file order first and topologically sorted at the end.
 */
final class GraphBuilder {
    private final Graph graph;
    private final Set<String> taken;
    private final List<PendingNode> pending = new ArrayList<>();

    /** @param onnxNames every value name the ONNX graph defines; fresh names avoid them */
    GraphBuilder(Graph graph, Set<String> onnxNames) {
        this.graph = graph;
        this.taken = new HashSet<>(onnxNames);
    }

    /** A value name used nowhere in the model yet, derived from {@code base}. */
    String freshName(String base) {
        String b = base == null || base.isEmpty() ? "t" : base;
        String name = b;
        for (int i = 1; taken.contains(name) || graph.hasValue(name); i++) {
            name = b + "_" + i;
        }
        taken.add(name);
        return name;
    }

    /** Adds a constant under a fresh name derived from {@code base}; returns the name. */
    String addConstant(String base, Tensor data) {
        String name = freshName(base);
        graph.addConstant(name, data);
        return name;
    }

    /** Adds a constant under exactly {@code name} (an ONNX initializer or Constant output). */
    void defineConstant(String name, Tensor data) {
        taken.add(name);
        graph.addConstant(name, data);
    }

    /** The data of the constant named {@code name}, or null when it is not a constant (or not yet defined). */
    Tensor constant(String name) {
        Value v = name == null ? null : graph.value(name);
        return v == null ? null : v.constant();
    }

    /**
     * The shape of a graph input or constant, or null for a node output: node types are only inferred
     * after import, so adapters that need a shape must also handle it being unknown.
     */
    Shape knownShape(String name) {
        Value v = name == null ? null : graph.value(name);
        return v != null && v.hasType() ? v.type().shape() : null;
    }

    /** Asks for a one-output node whose output gets a fresh name derived from {@code base}; returns that name. */
    String emitTo(String op, String name, List<String> inputs, String base, Attributes attrs) {
        String result = freshName(base);
        emit(op, name, inputs, List.of(result), attrs);
        return result;
    }

    /** Asks for a node; null inputs and outputs are omitted optional ones. */
    void emit(String op, String name, List<String> inputs, List<String> outputs, Attributes attrs) {
        List<String> in = new ArrayList<>(inputs);
        while (!in.isEmpty() && in.get(in.size() - 1) == null) {
            in.remove(in.size() - 1);
        }
        List<String> out = new ArrayList<>(outputs);
        while (!out.isEmpty() && out.get(out.size() - 1) == null) {
            out.remove(out.size() - 1);
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) == null) {
                // An omitted output before a present one still needs a value in the IR.
                out.set(i, freshName((name == null || name.isEmpty() ? op : name) + "_unused" + i));
            }
        }
        pending.add(new PendingNode(op, name, in, out, attrs));
    }

    /**
     * Creates the IR nodes, links inputs defined later in the file, sets the graph outputs and sorts the
     * nodes topologically (throwing, naming a node, on a cycle).
     */
    Graph finish(List<String> outputNames) {
        record Fixup(Node node, int input, String name) {
        }
        List<Fixup> fixups = new ArrayList<>();
        for (PendingNode p : pending) {
            List<Value> in = new ArrayList<>(p.inputs().size());
            List<Integer> later = new ArrayList<>();
            for (int i = 0; i < p.inputs().size(); i++) {
                String name = p.inputs().get(i);
                Value v = name == null ? null : graph.value(name);
                if (name != null && v == null) {
                    later.add(i);
                }
                in.add(v);
            }
            Node node;
            try {
                node = graph.addNode(p.op(), p.name(), in, p.outputs(), p.attrs());
            } catch (IrException e) {
                throw new FrontendException(p.op() + " '" + p.name() + "': " + e.getMessage(), e);
            }
            for (int i : later) {
                fixups.add(new Fixup(node, i, p.inputs().get(i)));
            }
        }
        for (Fixup f : fixups) {
            Value v = graph.value(f.name());
            if (v == null) {
                throw new FrontendException(f.node().describe() + ": reads '" + f.name()
                        + "', which no graph input, initializer or node defines");
            }
            f.node().setInput(f.input(), v);
        }
        for (String name : outputNames) {
            Value v = graph.value(name);
            if (v == null) {
                throw new FrontendException("graph output '" + name + "' is not defined by any input, initializer or node");
            }
            graph.addOutput(v);
        }
        try {
            graph.sortTopologically();
        } catch (IrException e) {
            throw new FrontendException(e.getMessage(), e);
        }
        return graph;
    }
}
