package org.falconc.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.falconc.codegen.CompileOptions;
import org.falconc.codegen.CompileResult;
import org.falconc.codegen.Compiler;
import org.falconc.codegen.EmitKind;
import org.falconc.codegen.SampleGraphs;
import org.falconc.codegen.TestModels;
import org.falconc.ir.Graph;
import org.falconc.runtime.model.CompiledModel;
import org.falconc.runtime.model.ModelBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/** The bytecode is valid, and the Java source compiles to a class that computes the same bits. */
class GeneratedClassTest {
    @TempDir
    Path dir;

    static Stream<String> samples() {
        return SampleGraphs.all().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void bytecodePassesCheckClassAdapter(String name) {
        Graph g = TestModels.graph(SampleGraphs.all().get(name));
        byte[] bytes = Compiler.classFile(Compiler.lower(g, "check", name));
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), getClass().getClassLoader(), false, new PrintWriter(problems));
        assertEquals("", problems.toString(), "verifier output for " + name);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void javaSourceCompilesAndMatchesTheBytecodeBitForBit(String name) throws Exception {
        Graph g = TestModels.graph(SampleGraphs.all().get(name));
        Path asmDir = dir.resolve("asm");
        Path srcDir = dir.resolve("src");
        Path javacDir = dir.resolve("javac");
        CompileResult asm = Compiler.compile(g, new CompileOptions("gen.pkg", name, EmitKind.CLASSES, asmDir));
        CompileResult java = Compiler.compile(g, new CompileOptions("gen.pkg", name, EmitKind.JAVA, srcDir));
        Path source = java.files().get(0);
        assertTrue(source.toString().endsWith(name + ".java"), source.toString());
        compile(source, javacDir);
        Path weights = java.files().get(1);
        Files.copy(weights, javacDir.resolve("gen/pkg").resolve(weights.getFileName()));

        CompiledModel fromAsm = TestModels.instantiate(asm.program(), asmDir);
        CompiledModel fromJavac = TestModels.instantiate(java.program(), javacDir);
        for (long seed = 1; seed <= 3; seed++) {
            Map<String, float[]> inputs = TestModels.randomInputs(g, seed);
            Map<String, float[]> a = fromAsm.run(inputs);
            Map<String, float[]> b = fromJavac.run(inputs);
            assertEquals(a.keySet(), b.keySet());
            for (String out : a.keySet()) {
                assertArrayEquals(a.get(out), b.get(out), "output " + out);
            }
        }
    }

    static void compile(Path source, Path out) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = Path.of(CompiledModel.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        StringWriter diagnostics = new StringWriter();
        Files.createDirectories(out);
        var fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        boolean ok = javac.getTask(diagnostics, fm, null,
                List.of("--release", "17", "-Xlint:all", "-Werror", "-classpath", classPath, "-d", out.toString()), null,
                fm.getJavaFileObjects(source)).call();
        assertTrue(ok, "javac failed:\n" + diagnostics + "\nsource:\n" + Files.readString(source));
    }

    @Test
    void generatedClassHasTheDocumentedInterface() throws Exception {
        Graph g = TestModels.graph(SampleGraphs.all().get("ConvNet"));
        CompiledModel m = TestModels.load(g, "ConvNetApi", dir);
        Class<?> type = m.getClass();
        assertTrue(Modifier.isFinal(type.getModifiers()) && Modifier.isPublic(type.getModifiers()));
        Field peak = type.getField("PEAK_ACTIVATION_BYTES");
        assertTrue(Modifier.isStatic(peak.getModifiers()) && Modifier.isFinal(peak.getModifiers()));
        assertTrue(peak.getLong(null) > 0);
        ModelBuilder<?> builder = (ModelBuilder<?>) type.getMethod("builder").invoke(null);
        CompiledModel two = builder.threads(2).build();
        assertEquals(2, two.threads());
        assertEquals(type, two.getClass());
        Map<String, float[]> in = TestModels.randomInputs(g, 7);
        assertArrayEquals(m.run(in).get("p"), two.run(in).get("p"));
        assertArrayEquals(new int[] {1, 3, 12, 12}, m.inputShape("x"));
        assertEquals(List.of("p"), m.outputNames());
        assertTrue(Stream.of(type.getDeclaredMethods()).anyMatch(meth -> meth.getName().equals("Conv_c1")),
                "a private method per layer, named after the node");
    }
}
