package org.falconc.ir.ops.nn;

import java.util.ArrayList;
import java.util.List;
import org.falconc.ir.Attributes;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;
import org.falconc.ir.ops.OpRegistry;

/** Builds single-node graphs for type-inference tests: inputs are typed graph inputs, constants or absent. */
final class NnNodes {
    private final Graph graph = new Graph("t");
    private final List<Value> inputs = new ArrayList<>();
    private final Attributes attrs = new Attributes();
    private final String op;

    private NnNodes(String op) {
        this.op = op;
    }

    static NnNodes op(String op) {
        return new NnNodes(op);
    }

    NnNodes input(TensorType type) {
        inputs.add(graph.addInput("in" + inputs.size(), type));
        return this;
    }

    NnNodes constant(Tensor t) {
        inputs.add(graph.addConstant("in" + inputs.size(), t));
        return this;
    }

    NnNodes absent() {
        inputs.add(null);
        return this;
    }

    NnNodes attrs(java.util.function.Consumer<Attributes> set) {
        set.accept(attrs);
        return this;
    }

    Node node(int outputs) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            names.add("out" + i);
        }
        return graph.addNode(op, "n", inputs, names, attrs);
    }

    /** The inferred output types of the node with {@code outputs} outputs. */
    List<TensorType> infer(int outputs) {
        Node n = node(outputs);
        return OpRegistry.of(n).inference().infer(n);
    }

    /** The inferred type of the single output. */
    TensorType infer() {
        return infer(1).get(0);
    }
}
