package org.falconc.codegen.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.falconc.codegen.TestModels;
import org.falconc.codegen.program.Arg;
import org.falconc.codegen.program.KernelCall;
import org.falconc.codegen.program.Layer;
import org.falconc.codegen.program.Program;
import org.falconc.codegen.program.Slot;
import org.falconc.ir.Graph;
import org.falconc.runtime.model.CompiledModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concat inputs written in place into the concat buffer and Split outputs aliasing their slice of the
 * input (contiguous parts only), the cases where that would be wrong and must copy, and the results
 * against the interpreter.
 */
class PartitionPlanTest {
    @TempDir
    Path dir;

    private static List<KernelCall> calls(Program p, String method) {
        return p.layers().stream().flatMap(l -> l.calls().stream()).filter(c -> c.method().equals(method)).toList();
    }

    /** The slot of the {@code index}-th buffer argument of the first call of layer {@code op}. */
    private static Slot bufferArg(Program p, String op, int index) {
        Layer layer = p.layers().stream().filter(l -> l.op().equals(op)).findFirst().orElseThrow();
        return layer.kernelCalls().get(0).args().stream().filter(a -> a instanceof Arg.Buffer).map(a -> ((Arg.Buffer) a).slot())
                .toList().get(index);
    }

    private CompiledModel checkAgainstInterpreter(Graph g, String name) {
        CompiledModel m = TestModels.load(g, name, dir);
        for (long seed = 1; seed <= 2; seed++) {
            Map<String, float[]> in = TestModels.randomInputs(g, seed);
            TestModels.assertClose(TestModels.reference(g, in), m.run(in));
        }
        return m;
    }

    @Test
    void concatInputsAreWrittenInPlace() {
        Graph g = TestModels.graph("""
                graph g(%x: f32[1,2,3,3]) -> (%y) {
                  %a = Relu (%x)
                  %b = Neg (%x)
                  %c = Concat (%a, %b) {axis = 1}
                  %y = Sigmoid (%c)
                }""");
        Program p = Lowering.lower(g, "", "M");
        assertEquals(List.of(), calls(p, "copyInto"), "no copies");
        // The concat buffer is the output array (Sigmoid runs in place there): Relu and Neg write their halves of it.
        assertEquals(new Slot.Output(0, org.falconc.ir.DType.F32, 0, 18), bufferArg(p, "Relu", 1));
        assertEquals(new Slot.Output(0, org.falconc.ir.DType.F32, 18, 18), bufferArg(p, "Neg", 1));
        checkAgainstInterpreter(g, "ConcatInPlace");
    }

    @Test
    void nestedConcatsAndArenaPartsShareTheOuterBuffer() {
        Graph g = TestModels.graph("""
                graph g(%x: f32[1,2,2,2]) -> (%y) {
                  %a = Relu (%x)
                  %b = Neg (%x)
                  %c = Concat (%a, %b) {axis = 1}
                  %d = Exp (%x)
                  %e = Concat (%d, %c) {axis = 1}
                  %y = Softmax (%e) {axis = 1}
                }""");
        Program p = Lowering.lower(g, "", "M");
        assertEquals(List.of(), calls(p, "copyInto"));
        assertEquals(new Slot.Output(0, org.falconc.ir.DType.F32, 8, 8), bufferArg(p, "Relu", 1));
        assertEquals(new Slot.Output(0, org.falconc.ir.DType.F32, 16, 8), bufferArg(p, "Neg", 1));
        checkAgainstInterpreter(g, "NestedConcat");
    }

    @Test
    void aPartReadAfterTheConcatBufferIsOverwrittenIsCopied() {
        // Relu works in place on the concat buffer while %a is still to be read: %a needs a buffer of
        // its own (it ends up as a part of the second concat, written in place there).
        Graph g = TestModels.graph("""
                graph g(%x: f32[1,2,3]) -> (%y) {
                  %a = Neg (%x)
                  %b = Exp (%x)
                  %c = Concat (%a, %b) {axis = 1}
                  %r = Relu (%c)
                  %t = Relu (%r)
                  %y = Concat (%t, %a) {axis = 1}
                }""");
        Program p = Lowering.lower(g, "", "M");
        List<KernelCall> copies = calls(p, "copyInto");
        assertEquals(1, copies.size(), copies.toString());
        assertTrue(copies.get(0).comment().startsWith("input 0 -> [0, 2)"), copies.get(0).comment());
        checkAgainstInterpreter(g, "ConcatRefused");
    }

    @Test
    void splitOutputsAliasTheirSliceAndNeverWriteTheCallersInput() {
        Graph g = TestModels.graph("""
                graph g(%x: f32[4,3]) -> (%y1, %y3) {
                  %s1, %s2 = Split (%x) {axis = 0, num_outputs = 2}
                  %y1 = Concat (%s2, %s1) {axis = 0}
                  %t1, %t2 = Split (%x) {axis = 0, num_outputs = 2}
                  %u = Relu (%t1)
                  %y3 = Add (%u, %t2)
                }""");
        BufferAssignment buffers = BufferAssignment.assign(g, n -> LowererRegistry.standard().find(n.op()));
        assertTrue(buffers.isPlacedAt(g.value("s2"), g.value("x"), 6));
        assertTrue(buffers.isPlacedAt(g.value("s1"), g.value("x"), 0));
        assertTrue(buffers.isPlacedAt(g.value("t2"), g.value("x"), 6));
        // %t1 dies at a Relu that would run in place: writing the caller's input is not allowed, so %t1 is copied.
        assertTrue(!buffers.isPlacedAt(g.value("t1"), g.value("x"), 0));
        Program p = Lowering.lower(g, "", "M");
        assertEquals(1, calls(p, "copyOut").size(), "only the part written in place is copied");
        assertEquals(new Slot.Input(0, org.falconc.ir.DType.F32, 6, 6), bufferArg(p, "Concat", 0));
        CompiledModel m = checkAgainstInterpreter(g, "SplitAlias");
        float[] x = {1, -2, 3, -4, 5, -6, 7, -8, 9, -10, 11, -12};
        float[] copy = x.clone();
        m.run(Map.of("x", x));
        assertArrayEquals(copy, x, "the input is untouched");
    }

    @Test
    void stridedPartsAreCopied() {
        Graph g = TestModels.graph("""
                graph g(%x: f32[2,3]) -> (%y) {
                  %a = Relu (%x)
                  %c = Concat (%a, %x) {axis = 1}
                  %p, %q = Split (%c) {axis = 1, num_outputs = 2}
                  %y = Add (%p, %q)
                }""");
        Program p = Lowering.lower(g, "", "M");
        assertEquals(2, calls(p, "copyInto").size());
        assertEquals(2, calls(p, "copyOut").size());
        assertTrue(checkAgainstInterpreter(g, "Strided") != null);
    }
}
