package org.falconc.ir.ops.tensor;

import static org.falconc.ir.ops.tensor.InferenceHarness.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.NotStaticException;
import org.falconc.ir.ops.OpRegistry;
import org.junit.jupiter.api.Test;

/** Which inputs the op schemas declare shape operands, and that type inference only ever needs those. */
class ShapeOperandsTest {
    @Test
    void schemasDeclareTheInputsWhoseValueDeterminesOutputShapes() {
        Map<String, Set<Integer>> expected = Map.ofEntries(
                Map.entry("Reshape", Set.of(1)),
                Map.entry("Resize", Set.of(1, 2, 3)),
                Map.entry("Slice", Set.of(1, 2, 3, 4)),
                Map.entry("Split", Set.of(1)),
                Map.entry("ReduceMean", Set.of(1)),
                Map.entry("ReduceSum", Set.of(1)),
                Map.entry("Squeeze", Set.of(1)),
                Map.entry("Unsqueeze", Set.of(1)),
                Map.entry("Pad", Set.of(1, 3)),
                Map.entry("Expand", Set.of(1)),
                Map.entry("Tile", Set.of(1)),
                Map.entry("ConstantOfShape", Set.of(0)),
                Map.entry("Range", Set.of(0, 1, 2)),
                Map.entry("Dropout", Set.of(1, 2)),
                // data only: values never change the output type
                Map.entry("Conv", Set.of()),
                Map.entry("Add", Set.of()),
                Map.entry("Clip", Set.of()),
                Map.entry("Gather", Set.of()),
                Map.entry("Concat", Set.of()));
        expected.forEach((op, operands) -> assertEquals(operands, OpRegistry.find(op).shapeOperands(), op));
        assertTrue(OpRegistry.find("Reshape").isShapeOperand(1));
        assertFalse(OpRegistry.find("Reshape").isShapeOperand(0));
    }

    @Test
    void notStaticNamesTheShapeOperandThatIsNotAConstant() {
        NotStaticException reshape = assertThrows(NotStaticException.class,
                () -> op("Reshape").in("f32[4]").in("i64[2]").infer());
        assertEquals(1, reshape.input());
        NotStaticException ends = assertThrows(NotStaticException.class,
                () -> op("Slice").in("f32[4]").constant(Tensor.vector(0)).in("i64[1]").infer());
        assertEquals(2, ends.input());
    }

    @Test
    void anInferenceThatNeedsAnUndeclaredInputsValueIsAProgrammingError() {
        Node reshape = op("Reshape").in("f32[4]").in("i64[2]").node();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new NotStaticException(reshape, 0, "data"));
        assertTrue(e.getMessage().contains("does not declare input 0 ('data') a shape operand"), e.getMessage());
    }
}
