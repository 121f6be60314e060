package org.falconc.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.falconc.codegen.EmitKind;
import org.falconc.frontend.TensorFiles;
import org.falconc.interp.Interpreter;
import org.falconc.ir.ErrorKind;
import org.falconc.ir.FalconcException;
import org.falconc.ir.Graph;
import org.falconc.ir.Tensor;
import org.falconc.passes.SparsityMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiler API: one call from a model file to a jar or source, its listener, and its refusals. */
class FalconcTest {
    /** The repository's sample model (a Relu-fed convolution stack; no ../shared needed). */
    private static final Path MODEL = Path.of("..", "samples", "models", "edge-detector.onnx");
    private static final Path INPUT = Path.of("..", "samples", "models", "shapes.pb");

    @TempDir
    Path dir;

    /** Records what the compilation reported. */
    private static final class Recorder implements CompileListener {
        final List<String> stages = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        @Override
        public void stage(String what) {
            stages.add(what);
        }

        @Override
        public void note(String message) {
            notes.add(message);
        }
    }

    @Test
    void compilesAJarWhoseModelComputesWhatTheInterpreterDoes() {
        Recorder r = new Recorder();
        Path jar = dir.resolve("Edge.jar");
        CompileResult result = Falconc.compile(MODEL, CompileRequest.to(jar).listener(r));
        assertEquals("EdgeDetector", result.className());
        assertEquals(List.of(jar), result.files());
        assertTrue(result.layerCount() > 0 && result.weightBytes() > 0 && result.peakActivationBytes() > 0);
        assertEquals(List.of("importing and optimising edge-detector.onnx", "generating code"), r.stages);

        Tensor x = TensorFiles.read(INPUT).tensor();
        Graph reference = ModelLoader.load(MODEL, Map.of(), null).graph(); // the standard (typing) pipeline
        String input = reference.inputs().get(0).name();
        Map<String, Tensor> expected = Interpreter.run(reference, Map.of(input, x));
        try (CompiledJar cj = CompiledJar.open(jar, 1)) {
            Map<String, Tensor> got = ModelArrays.run(cj.model(), Map.of(input, x));
            assertEquals(expected.keySet(), got.keySet());
            for (String name : expected.keySet()) {
                float[] e = expected.get(name).floats();
                float[] g = got.get(name).floats();
                assertEquals(e.length, g.length);
                for (int i = 0; i < e.length; i++) {
                    assertEquals(e[i], g[i], 1e-4f * (1 + Math.abs(e[i])), name + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void emitsJavaSourceUnderTheRequestedClassName() throws IOException {
        Path out = dir.resolve("src");
        CompileResult result = Falconc.compile(MODEL, CompileRequest.to(out).emit(EmitKind.JAVA)
                .className("com.acme.vision.Edges").sparsity(SparsityMode.OFF));
        assertEquals("com.acme.vision.Edges", result.className());
        Path source = out.resolve("com/acme/vision/Edges.java");
        assertTrue(result.files().contains(source), result.files().toString());
        assertTrue(Files.readString(source).contains("public final class Edges"));
        assertTrue(result.files().stream().anyMatch(f -> f.toString().endsWith(".weights")), result.files().toString());
    }

    @Test
    void calibratesOnTheRequestsInputsAndSaysWhatItMeasured() throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("calibration"));
        Files.copy(INPUT, inputs.resolve("shapes.pb"));
        Recorder r = new Recorder();
        Falconc.compile(MODEL, CompileRequest.to(dir.resolve("Cal.jar")).calibration(inputs).listener(r));
        assertTrue(r.stages.get(0).startsWith("calibrating on "), r.stages.toString());
        assertTrue(r.notes.stream().anyMatch(n -> n.startsWith("calibration: timed ")), r.notes.toString());
        assertTrue(Files.isRegularFile(dir.resolve("Cal.jar")));
    }

    @Test
    void refusesBadRequestsAsUserErrorsBeforeWritingAnything() throws IOException {
        Path jar = dir.resolve("Never.jar");
        List<UnaryOperator<CompileRequest>> bad = List.of(
                r -> r.sparsity(SparsityMode.THRESHOLD),
                r -> r.className("java.lang.Edge"),
                r -> r.className("not a name"),
                r -> r.preprocess("sepia"),
                r -> r.maxDrop(2),
                r -> r.inputShapes(List.of("nosuchinput=1x1x8x8")),
                r -> r.inputShapes(List.of("x=1x3x")));
        for (UnaryOperator<CompileRequest> edit : bad) {
            FalconcException e = assertThrows(FalconcException.class,
                    () -> Falconc.compile(MODEL, edit.apply(CompileRequest.to(jar))));
            assertEquals(ErrorKind.USER_INPUT, e.kind(), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertFalse(Files.exists(jar));
        }
        FalconcException self = assertThrows(FalconcException.class, () -> Falconc.compile(MODEL, CompileRequest.to(MODEL)));
        assertEquals(ErrorKind.USER_INPUT, self.kind());
        FalconcException missing = assertThrows(FalconcException.class,
                () -> Falconc.compile(dir.resolve("missing.onnx"), CompileRequest.to(jar)));
        assertEquals(ErrorKind.USER_INPUT, missing.kind());
        Path device = Files.createDirectories(dir.resolve("a-directory.jar"));
        assertThrows(FalconcException.class, () -> Falconc.compile(MODEL, CompileRequest.to(device)));
        assertArrayEquals(new String[0], device.toFile().list());
    }
}
