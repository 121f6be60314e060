package org.falconc.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.falconc.ir.Attributes;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;
import org.junit.jupiter.api.Test;

/** Graphs built in Java, one feature at a time: the exact text they print and that they parse back equal. */
class IrTextRoundTripTest {
    private static final TensorType F32_2 = TensorType.of(DType.F32, 2);

    /** print(parse(print(g))) == print(g) and the parsed graph equals g; returns the text. */
    private static String roundTrip(Graph g, PrintOptions options) {
        String text = IrPrinter.print(g, options);
        Graph parsed = IrParser.parse(text);
        assertEquals(text, IrPrinter.print(parsed, options));
        GraphAssertions.assertSameGraph(g, parsed, options);
        return text;
    }

    private static String roundTrip(Graph g) {
        return roundTrip(g, PrintOptions.defaults());
    }

    static Graph convNet() {
        Graph g = new Graph("torch-jit-export");
        Value x = g.addInput("data:0", TensorType.of(DType.F32, 1, 3, 8, 8));
        Value w = g.addConstant("gpu_0/conv1_w_0", Tensor.zeros(TensorType.of(DType.F32, 4, 3, 3, 3)));
        Value b = g.addConstant("conv1_b", Tensor.ofFloats(Shape.of(4), 0.5f, -0.25f, 0f, 1e-3f));
        Value shape = g.addConstant("shape", Tensor.vector(1, -1));
        Value fcW = g.addConstant("fc.weight", Tensor.zeros(TensorType.of(DType.F32, 10, 64)));
        Value split = g.addConstant("split", Tensor.vector(4, 6));
        Node conv = g.addNode("Conv", "conv1", List.of(x, w, b), List.of("1"), new Attributes()
                .setInts("kernel_shape", 3, 3).setInts("pads", 1, 1, 1, 1).setString("auto_pad", "NOTSET"));
        conv.output(0).setType(TensorType.of(DType.F32, 1, 4, 8, 8));
        Node relu = g.addNode("Relu", "", List.of(conv.output(0)), List.of("relu out"), null);
        Node pool = g.addNode("MaxPool", "pool 1", List.of(relu.output(0)), List.of("pooled"), new Attributes()
                .setInts("kernel_shape", 2, 2).setInts("strides", 2, 2));
        pool.output(0).setType(TensorType.of(DType.F32, 1, 4, 4, 4));
        Node flat = g.addNode("Reshape", "", List.of(pool.output(0), shape), List.of("flat"), null);
        flat.output(0).setType(TensorType.of(DType.F32, 1, 64));
        Node fc = g.addNode("Gemm", "fc", List.of(flat.output(0), fcW), List.of("logits"), new Attributes()
                .setFloat("alpha", 1.0f).setInt("transB", 1));
        fc.output(0).setType(TensorType.of(DType.F32, 1, 10));
        Node s = g.addNode("Split", "", List.of(fc.output(0), split), List.of("a", "b"),
                new Attributes().setInt("axis", 1));
        s.output(0).setType(TensorType.of(DType.F32, 1, 4));
        g.addOutput(s.output(0));
        g.addOutput(s.output(1));
        return g;
    }

