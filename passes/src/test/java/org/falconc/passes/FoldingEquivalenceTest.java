package org.falconc.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.falconc.interp.Interpreter;
import org.falconc.ir.Attributes;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The optimised graph computes exactly what the imported one does: the reference interpreter on
 * the output of the standard pipeline against the reference interpreter on the original graph,
 * for random inputs.
 */
class FoldingEquivalenceTest {
    /**
     * A small exported-style CNN: a weight scaled by a constant (a folded weight transform), a bias
     * cast from i64, an Identity and a Dropout, a flatten whose target shape is computed from
     * Shape/Gather/Unsqueeze/Concat, a transposed classifier weight, and a constant graph output.
     */
    private static Graph model() {
        Random rnd = new Random(7);
        Graph g = new Graph("cnn");
        Value x = g.addInput("x", TensorType.of(DType.F32, 1, 3, 6, 6));
        Value w0 = g.addConstant("w0", randomFloats(rnd, Shape.of(4, 3, 3, 3)));
        Value scale = g.addConstant("scale", randomFloats(rnd, Shape.of(4, 1, 1, 1)));
        Value b0 = g.addConstant("b0", Tensor.vector(3, -1, 0, 2));
        Value zero = g.addConstant("zero", Tensor.scalar(0L));
        Value axes = g.addConstant("axes", Tensor.vector(0));
        Value minus1 = g.addConstant("minus1", Tensor.vector(-1));
        Value fc = g.addConstant("fc", randomFloats(rnd, Shape.of(5, 144)));
        Value k1 = g.addConstant("k1", randomFloats(rnd, Shape.of(5)));
        Value k2 = g.addConstant("k2", randomFloats(rnd, Shape.of(5)));

        Value w = node(g, "Mul", List.of(w0, scale), "w", new Attributes());
        Value b = node(g, "Cast", List.of(b0), "b", new Attributes().setInt("to", 1));
        Value c = node(g, "Conv", List.of(x, w, b), "c", new Attributes().setInts("pads", 1, 1, 1, 1));
        Value i = node(g, "Identity", List.of(c), "i", new Attributes());
        Value d = node(g, "Dropout", List.of(i), "d", new Attributes());
        Value r = node(g, "Relu", List.of(d), "r", new Attributes());
        Value s = node(g, "Shape", List.of(r), "s", new Attributes());
        Value n = node(g, "Gather", List.of(s, zero), "n", new Attributes().setInt("axis", 0));
        Value u = node(g, "Unsqueeze", List.of(n, axes), "u", new Attributes());
        Value t = node(g, "Concat", List.of(u, minus1), "t", new Attributes().setInt("axis", 0));
        Value f = node(g, "Reshape", List.of(r, t), "f", new Attributes());
        Value fct = node(g, "Transpose", List.of(fc), "fct", new Attributes().setInts("perm", 1, 0));
        Value logits = node(g, "MatMul", List.of(f, fct), "logits", new Attributes());
        Value y = node(g, "Softmax", List.of(logits), "y", new Attributes().setInt("axis", -1));
        Value k = node(g, "Add", List.of(k1, k2), "k", new Attributes());
        g.addOutput(y);
        g.addOutput(k);
        return g;
    }

    private static Value node(Graph g, String op, List<Value> inputs, String output, Attributes attrs) {
        Node n = g.addNode(op, output + "_node", inputs, List.of(output), attrs);
        return n.output(0);
    }

    private static Tensor randomFloats(Random rnd, Shape shape) {
        float[] data = new float[shape.numElements()];
        for (int i = 0; i < data.length; i++) {
            data[i] = rnd.nextFloat() * 2 - 1;
        }
        return Tensor.ofFloats(shape, data);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void standardPipelineKeepsTheResults(int seed) {
        Graph optimized = model();
        PassManager.run(optimized, PassOptions.defaults());
        // Everything but the real computation is gone or constant.
        assertEquals(Map.of("Conv", 1, "Relu", 1, "Reshape", 1, "MatMul", 1, "Softmax", 1), optimized.opHistogram());
        assertTrue(optimized.value("k").isConstant());
        assertEquals(List.of("y", "k"), optimized.outputs().stream().map(Value::name).toList());

        Map<String, Tensor> inputs = Map.of("x", randomFloats(new Random(seed), Shape.of(1, 3, 6, 6)));
        Map<String, Tensor> expected = EagerInterpreter.run(model(), inputs);
        Map<String, Tensor> actual = Interpreter.run(optimized, inputs);
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertTrue(expected.get(name).contentEquals(actual.get(name)), "output " + name + " differs");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void foldedWeightsMatchTheUnfoldedGraph(int seed) {
        String text = """
                graph main(%x: f32[2,3]) -> (%y) {
                  %w = const f32[4,3] [0.5, -1.0, 2.0, 1.0, 0.25, -0.5, 3.0, 0.0, -2.0, 1.5, 1.0, -0.75]
                  %ib = const i64[4] [1, -2, 3, 0]
                  %wt = Transpose (%w) {perm = [1, 0]}
                  %b = Cast (%ib) {to = 1}
                  %m = MatMul (%x, %wt)
                  %y = Add (%m, %b)
                }
                """;
        Graph unfolded = IrText.parse(text);
        new InferShapes().run(unfolded, IrText.context(new InferShapes()));
        Graph folded = IrText.parse(text);
        PassManager.run(folded, PassOptions.defaults());
        assertFalse(folded.opHistogram().containsKey("Transpose"));
        assertFalse(folded.opHistogram().containsKey("Cast"));

        Map<String, Tensor> inputs = Map.of("x", randomFloats(new Random(seed), Shape.of(2, 3)));
        Tensor expected = Interpreter.run(unfolded, inputs).get("y");
        Tensor actual = Interpreter.run(folded, inputs).get("y");
        assertNotSame(expected, actual);
        assertTrue(expected.contentEquals(actual));
    }
}
