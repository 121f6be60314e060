package org.falconc.ir.ops.tensor;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.falconc.ir.Attributes;
import org.falconc.ir.Graph;
import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;
import org.falconc.ir.ops.OpRegistry;

/** Builds one node with typed (or constant) inputs and runs its op's type inference. */
final class InferenceHarness {
    private final Graph graph = new Graph("test");
    private final String op;
    private final List<Value> inputs = new ArrayList<>();
    private final Attributes attrs = new Attributes();
    private int outputs = 1;

    private InferenceHarness(String op) {
        this.op = op;
    }

    static InferenceHarness op(String op) {
        return new InferenceHarness(op);
    }

    /** A non-constant input of the given type, e.g. {@code "f32[2,3]"}. */
    InferenceHarness in(String type) {
        inputs.add(graph.addInput(graph.freshName("x"), parse(type)));
        return this;
    }

    InferenceHarness constant(Tensor t) {
        inputs.add(graph.addConstant(graph.freshName("c"), t));
        return this;
    }

    InferenceHarness absent() {
        inputs.add(null);
        return this;
    }

    InferenceHarness attrs(java.util.function.Consumer<Attributes> set) {
        set.accept(attrs);
        return this;
    }

    InferenceHarness outputs(int n) {
        outputs = n;
        return this;
    }

    Node node() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            names.add("y" + i);
        }
        return graph.addNode(op, "n", inputs, names, attrs);
    }

    List<TensorType> infer() {
        Node n = node();
        return OpRegistry.of(n).inference().infer(n);
    }

    /** The single output type, as text. */
    String type() {
        List<TensorType> t = infer();
        return t.size() == 1 ? t.get(0).toString() : t.toString();
    }

    /** Asserts inference fails with a message naming the node and containing {@code fragment}. */
    void fails(String fragment) {
        IrException e = assertThrows(IrException.class, this::infer);
        assertTrue(e.getMessage().startsWith(op + " 'n': "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    static TensorType parse(String text) {
        int open = text.indexOf('[');
        String dims = text.substring(open + 1, text.length() - 1);
        int[] d = dims.isEmpty() ? new int[0]
                : java.util.Arrays.stream(dims.split(",")).mapToInt(Integer::parseInt).toArray();
        return TensorType.of(org.falconc.ir.DType.fromText(text.substring(0, open)), d);
    }
}
