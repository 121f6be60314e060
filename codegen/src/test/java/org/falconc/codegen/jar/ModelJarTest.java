package org.falconc.codegen.jar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.falconc.codegen.CompileOptions;
import org.falconc.codegen.CompileResult;
import org.falconc.codegen.Compiler;
import org.falconc.codegen.EmitKind;
import org.falconc.codegen.SampleGraphs;
import org.falconc.codegen.TestModels;
import org.falconc.codegen.lower.UnsupportedOpsException;
import org.falconc.ir.Graph;
import org.falconc.runtime.io.PbTensor;
import org.falconc.runtime.io.TensorProtoCodec;
import org.falconc.runtime.model.ModelMain;
import org.falconc.runtime.model.VectorModuleHint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar is self-contained and runs with {@code java -jar} on .pb inputs. */
class ModelJarTest {
    @TempDir
    Path dir;

    @Test
    void jarRunsInASubprocessAndWritesTheInterpretersOutputs() throws Exception {
        Graph g = TestModels.graph(SampleGraphs.all().get("ConvNet"));
        Path jar = dir.resolve("out/ConvNet.jar");
        CompileResult r = Compiler.compile(g, new CompileOptions("org.example", "ConvNet", EmitKind.JAR, jar));
        assertEquals(List.of(jar), r.files());
        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals(ModelMain.class.getName(), file.getManifest().getMainAttributes().getValue("Main-Class"));
            assertEquals("org.example.ConvNet", file.getManifest().getMainAttributes().getValue(ModelMain.MODEL_CLASS_ATTRIBUTE));
            assertTrue(file.getEntry("org/example/ConvNet.class") != null);
            assertTrue(file.getEntry("org/example/ConvNet.weights") != null);
            assertTrue(file.getEntry("org/falconc/runtime/conv/Conv2d.class") != null);
            assertTrue(file.stream().allMatch(e -> e.getName().startsWith("org/") || e.getName().startsWith("META-INF/")));
        }
        try (Stream<Path> files = Files.list(jar.getParent())) {
            assertEquals(List.of(jar), files.toList(), "no temporary file left behind");
        }

        Map<String, float[]> inputs = TestModels.randomInputs(g, 5);
        Path input = dir.resolve("input_0.pb");
        TensorProtoCodec.write(PbTensor.ofFloats("x", new int[] {1, 3, 12, 12}, inputs.get("x")), input);
        Path outDir = dir.resolve("results");
        Process p = new ProcessBuilder(javaBinary(), "-jar", jar.toString(), "--input", "x=" + input,
                "--output-dir", outDir.toString(), "--threads", "2").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the jar did not finish");
        assertEquals(0, p.exitValue(), log);
        PbTensor out = TensorProtoCodec.read(outDir.resolve("output_0.pb"));
        assertEquals("p", out.name());
        assertArrayEquals(new int[] {1, 10}, out.intDims());
        TestModels.assertClose(TestModels.reference(g, inputs), Map.of("p", out.toFloats()));
    }

    @Test
    void jarReportsABadInputShapeWithExitCode2() throws Exception {
        Graph g = TestModels.graph(SampleGraphs.all().get("ConvNet"));
        Path jar = dir.resolve("Bad.jar");
        Compiler.compile(g, CompileOptions.jar("Bad", jar));
        Path input = dir.resolve("input_0.pb");
        TensorProtoCodec.write(PbTensor.ofFloats("x", new int[] {1, 3, 4, 4}, new float[48]), input);
        Process p = new ProcessBuilder(javaBinary(), "-jar", jar.toString(), "--input", input.toString(),
                "--output-dir", dir.resolve("o").toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), log);
        assertTrue(log.contains("input 'x' must have shape [1, 3, 12, 12]"), log);
    }

    @Test
    void failedCompileLeavesNoOutput() throws IOException {
        Graph g = TestModels.graph("""
                graph g(%x: f32[2,3]) -> (%y) {
                  %y = Cos (%x)
                  %z = Sin (%y)
                }""");
        Path jar = dir.resolve("Never.jar");
        Files.writeString(dir.resolve("keep.txt"), "x");
        // Typed by hand, without the pipeline, which would fold Size away.
        Graph unsupported = org.falconc.ir.text.IrParser.parse("""
                graph g(%x: f32[2,3]) -> (%y, %t) {
                  %y = Relu (%x)
                  %t = Size (%x) : i64[]
                }""");
        assertThrows(UnsupportedOpsException.class, () -> Compiler.compile(unsupported, CompileOptions.jar("Never", jar)));
        assertFalse(Files.exists(jar));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("keep.txt")), files.toList());
        }
        assertTrue(Compiler.compile(g, CompileOptions.jar("Fine", jar)).files().contains(jar));
    }

    @Test
    void withoutTheVectorModuleTheJarPrintsOneHintLineAndStillRuns() throws Exception {
        Path jar = convNetJar("Hinted.jar");
        JarRun run = runJar(List.of(), jar);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(VectorModuleHint.text("Hinted.jar")), run.err().lines().toList());
        assertTrue(Files.exists(dir.resolve("results/output_0.pb")));
    }

    @Test
    void withTheVectorModuleTheJarPrintsNoHint() throws Exception {
        Path jar = convNetJar("Vectorised.jar");
        JarRun run = runJar(List.of("--add-modules", "jdk.incubator.vector"), jar);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().lines().noneMatch(l -> l.startsWith("hint:")), run.err());
        assertTrue(Files.exists(dir.resolve("results/output_0.pb")));
    }

    private record JarRun(int exitCode, String err) {
    }

    private Path convNetJar(String name) throws IOException {
        Path jar = dir.resolve(name);
        Compiler.compile(TestModels.graph(SampleGraphs.all().get("ConvNet")), CompileOptions.jar("ConvNet", jar));
        return jar;
    }

    /** Runs the ConvNet jar with the given JVM options on a zero input; stdout and stderr go to separate files. */
    private JarRun runJar(List<String> jvmOptions, Path jar) throws Exception {
        Path input = dir.resolve("input_0.pb");
        TensorProtoCodec.write(PbTensor.ofFloats("x", new int[] {1, 3, 12, 12}, new float[3 * 12 * 12]), input);
        List<String> command = new java.util.ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--input", input.toString(), "--output-dir",
                dir.resolve("results").toString()));
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the jar did not finish");
        String text = Files.readString(err, StandardCharsets.UTF_8)
                .replace("WARNING: Using incubator modules: jdk.incubator.vector\n", "");
        return new JarRun(p.exitValue(), text);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