    @Test
    void convNetPrintsExactlyAndRoundTrips() {
        Graph g = convNet();
        String text = roundTrip(g);
        String w = g.value("gpu_0/conv1_w_0").constant().digest();
        String fcW = g.value("fc.weight").constant().digest();
        assertEquals("""
                graph "torch-jit-export"(%data:0: f32[1,3,8,8]) -> (%a, %b) {
                  %gpu_0/conv1_w_0 = const f32[4,3,3,3] #W_DIGEST
                  %conv1_b = const f32[4] [0.5, -0.25, 0.0, 0.001]
                  %shape = const i64[2] [1, -1]
                  %fc.weight = const f32[10,64] #FC_DIGEST
                  %split = const i64[2] [4, 6]
                  %1 = Conv "conv1" (%data:0, %gpu_0/conv1_w_0, %conv1_b) {kernel_shape = [3, 3], pads = [1, 1, 1, 1], auto_pad = "NOTSET"} : f32[1,4,8,8]
                  %"relu out" = Relu (%1)
                  %pooled = MaxPool "pool 1" (%"relu out") {kernel_shape = [2, 2], strides = [2, 2]} : f32[1,4,4,4]
                  %flat = Reshape (%pooled, %shape) : f32[1,64]
                  %logits = Gemm "fc" (%flat, %fc.weight) {alpha = 1.0, transB = 1} : f32[1,10]
                  %a, %b = Split (%logits, %split) {axis = 1} : f32[1,4], ?
                }
                """.replace("W_DIGEST", w).replace("FC_DIGEST", fcW), text);
        assertEquals(16, w.length());
    }

    @Test
    void valueNamesAreBareOrQuoted() {
        List<String> names = List.of("gpu_0/conv1_w_0", "1", "data:0", "a b", "q\"uote", "back\\slash", "x:", ":",
                "-1", "tab\there", "new\nline", "é", "\uD83D\uDE00", "lone\uD800", "ctl\u0001", "%", "#0123456789abcdef", "ls\u2028");
        Graph g = new Graph("names");
        for (String n : names) {
            g.addOutput(g.addInput(n, F32_2));
        }
        String text = roundTrip(g);
        assertTrue(text.contains("(%gpu_0/conv1_w_0: f32[2], %1: f32[2], %data:0: f32[2], %\"a b\": f32[2], "
                + "%\"q\\\"uote\": f32[2], %\"back\\\\slash\": f32[2], %\"x:\": f32[2], %\":\": f32[2], %-1: f32[2], "
                + "%\"tab\\there\": f32[2], %\"new\\nline\": f32[2], %\"é\": f32[2], %\"\uD83D\uDE00\": f32[2], "
                + "%\"lone\\ud800\": f32[2], %\"ctl\\u0001\": f32[2], %\"%\": f32[2], %\"#0123456789abcdef\": f32[2], %\"ls\\u2028\": f32[2])"),
                text);
        assertFalse(text.contains("\n\n"), "no raw line breaks inside names");
    }

    @Test
    void symbolsAreQuotedWhenNotIdentifiersOrReserved() {
        for (String name : List.of("main", "", "const", "nan", "inf", "_", "graph", "a-b", "com.ms.Op", "x y")) {
            Graph g = new Graph("g");
            g.setName(name);
            Value x = g.addInput("x", null);
            g.addNode(name, name, List.of(x), List.of("y"), new Attributes().setInt(name, 1));
            roundTrip(g);
        }
        Graph g = new Graph("g");
        g.setName("const");
        Value x = g.addInput("x", null);
        g.addNode("com.ms.Fused", "", List.of(x), List.of("y"), new Attributes().setInt("nan", 1).setInt("k.v", 2));
        assertEquals("graph \"const\"(%x) -> () {\n  %y = com.ms.Fused (%x) {\"nan\" = 1, k.v = 2}\n}\n", roundTrip(g));
    }

    @Test
    void unknownTypesPrintWithoutType() {
        Graph g = new Graph("main");
        Value x = g.addInput("x", null);
        Node n = g.addNode("Relu", "", List.of(x), List.of("y"), null);
        g.addOutput(n.output(0));
        String text = roundTrip(g);
        assertEquals("graph main(%x) -> (%y) {\n  %y = Relu (%x)\n}\n", text);
        Graph parsed = IrParser.parse(text);
        assertNull(parsed.value("x").type());
        assertNull(parsed.value("y").type());
    }

