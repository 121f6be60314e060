package org.falconc.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.falconc.codegen.CompileOptions;
import org.falconc.codegen.CompileResult;
import org.falconc.codegen.Compiler;
import org.falconc.codegen.EmitKind;
import org.falconc.codegen.TestModels;
import org.falconc.codegen.program.KernelCall;
import org.falconc.codegen.program.Layer;
import org.falconc.codegen.program.Program;
import org.falconc.ir.FalconcException;
import org.falconc.ir.Graph;
import org.falconc.runtime.model.CompiledModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graphs past the class-file limits of one method (64 KiB of code) and one class (65,535 methods and
 * constant-pool entries) compile: the emitters split {@code execute}, the constructor and the layers.
 */
class LargeGraphTest {
    @TempDir
    Path dir;

    /** {@code %a1 = Add(%x, %x)}, then {@code %a<i> = Add(%a<i-1>, %x)}: output {@code (nodes + 1) * x} up to rounding. */
    static String addChain(int nodes) {
        StringBuilder sb = new StringBuilder("graph g(%x: f32[4]) -> (%a").append(nodes).append(") {\n");
        sb.append("  %a1 = Add (%x, %x)\n");
        for (int i = 2; i <= nodes; i++) {
            sb.append("  %a").append(i).append(" = Add (%a").append(i - 1).append(", %x)\n");
        }
        return sb.append("}").toString();
    }

    @Test
    void hundredThousandNodeChainCompilesToBytecodeAndRuns() {
        int nodes = 100_000;
        long start = System.nanoTime();
        Graph g = TestModels.graph(addChain(nodes));
        CompiledModel model = TestModels.load(g, "AddChain", dir);
        assertTrue(methodNames(model).anyMatch(n -> n.equals("execute$0")), "execute is split");
        float[] x = {1f, -0.5f, 0.25f, 0f};
        float[] y = model.run(Map.of("x", x)).get("a" + nodes);
        // Each Add rounds once, so the sum of 100,001 terms drifts from the exact product by far less than 1e-3 relative.
        for (int i = 0; i < x.length; i++) {
            double exact = (double) (nodes + 1) * x[i];
            assertEquals(exact, y[i], Math.abs(exact) * 1e-3, "element " + i);
        }
        assertTrue(System.nanoTime() - start < 60_000_000_000L, "a 100,000-node chain takes over a minute");
    }

    @Test
    void twentyThousandNodeChainCompilesAsJavaSourceLikeTheBytecode() throws Exception {
        int nodes = 20_000;
        Graph g = TestModels.graph(addChain(nodes));
        CompileResult asm = Compiler.compile(g, new CompileOptions("gen.large", "Chain", EmitKind.CLASSES, dir.resolve("asm")));
        CompileResult java = Compiler.compile(g, new CompileOptions("gen.large", "Chain", EmitKind.JAVA, dir.resolve("src")));
        Path javacDir = dir.resolve("javac");
        GeneratedClassTest.compile(java.files().get(0), javacDir);
        Files.copy(java.files().get(1), javacDir.resolve("gen/large").resolve(java.files().get(1).getFileName()));
        CompiledModel fromAsm = TestModels.instantiate(asm.program(), dir.resolve("asm"));
        CompiledModel fromJavac = TestModels.instantiate(java.program(), javacDir);
        Class<?> helper = fromJavac.getClass().getClassLoader().loadClass("gen.large.Chain$Layers$0");
        assertTrue(Stream.of(helper.getDeclaredMethods()).anyMatch(m -> m.getName().equals("layers$0")),
                "layers share methods of a helper class");
        assertTrue(Files.exists(dir.resolve("asm/gen/large/Chain$Layers$1.class")), "the bytecode has the same helpers");
        Map<String, float[]> inputs = TestModels.randomInputs(g, 1);
        float[] expected = fromAsm.run(inputs).get("a" + nodes);
        assertArrayEquals(expected, fromJavac.run(inputs).get("a" + nodes));
        float[] x = inputs.get("x");
        for (int i = 0; i < x.length; i++) {
            assertEquals((nodes + 1) * (double) x[i], expected[i], Math.abs(x[i]) * nodes * 1e-3, "element " + i);
        }
    }

    /** Convolutions with the identity as weight and a bias of 1/1024: the output is {@code x + convs / 1024}. */
    @Test
    void threeThousandConvolutionsSplitTheConstructor() {
        int convs = 3_000;
        StringBuilder sb = new StringBuilder("graph g(%x: f32[1,2,3,3]) -> (%c").append(convs).append(") {\n");
        for (int i = 1; i <= convs; i++) {
            sb.append("  %w").append(i).append(" = const f32[2,2,1,1] [1, 0, 0, 1]\n");
            sb.append("  %b").append(i).append(" = const f32[2] [0.0009765625, 0.0009765625]\n");
            sb.append("  %c").append(i).append(" = Conv (").append(i == 1 ? "%x" : "%c" + (i - 1))
                    .append(", %w").append(i).append(", %b").append(i).append(")\n");
        }
        Graph g = TestModels.graph(sb.append("}").toString());
        CompiledModel model = TestModels.load(g, "ConvChain", dir);
        assertTrue(methodNames(model).anyMatch(n -> n.equals("load$0")), "the constructor is split");
        Map<String, float[]> inputs = TestModels.randomInputs(g, 2);
        float[] y = model.run(inputs).get("c" + convs);
        float[] x = inputs.get("x");
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i] + convs / 1024.0, y[i], 1e-3, "element " + i);
        }
    }

    /** One layer of 10,000 kernel calls (as a Concat of 10,000 inputs would lower) cannot be split: a user error. */
    @Test
    void aLayerLargerThanAMethodIsAUserError() {
        Program small = Compiler.lower(TestModels.graph(addChain(1)), "gen.large", "Huge");
        Layer layer = small.layers().get(0);
        List<KernelCall> calls = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            calls.addAll(layer.kernelCalls());
        }
        Program huge = new Program(small.packageName(), small.className(), small.inputs(), small.outputs(), small.weights(),
                small.packed(), small.arenaLengths(), small.peakActivationBytes(),
                List.of(new Layer(layer.methodName(), layer.nodeName(), layer.op(), layer.inputs(), layer.outputs(), calls)));
        for (Executable emit : List.<Executable>of(() -> Compiler.classFiles(huge), () -> Compiler.javaSource(huge))) {
            FalconcException e = assertThrows(FalconcException.class, emit);
            assertTrue(e.kind().isUserError(), e.kind().toString());
            assertTrue(e.getMessage().startsWith("the model is too large for one Java class (method " + layer.methodName()),
                    e.getMessage());
        }
    }

    private static Stream<String> methodNames(CompiledModel model) {
        return Stream.of(model.getClass().getDeclaredMethods()).map(Method::getName);
    }
}
