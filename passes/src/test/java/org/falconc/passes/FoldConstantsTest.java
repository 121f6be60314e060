package org.falconc.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.falconc.ir.Attributes;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;
import org.falconc.ir.Verifier;
import org.junit.jupiter.api.Test;

class FoldConstantsTest {
    private static final String TRANSPOSED_WEIGHT = """
            graph main(%x: f32[1,2]) -> (%y) {
              %w = const f32[3,2] [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
              %wt = Transpose (%w) {perm = [1, 0]}
              %y = MatMul (%x, %wt)
            }
            """;

    @Test
    void resultsLargerThanTheLimitAreTypedButNotFolded() {
        Graph g = IrText.parse(TRANSPOSED_WEIGHT);
        List<String> log = new ArrayList<>();
        PassOptions options = PassOptions.defaults().withFoldLimitElements(5).withLog(log::add);
        assertTrue(new FoldConstants().run(g, IrText.context(new FoldConstants(), options)));
        IrText.assertGraph("""
                graph main(%x: f32[1,2]) -> (%y) {
                  %w = const f32[3,2] [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
                  %wt = Transpose (%w) {perm = [1, 0]} : f32[2,3]
                  %y = MatMul (%x, %wt) : f32[1,3]
                }
                """, g);
        assertEquals(List.of("fold-constants: not folding Transpose node (output 'wt'): 6 elements exceed the limit of 5"),
                log);
    }

    @Test
    void resultsAtTheLimitAreFolded() {
        Graph g = IrText.parse(TRANSPOSED_WEIGHT);
        PassOptions options = PassOptions.defaults().withFoldLimitElements(6);
        assertTrue(new FoldConstants().run(g, IrText.context(new FoldConstants(), options)));
        assertTrue(g.value("wt").isConstant());
    }

    @Test
    void nodesOutOfOrderAreSortedFirst() {
        Graph g = new Graph("main");
        Value x = g.addInput("x", TensorType.of(DType.F32, 1, 2));
        Value w = g.addConstant("w", Tensor.ofFloats(Shape.of(3, 2), 1, 2, 3, 4, 5, 6));
        Node matMul = g.addNode("MatMul", "mm", List.of(x, w), List.of("y"), null);
        Node transpose = g.addNode("Transpose", "t", List.of(w), List.of("wt"), new Attributes().setInts("perm", 1, 0));
        matMul.setInput(1, transpose.output(0)); // the MatMul now reads a value defined after it
        g.addOutput(matMul.output(0));

        assertTrue(new FoldConstants().run(g, IrText.context(new FoldConstants())));
        IrText.assertGraph("""
                graph main(%x: f32[1,2]) -> (%y) {
                  %w = const f32[3,2] [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
                  %wt = const f32[2,3] [1.0, 3.0, 5.0, 2.0, 4.0, 6.0]
                  %y = MatMul "mm" (%x, %wt) : f32[1,3]
                }
                """, g);
        Verifier.verify(g);
    }
}