    @Test
    void absentOptionalInputsAndNodesWithoutInputsOrOutputs() {
        Graph g = new Graph("main");
        Value x = g.addInput("x", F32_2);
        // The Graph API keeps a trailing absent input as given; setInputs would trim it.
        g.addNode("Clip", "", Arrays.asList(x, null, x, null), List.of("c"), null);
        g.addNode("Print", "sink", List.of(x), List.of(), null);
        g.addNode("RandomNormal", "", List.of(), List.of("r"), new Attributes().setInts("shape", 2));
        String text = roundTrip(g);
        assertTrue(text.contains("  %c = Clip (%x, _, %x, _)\n"), text);
        assertTrue(text.contains("  Print \"sink\" (%x)\n"), text);
        assertTrue(text.contains("  %r = RandomNormal () {shape = [2]}\n"), text);
        Node clip = IrParser.parse(text).nodes().get(0);
        assertEquals(4, clip.numInputs());
        assertNull(clip.input(1));
    }

    @Test
    void multiOutputNodesKeepTypePositions() {
        Graph g = new Graph("main");
        Value x = g.addInput("x", F32_2);
        Node s = g.addNode("Split", "", List.of(x), List.of("a", "b", "c"), null);
        s.output(1).setType(TensorType.of(DType.F32, 1));
        String text = roundTrip(g);
        assertTrue(text.contains("  %a, %b, %c = Split (%x) : ?, f32[1], ?\n"), text);
        Graph parsed = IrParser.parse(text);
        assertSame(parsed.nodes().get(0), parsed.value("c").producer());
        assertEquals(TensorType.of(DType.F32, 1), parsed.value("b").type());
    }

    @Test
    void nodeNamesMayBeEmptyOrContainAnyCharacter() {
        Graph g = new Graph("main");
        Value x = g.addInput("x", F32_2);
        List<String> names = List.of("", "conv1", " ", "\"", "a\nb", "\\", "#x", "名\u0000\uDC00");
        for (int i = 0; i < names.size(); i++) {
            g.addNode("Relu", names.get(i), List.of(x), List.of("y" + i), null);
        }
        String text = roundTrip(g);
        assertTrue(text.contains("  %y0 = Relu (%x)\n"), text);
        assertTrue(text.contains("  %y4 = Relu \"a\\nb\" (%x)\n"), text);
        assertTrue(text.contains("  %y7 = Relu \"名\\u0000\\udc00\" (%x)\n"), text);
    }

    @Test
    void everyAttributeKindInInsertionOrder() {
        Graph g = new Graph("main");
        Value x = g.addInput("x", F32_2);
        Attributes a = new Attributes()
                .setInt("i", -9223372036854775808L)
                .setFloat("f", 0.5f)
                .setString("s", "NOT\"SET\"")
                .setInts("is", 1, -2, 3)
                .setFloats("fs", 1.5f, -0.0f, Float.NaN)
                .setStrings("ss", List.of("a", "", "b c"))
                .setInts("no_ints")
                .setFloats("no_floats")
                .setStrings("no_strings", List.of())
                .setTensor("t", Tensor.scalar(1.0f))
                .setTensor("big", Tensor.zeros(TensorType.of(DType.I32, 17)))
                .setTensor("flags", Tensor.ofBools(Shape.of(2, 2), true, false, false, true))
                .setInt("a_last", 7);
        g.addNode("Op", "", List.of(x), List.of("y"), a);
        String text = roundTrip(g);
        String digest = a.getTensor("big").digest();
        assertTrue(text.contains("{i = -9223372036854775808, f = 0.5, s = \"NOT\\\"SET\\\"\", is = [1, -2, 3], "
                + "fs = [1.5, -0.0, nan], ss = [\"a\", \"\", \"b c\"], no_ints = ints [], no_floats = floats [], "
                + "no_strings = strings [], t = tensor f32[] [1.0], big = tensor i32[17] #" + digest + ", "
                + "flags = tensor bool[2,2] [true, false, false, true], a_last = 7}"), text);
    }

