package org.falconc.codegen.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.falconc.ir.ops.OpRegistry;
import org.falconc.ir.ops.OpSchema;
import org.junit.jupiter.api.Test;

/**
 * Every op the IR accepts can be compiled: it has a lowerer, or fold-constants always replaces it by
 * a constant before lowering (so the frontend may produce any IR op and every engine runs it).
 */
class LoweringCoverageTest {
    /**
     * Ops that never reach lowering: Shape and Size are folded from their input's type; the others have
     * only shape operands, which must be constants for the node to be typed, so the node folds.
     */
    private static final Set<String> ALWAYS_FOLDED = Set.of("Shape", "Size", "Range");

    @Test
    void everyIrOpHasALowererOrIsAlwaysFolded() {
        Set<String> lowered = LowererRegistry.standard().ops();
        Set<String> missing = new TreeSet<>();
        for (String op : OpRegistry.ops()) {
            if (!lowered.contains(op) && !ALWAYS_FOLDED.contains(op)) {
                missing.add(op);
            }
        }
        assertEquals(Set.of(), missing, "IR ops with neither a lowerer nor a place in ALWAYS_FOLDED");
    }

    @Test
    void alwaysFoldedOpsAreIrOpsWithoutLowerersThatFoldingResolves() {
        for (String op : ALWAYS_FOLDED) {
            OpSchema schema = OpRegistry.find(op);
            assertNotNull(schema, op + " is not an IR op");
            assertTrue(LowererRegistry.standard().find(op) == null, op + " has a lowerer: remove it from ALWAYS_FOLDED");
            boolean foldedFromType = op.equals("Shape") || op.equals("Size");
            boolean onlyShapeOperands = schema.shapeOperands().size() == schema.maxInputs();
            assertTrue(foldedFromType || onlyShapeOperands, op + " has data inputs, so it is not always folded");
        }
    }

    @Test
    void everyLowererIsForAnIrOp() {
        Set<String> unknown = new TreeSet<>(LowererRegistry.standard().ops());
        unknown.removeAll(OpRegistry.ops());
        assertEquals(Set.of(), unknown, "lowerers of ops the IR does not define");
    }
}
