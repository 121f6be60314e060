package org.falconc.interp.nn;

import org.falconc.testsupport.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.falconc.interp.Interpreter;
import org.falconc.ir.Attributes;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;
import org.falconc.ir.ops.OpRegistry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the nn ops' ONNX conformance cases (onnx-conformance/node) through type inference and the
 * reference kernels, with the node built from the MANIFEST line (attributes) and the test data
 * (inputs, all as constants). Skipped when the shared test data is absent.
 */
class NnConformanceTest {
    private static final Set<String> OPS = Set.of("Conv", "ConvTranspose", "MaxPool", "AveragePool", "LpPool",
            "GlobalAveragePool", "GlobalMaxPool", "BatchNormalization", "InstanceNormalization", "LRN", "Gemm",
            "MatMul", "Resize", "Pad", "DepthToSpace", "SpaceToDepth");
    private static final Set<String> FLOAT_ATTRS = Set.of("alpha", "beta", "bias", "epsilon", "cubic_coeff_a",
            "extrapolation_value", "momentum");
    /** Inputs whose position is not their order in the test data: optional inputs may be left out. */
    private static final Map<String, Map<String, Integer>> POSITIONS = Map.of(
            "Resize", Map.of("X", 0, "roi", 1, "scales", 2, "sizes", 3),
            "Pad", Map.of("x", 0, "data", 0, "pads", 1, "value", 2, "constant_value", 2, "axes", 3));

    @TestFactory
    Stream<DynamicTest> conformanceCases() throws IOException {
        Path root = SharedData.require("onnx-conformance");
        Path manifest = SharedData.require("onnx-conformance/MANIFEST.txt");
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(manifest)) {
            String[] f = line.split(" \\| ");
            String op = field(f, "op");
            if (!f[0].startsWith("node/") || op == null || !OPS.contains(op)) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(f[0], () -> runCase(root.resolve(f[0]), op, f)));
        }
        assertTrue(tests.size() > 100, "expected the nn cases in the manifest, found " + tests.size());
        return tests.stream();
    }

    private static String field(String[] fields, String key) {
        for (String s : fields) {
            if (s.startsWith(key + "=")) {
                return s.substring(key.length() + 1);
            }
        }
        return null;
    }

    private static void runCase(Path dir, String op, String[] fields) throws IOException {
        Graph g = new Graph("case");
        List<String> inNames = names(field(fields, "in"));
        List<String> outNames = names(field(fields, "out"));
        Value[] inputs = new Value[8];
        int count = 0;
        for (int i = 0; i < inNames.size(); i++) {
            Tensor t = TensorProtoReader.read(dir.resolve("test_data_set_0/input_" + i + ".pb"));
            Map<String, Integer> pos = POSITIONS.get(op);
            int at = pos == null ? i : pos.get(inNames.get(i));
            inputs[at] = g.addConstant(inNames.get(i), t);
            count = Math.max(count, at + 1);
        }
        Node node = g.addNode(op, "n", java.util.Arrays.asList(inputs).subList(0, count), outNames,
                attributes(field(fields, "attrs")));
        List<TensorType> types = OpRegistry.of(node).inference().infer(node);
        for (int i = 0; i < node.numOutputs(); i++) {
            node.output(i).setType(types.get(i));
        }
        List<Tensor> args = new ArrayList<>();
        for (Value v : node.inputs()) {
            args.add(v == null ? null : v.constant());
        }
        List<Tensor> actual = Interpreter.evaluate(node, args);
        for (int i = 0; i < outNames.size(); i++) {
            Tensor expected = TensorProtoReader.read(dir.resolve("test_data_set_0/output_" + i + ".pb"));
            assertClose(expected, actual.get(i));
        }
    }

    private static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        for (String part : list.split(", ")) {
            names.add(part.substring(0, part.indexOf(':')));
        }
        return names;
    }

    private static Attributes attributes(String text) {
        Attributes a = new Attributes();
        if (text == null || text.equals("-")) {
            return a;
        }
        for (String kv : text.split(" ")) {
            String name = kv.substring(0, kv.indexOf('='));
            String v = kv.substring(kv.indexOf('=') + 1);
            if (v.startsWith("[")) {
                String[] parts = v.substring(1, v.length() - 1).split(",");
                a.setInts(name, Stream.of(parts).mapToLong(Long::parseLong).toArray());
            } else if (FLOAT_ATTRS.contains(name)) {
                a.setFloat(name, Float.parseFloat(v));
            } else if (v.matches("-?\\d+")) {
                a.setInt(name, Long.parseLong(v));
            } else {
                a.setString(name, v);
            }
        }
        return a;
    }

    static void assertClose(Tensor expected, Tensor actual) {
        assertEquals(expected.type(), actual.type(), "output type");
        for (int i = 0; i < expected.numElements(); i++) {
            double e = expected.getDouble(i);
            double v = actual.getDouble(i);
            if (!(Math.abs(v - e) <= 1e-7 + 1e-3 * Math.abs(e))) {
                throw new AssertionError("element " + i + ": expected " + e + ", got " + v);
            }
        }
    }
}
