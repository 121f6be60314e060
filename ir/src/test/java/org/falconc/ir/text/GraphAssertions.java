package org.falconc.ir.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.falconc.ir.Attribute;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;

/**
 * Structural comparison of an original graph with the one parsed from its text. Comparing printed
 * text alone would miss a printer that drops something consistently; this checks every field.
 */
final class GraphAssertions {
    private GraphAssertions() {
    }

    /** {@code printedWith} tells which tensors were elided in the text the actual graph was parsed from. */
    static void assertSameGraph(Graph expected, Graph actual, PrintOptions printedWith) {
        assertEquals(expected.name() == null ? "" : expected.name(), actual.name(), "graph name");
        assertValues("graph input", expected.inputs(), actual.inputs());
        assertEquals(expected.constants().size(), actual.constants().size(), "number of constants");
        for (int i = 0; i < expected.constants().size(); i++) {
            Value e = expected.constants().get(i);
            Value a = actual.constants().get(i);
            assertEquals(e.name(), a.name(), "constant name");
            assertTrue(a.isConstant(), "constant %" + a.name() + " parsed as a constant");
            assertSameTensor("constant %" + e.name(), e.constant(), a.constant(), printedWith);
        }
        assertEquals(expected.nodes().size(), actual.nodes().size(), "number of nodes");
        for (int i = 0; i < expected.nodes().size(); i++) {
            assertSameNode(expected.nodes().get(i), actual.nodes().get(i), printedWith);
        }
        assertEquals(names(expected.outputs()), names(actual.outputs()), "graph outputs");
        for (int i = 0; i < actual.outputs().size(); i++) {
            assertTrue(actual.value(actual.outputs().get(i).name()) == actual.outputs().get(i),
                    "graph output is the graph's own value");
        }
    }

    private static void assertSameNode(Node e, Node a, PrintOptions printedWith) {
        String where = "node " + e.describe();
        assertEquals(e.op(), a.op(), where + " op");
        assertEquals(e.name(), a.name(), where + " name");
        assertEquals(e.numInputs(), a.numInputs(), where + " input count");
        for (int i = 0; i < e.numInputs(); i++) {
            Value ei = e.input(i);
            Value ai = a.input(i);
            if (ei == null) {
                assertNull(ai, where + " input " + i + " absent");
            } else {
                assertNotNull(ai, where + " input " + i);
                assertEquals(ei.name(), ai.name(), where + " input " + i);
            }
        }
        assertValues(where + " output", e.outputs(), a.outputs());
        for (Value out : a.outputs()) {
            assertTrue(out.producer() == a, where + " output linked to its node");
        }
        Map<String, Attribute> ea = e.attrs().asMap();
        Map<String, Attribute> aa = a.attrs().asMap();
        assertEquals(new ArrayList<>(ea.keySet()), new ArrayList<>(aa.keySet()), where + " attribute names in order");
        for (String name : ea.keySet()) {
            assertSameAttribute(where + " attribute " + name, ea.get(name), aa.get(name), printedWith);
        }
    }

    private static void assertSameAttribute(String where, Attribute e, Attribute a, PrintOptions printedWith) {
        assertEquals(e.kind(), a.kind(), where + " kind");
        if (e instanceof Attribute.Float f) {
            assertEquals(Float.floatToRawIntBits(f.value()), Float.floatToRawIntBits(((Attribute.Float) a).value()),
                    where + " bits");
        } else if (e instanceof Attribute.Floats fs) {
            assertArrayEquals(bits(fs.values()), bits(((Attribute.Floats) a).values()), where + " bits");
        } else if (e instanceof Attribute.TensorValue t) {
            assertSameTensor(where, t.value(), ((Attribute.TensorValue) a).value(), printedWith);
        } else {
            assertEquals(e, a, where);
        }
    }

    /** Inline tensors must come back with bit-identical data; elided ones as placeholders with the same digest. */
    static void assertSameTensor(String where, Tensor e, Tensor a, PrintOptions printedWith) {
        assertEquals(e.type(), a.type(), where + " type");
        // Spelled out rather than calling PrintOptions.elides, so that a wrong threshold check is caught.
        boolean elided = e.isElided() || (!printedWith.fullConstants() && e.numElements() > printedWith.elideThreshold());
        if (elided) {
            assertTrue(a.isElided(), where + " parsed as elided");
            assertEquals(e.digest(), a.digest(), where + " digest");
            return;
        }
        assertFalse(a.isElided(), where + " parsed with data");
        assertTrue(e.contentEquals(a), where + " content");
        switch (e.dtype()) {
            case F32 -> assertArrayEquals(bits(e.floats()), bits(a.floats()), where + " bits");
            case I64 -> assertArrayEquals(e.longs(), a.longs(), where);
            case I32 -> assertArrayEquals(e.ints(), a.ints(), where);
            case BOOL -> assertArrayEquals(e.bools(), a.bools(), where);
            default -> fail("unknown dtype " + e.dtype());
        }
        assertEquals(e.digest(), a.digest(), where + " digest");
    }

    private static void assertValues(String what, List<Value> expected, List<Value> actual) {
        assertEquals(names(expected), names(actual), what + " names");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).type(), actual.get(i).type(), what + " %" + expected.get(i).name() + " type");
        }
    }

    private static List<String> names(List<Value> values) {
        List<String> names = new ArrayList<>();
        for (Value v : values) {
            names.add(v.name());
        }
        return names;
    }

    private static int[] bits(float[] values) {
        int[] b = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = Float.floatToRawIntBits(values[i]);
        }
        return b;
    }
}
