package org.falconc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.falconc.frontend.TensorFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ways {@code falconc run} executes a model agree: the interpreter, the model compiled on the fly
 * ({@code --engine compiled}) and a jar from {@code falconc compile}; {@code --input-shape} binding or
 * overriding a declared shape; {@code bench} outside falconc-bench.jar. On the repository's sample model.
 */
class RunPathsTest {
    private static final Path MODEL = Path.of("..", "samples", "models", "edge-detector.onnx");
    private static final Path INPUT = Path.of("..", "samples", "models", "shapes.pb");

    @TempDir
    Path dir;

    private float[] run(String... args) {
        Path out = dir.resolve("out" + Math.abs(String.join(" ", args).hashCode()));
        String[] full = new String[args.length + 2];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--output-dir";
        full[args.length + 1] = out.toString();
        CliRunner r = CliRunner.run(full);
        assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r.err());
        var edges = TensorFiles.read(out.resolve("output_0.pb"));
        assertEquals("edges", edges.name());
        assertArrayEquals(new long[] {1, 1, 64, 64}, java.util.Arrays.stream(edges.tensor().shape().dims())
                .asLongStream().toArray());
        return edges.tensor().floats();
    }

    @Test
    void interpreterCompiledAndJarRunsAgree() {
        float[] interp = run("run", MODEL.toString(), "--input", "image=" + INPUT, "--engine", "interp");
        float[] compiled = run("run", MODEL.toString(), "--input", INPUT.toString(), "--engine", "compiled");
        Path jar = dir.resolve("Edge.jar");
        CliRunner c = CliRunner.run("compile", MODEL.toString(), "-o", jar.toString());
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().startsWith("compiled ") && c.out().contains("class EdgeDetector"), c.out());
        float[] fromJar = run("run", jar.toString(), "--input", INPUT.toString());
        // the same compiled code either way: bit for bit
        assertArrayEquals(compiled, fromJar);
        double maxDiff = 0;
        int nonZero = 0;
        for (int i = 0; i < interp.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(interp[i] - compiled[i]) / (1 + Math.abs(interp[i])));
            nonZero += interp[i] != 0 ? 1 : 0;
        }
        assertTrue(maxDiff < 1e-5, "compiled vs interpreter: " + maxDiff);
        assertTrue(nonZero > 0, "the sample's edges are not all zero");
    }

    @Test
    void inputShapeBindsOrOverridesTheDeclaredShape() throws Exception {
        float[] same = run("run", MODEL.toString(), "--input", INPUT.toString(), "--input-shape", "image=1x3x128x128");
        assertEquals(64 * 64, same.length);
        // A fixed batch of 1, as exporters write it, overridden to 2: the jar takes and returns batch 2.
        Path jar = dir.resolve("Edge2.jar");
        CliRunner c = CliRunner.run("compile", MODEL.toString(), "--input-shape", "image=2x3x128x128", "-o", jar.toString());
        assertEquals(0, c.exitCode(), c.err());
        CliRunner info = CliRunner.run("inspect", jar.toString());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("image[2, 3, 128, 128]") && info.out().contains("edges[2, 1, 64, 64]"), info.out());
        CliRunner wrongRank = CliRunner.run("compile", MODEL.toString(), "--input-shape", "image=3x128x128", "-o",
                dir.resolve("Never.jar").toString());
        assertEquals(2, wrongRank.exitCode(), wrongRank.err());
        assertEquals(1, wrongRank.err().lines().count(), wrongRank.err());
        assertTrue(wrongRank.err().contains("image") && wrongRank.err().contains("rank"), wrongRank.err());
        assertFalse(Files.exists(dir.resolve("Never.jar")));
    }

    @Test
    void benchOutsideTheBenchJarSaysWhereItIs() {
        CliRunner r = CliRunner.run("bench", MODEL.toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("falconc-bench.jar"), r.err());
    }
}
