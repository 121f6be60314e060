package org.falconc.codegen.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.falconc.codegen.TestModels;
import org.falconc.codegen.program.Layer;
import org.falconc.codegen.program.Program;
import org.falconc.codegen.program.Slot;
import org.junit.jupiter.api.Test;

class LoweringTest {
    @Test
    void everyUnsupportedNodeIsListedAtOnce() {
        // Typed by hand, without the pipeline, which would fold Shape and Size away.
        var g = org.falconc.ir.text.IrParser.parse("""
                graph g(%x: f32[3,3]) -> (%y, %t) {
                  %s = Shape "shape" (%x) : i64[2]
                  %y = Cast (%s) {to = 1} : f32[2]
                  %t = Size (%x) : i64[]
                }""");
        UnsupportedOpsException e = assertThrows(UnsupportedOpsException.class, () -> Lowering.lower(g, "", "M"));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("Shape 'shape': no lowering for op Shape"), e.getMessage());
        assertTrue(e.getMessage().contains("Size node (output 't'): no lowering for op Size"), e.getMessage());
    }

    @Test
    void graphInputsAndOutputsKeepTheirElementTypes() {
        var g = TestModels.graph("""
                graph g(%x: f32[3,4], %idx: i32[2]) -> (%i, %p) {
                  %i = ArgMax (%x) {axis = 1}
                  %p = Gather (%x, %idx) {axis = 0}
                }""");
        Program p = Lowering.lower(g, "", "M");
        assertEquals(org.falconc.ir.DType.I32, p.inputs().get(1).dtype());
        assertEquals(org.falconc.ir.DType.I64, p.outputs().get(0).dtype());
        assertEquals(org.falconc.ir.DType.F32, p.outputs().get(1).dtype());
    }

    @Test
    void layerNamesAreValidUniqueIdentifiers() {
        var g = TestModels.graph("""
                graph g(%x: f32[4]) -> (%c) {
                  %a = Relu "conv 1/relu" (%x)
                  %b = Relu "conv 1/relu" (%a)
                  %c = Relu "class" (%b)
                }""");
        Program p = Lowering.lower(g, "", "M");
        assertEquals(Set.of("conv_1_relu", "conv_1_relu_2", "class_"),
                Set.copyOf(p.layers().stream().map(Layer::methodName).toList()));
    }

    @Test
    void elementwiseChainsRunInPlaceAndViewsShareTheBuffer() {
        var g = TestModels.graph("""
                graph g(%x: f32[2,8]) -> (%y) {
                  %s = const i64[2] [4, 4]
                  %a = Neg (%x)
                  %b = Relu (%a)
                  %r = Reshape (%b, %s)
                  %c = Sigmoid (%r)
                  %y = Softmax (%c)
                }""");
        Program p = Lowering.lower(g, "", "M");
        // Neg writes the output array; everything after it works in place there: no arena at all.
        assertEquals(0, p.peakActivationBytes());
        for (Layer l : p.layers()) {
            assertTrue(l.kernelCalls().get(0).args().stream().anyMatch(a -> a instanceof org.falconc.codegen.program.Arg.Buffer b
                    && b.slot() instanceof Slot.Output), l.methodName());
        }
    }
}
