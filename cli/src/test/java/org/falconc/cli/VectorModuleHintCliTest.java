package org.falconc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.falconc.runtime.model.VectorModuleHint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * falconc started without jdk.incubator.vector (as {@code java -jar falconc.jar profile ...} would be)
 * prints one hint line when it runs a model, and with the module none. A JVM of its own, since the
 * test JVM has the module.
 */
class VectorModuleHintCliTest {
    private static final Path SAMPLE = Path.of("..", "samples", "models", "edge-detector.onnx");

    @TempDir
    Path dir;

    @Test
    void profileWithoutTheModulePrintsOneHintLineAndStillRuns() throws Exception {
        Run run = falconc(List.of(), "profile", SAMPLE.toString(), "--runs", "1", "--warmup", "0");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(VectorModuleHint.text("falconc.jar")), run.err().lines().toList());
        assertTrue(run.out().contains("theoretical computation reduction"), run.out());
    }

    @Test
    void profileWithTheModulePrintsNoHint() throws Exception {
        Run run = falconc(List.of("--add-modules", "jdk.incubator.vector"), "profile", SAMPLE.toString(),
                "--runs", "1", "--warmup", "0");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().lines().noneMatch(l -> l.startsWith("hint:")), run.err());
    }

    private record Run(int exitCode, String out, String err) {
    }

    /** Runs falconc's main in a new JVM on this test's class path. */
    private Run falconc(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "falconc did not finish");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8)
                        .replace("WARNING: Using incubator modules: jdk.incubator.vector\n", ""));
    }
}