    @Test
    void floatsRoundTripBitExactly() {
        float[] specials = {Float.NaN, Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0xffc00000),
            Float.intBitsToFloat(0x7f800001), Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 0.0f,
            Float.MIN_VALUE, Float.intBitsToFloat(0x00400001), Float.MIN_NORMAL, Float.MAX_VALUE, 0.1f, 1e-10f,
            16777216f};
        Graph g = new Graph("main");
        Value x = g.addInput("x", F32_2);
        Attributes a = new Attributes().setFloats("all", specials);
        for (int i = 0; i < specials.length; i++) {
            a.setFloat("f" + i, specials[i]);
        }
        g.addConstant("c", Tensor.ofFloats(Shape.of(specials.length), specials));
        g.addNode("Op", "", List.of(x), List.of("y"), a);
        String text = roundTrip(g, PrintOptions.full());
        assertTrue(text.contains("[nan, nan(0x7fc00001), nan(0xffc00000), nan(0x7f800001), inf, -inf, -0.0, 0.0, "
                + "1.4E-45, 5.877473E-39, 1.17549435E-38, 3.4028235E38, 0.1, 1.0E-10, 1.6777216E7]"), text);
        Graph parsed = IrParser.parse(text);
        float[] back = parsed.value("c").constant().floats();
        for (int i = 0; i < specials.length; i++) {
            assertEquals(Float.floatToRawIntBits(specials[i]), Float.floatToRawIntBits(back[i]), "element " + i);
            float attr = parsed.nodes().get(0).attrs().getFloat("f" + i);
            assertEquals(Float.floatToRawIntBits(specials[i]), Float.floatToRawIntBits(attr), "attribute f" + i);
        }
    }

    @Test
    void everyElementTypeInline() {
        Graph g = new Graph("main");
        g.addOutput(g.addConstant("f", Tensor.ofFloats(Shape.of(2, 2), 1f, 2f, 3f, 4f)));
        g.addOutput(g.addConstant("l", Tensor.vector(Long.MIN_VALUE, Long.MAX_VALUE, 0)));
        g.addOutput(g.addConstant("i", Tensor.ofInts(Shape.of(2), Integer.MIN_VALUE, Integer.MAX_VALUE)));
        g.addOutput(g.addConstant("b", Tensor.ofBools(Shape.of(2, 1), true, false)));
        g.addOutput(g.addConstant("s", Tensor.scalar(7L)));
        g.addOutput(g.addConstant("empty", Tensor.zeros(TensorType.of(DType.F32, 0, 3))));
        assertEquals("""
                graph main() -> (%f, %l, %i, %b, %s, %empty) {
                  %f = const f32[2,2] [1.0, 2.0, 3.0, 4.0]
                  %l = const i64[3] [-9223372036854775808, 9223372036854775807, 0]
                  %i = const i32[2] [-2147483648, 2147483647]
                  %b = const bool[2,1] [true, false]
                  %s = const i64[] [7]
                  %empty = const f32[0,3] []
                }
                """, roundTrip(g));
    }

    @Test
    void constantsAboveTheThresholdAreElidedByDigest() {
        Graph g = new Graph("main");
        float[] sixteen = new float[16];
        float[] seventeen = new float[17];
        Arrays.fill(seventeen, 2.5f);
        Value small = g.addConstant("small", Tensor.ofFloats(Shape.of(16), sixteen));
        Value big = g.addConstant("big", Tensor.ofFloats(Shape.of(17), seventeen));
        g.addOutput(small);
        g.addOutput(big);
        String text = roundTrip(g);
        assertTrue(text.contains("  %small = const f32[16] [0.0, "), text);
        String digest = big.constant().digest();
        assertTrue(text.contains("  %big = const f32[17] #" + digest + "\n"), text);

        Graph parsed = IrParser.parse(text);
        Tensor elided = parsed.value("big").constant();
        assertTrue(elided.isElided());
        assertEquals(digest, elided.digest());
        assertTrue(elided.contentEquals(big.constant()), "elided tensors compare by digest");
        // An elided constant has no data, so even a full print keeps its digest, and keeps round-tripping.
        assertEquals(text, roundTrip(parsed, PrintOptions.full()));

        String full = roundTrip(g, PrintOptions.full());
        assertTrue(full.contains("  %big = const f32[17] [2.5, 2.5, "), full);
        assertTrue(IrParser.parse(full).value("big").constant().contentEquals(big.constant()));
        assertTrue(roundTrip(g, new PrintOptions(0, false)).contains("  %small = const f32[16] #"));
    }

    @Test
    void graphOutputsMayBeInputsConstantsOrRepeated() {
        Graph g = new Graph("main");
        Value x = g.addInput("x", F32_2);
        Value c = g.addConstant("c", Tensor.scalar(1.0f));
        Node n = g.addNode("Add", "", List.of(x, c), List.of("y"), null);
        g.addOutput(x);
        g.addOutput(c);
        g.addOutput(n.output(0));
        g.addOutput(x);
        String text = roundTrip(g);
        assertTrue(text.startsWith("graph main(%x: f32[2]) -> (%x, %c, %y, %x) {\n"), text);
        Graph parsed = IrParser.parse(text);
        assertSame(parsed.inputs().get(0), parsed.outputs().get(3));
    }

    @Test
    void emptyGraph() {
        Graph g = new Graph("main");
        assertEquals("graph main() -> () {\n}\n", roundTrip(g));
    }

    @Test
    void handWrittenTextWithCommentsAndConveniences() {
        String text = """
                # a model written by hand
                graph main(%x: f32[2]) -> (%y) {   # trailing comment
                  %w = const f32[20] #0123456789abcdef   # elided: digest = Tensor.digest()
                  %v = const f32[2] [1, -2]          #TODO: ints are accepted where f32 is expected
                  %y = Op (%x, %v, %w) {ks = ints [3,3], fs = floats [1, 2], mix = [1, 2.5],
                                        t = tensor f32[20] #fedcba9876543210}#no space needed
                }
                """;
        Graph g = IrParser.parse(text);
        assertEquals("0123456789abcdef", g.value("w").constant().digest());
        assertTrue(g.value("w").constant().isElided());
        assertEquals(-2f, g.value("v").constant().floats()[1]);
        Attributes a = g.nodes().get(0).attrs();
        assertEquals(List.of("ks", "fs", "mix", "t"), new ArrayList<>(a.names()));
        assertEquals(3L, a.getInts("ks")[1]);
        assertEquals(2f, a.getFloats("fs", null)[1]);
        assertEquals(2.5f, a.getFloats("mix", null)[1]);
        assertEquals("fedcba9876543210", a.getTensor("t").digest());
        assertEquals("""
                graph main(%x: f32[2]) -> (%y) {
                  %w = const f32[20] #0123456789abcdef
                  %v = const f32[2] [1.0, -2.0]
                  %y = Op (%x, %v, %w) {ks = [3, 3], fs = [1.0, 2.0], mix = [1.0, 2.5], t = tensor f32[20] #fedcba9876543210}
                }
                """, IrPrinter.print(g));
    }

    /** The example in docs/ir-text.md must be exactly what the printer writes for the graph it describes. */
    @Test
    void documentedExampleIsPrinterOutput() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/ir-text.md"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "docs/ir-text.md not found above " + Path.of("").toAbsolutePath());
        String doc = Files.readString(dir.resolve("docs/ir-text.md"));
        int start = doc.indexOf("```fir\n") + "```fir\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        Graph g = IrParser.parse(example);
        assertEquals(example, IrPrinter.print(g));
        assertEquals(List.of("probs", "top", "clipped"), g.outputs().stream().map(Value::name).toList());
        assertTrue(g.value("conv1.weight").constant().isElided());
        assertNull(g.nodes().get(g.nodes().size() - 1).input(1));
    }

    @Test
    void printOptionsRejectNegativeThreshold() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new PrintOptions(-1, false));
        assertEquals(new PrintOptions(16, false), PrintOptions.defaults());
    }
}
