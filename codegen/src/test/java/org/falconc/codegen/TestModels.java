package org.falconc.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.falconc.codegen.program.Program;
import org.falconc.interp.Interpreter;
import org.falconc.ir.Graph;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;
import org.falconc.ir.text.IrParser;
import org.falconc.passes.PassManager;
import org.falconc.passes.PassOptions;
import org.falconc.passes.Pipeline;
import org.falconc.runtime.model.CompiledModel;

/** Test graphs in IR text, compiled and loaded in-process, checked against the reference interpreter. */
public final class TestModels {
    private static final Pattern RANDOM = Pattern.compile("const f32\\[([0-9,]*)\\] random");

    private TestModels() {
    }

    /**
     * Parses IR text (a constant written {@code const f32[8,3,3,3] random} gets seeded random data in
     * [-1, 1)) and runs the standard pass pipeline.
     */
    public static Graph graph(String text) {
        Graph g = IrParser.parse(withRandomData(text));
        PassManager.run(g, PassOptions.defaults());
        return g;
    }

    /** As {@link #graph}, through the optimising pipeline (batch-norm folding, fusion) that code generation uses. */
    public static Graph optimizedGraph(String text) {
        Graph g = IrParser.parse(withRandomData(text));
        PassManager.run(Pipeline.optimizing(), g, PassOptions.defaults());
        return g;
    }

    private static String withRandomData(String text) {
        Random random = new Random(text.hashCode());
        Matcher m = RANDOM.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int n = m.group(1).isEmpty() ? 1 : Shape.of(java.util.Arrays.stream(m.group(1).split(","))
                    .mapToInt(Integer::parseInt).toArray()).numElements();
            StringBuilder data = new StringBuilder("const f32[" + m.group(1) + "] [");
            for (int i = 0; i < n; i++) {
                data.append(i == 0 ? "" : ", ").append(random.nextFloat() * 2 - 1);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(data.append(']').toString()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Writes the program's class and weights into {@code dir} and loads the model with its own class loader. */
    public static CompiledModel load(Graph g, String className, Path dir) {
        CompileResult r = Compiler.compile(g, new CompileOptions("test.models", className, EmitKind.CLASSES, dir));
        return instantiate(r.program(), dir);
    }

    /** Loads the class {@code program} names from a class-path directory. */
    public static CompiledModel instantiate(Program program, Path dir) {
        try {
            URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, TestModels.class.getClassLoader());
            Class<?> type = loader.loadClass(program.qualifiedName());
            return (CompiledModel) type.getConstructor().newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot instantiate " + program.qualifiedName() + ": " + e, e);
        }
    }

    /** Seeded random inputs in [-1, 1) for every graph input. */
    public static Map<String, float[]> randomInputs(Graph g, long seed) {
        Random random = new Random(seed);
        Map<String, float[]> inputs = new LinkedHashMap<>();
        for (Value in : g.inputs()) {
            float[] data = new float[in.type().shape().numElements()];
            for (int i = 0; i < data.length; i++) {
                data[i] = random.nextFloat() * 2 - 1;
            }
            inputs.put(in.name(), data);
        }
        return inputs;
    }

    /** The interpreter's outputs on {@code inputs}. */
    public static Map<String, float[]> reference(Graph g, Map<String, float[]> inputs) {
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        for (Value in : g.inputs()) {
            feeds.put(in.name(), Tensor.ofFloats(in.type().shape(), inputs.get(in.name()).clone()));
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : Interpreter.run(g, feeds).entrySet()) {
            out.put(e.getKey(), e.getValue().floats());
        }
        return out;
    }

    /** Every element within 1e-4 relative (plus a tiny absolute slack for values near zero). */
    public static void assertClose(Map<String, float[]> expected, Map<String, float[]> actual) {
        assertEquals(expected.keySet(), actual.keySet(), "output names");
        for (String name : expected.keySet()) {
            float[] e = expected.get(name);
            float[] a = actual.get(name);
            assertEquals(e.length, a.length, "length of output " + name);
            for (int i = 0; i < e.length; i++) {
                boolean same = Float.compare(e[i], a[i]) == 0 || Math.abs(e[i] - a[i]) <= 1e-4 * Math.abs(e[i]) + 1e-5;
                if (!same) {
                    fail("output " + name + "[" + i + "]: expected " + e[i] + ", got " + a[i]);
                }
            }
        }
    }

    /** Compiles, loads and compares the model with the interpreter on two random inputs; returns the model. */
    public static CompiledModel checkAgainstInterpreter(String text, String className, Path dir) {
        Graph g = graph(text);
        CompiledModel model = load(g, className, dir);
        for (long seed = 1; seed <= 2; seed++) {
            Map<String, float[]> inputs = randomInputs(g, seed);
            Map<String, float[]> expected = reference(g, inputs);
            assertClose(expected, model.run(inputs));
        }
        return model;
    }
}
