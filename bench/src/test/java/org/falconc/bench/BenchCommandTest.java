package org.falconc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.falconc.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code falconc bench} as users run it: the falconc command line with this module on the class path
 * (as in falconc-bench.jar), its report formats, variants and refusals. Timings are not asserted.
 */
class BenchCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void benchIsASubcommandWhenTheHarnessIsOnTheClassPath() {
        Run help = run("help", "bench");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("--sparsity") && help.out().contains("ONNX Runtime"), help.out());
    }

    @Test
    void benchmarksTwoVariantsAgainstOrtAndWritesJson() throws Exception {
        OrtAvailability.assumeOrtLoads();
        Path model = TinyConvModel.write(dir);
        Run r = run("bench", model.toString(), "--threads", "1", "--rounds", "2", "--warmup", "1", "--warmup-seconds", "0",
                "--no-fresh-jvm", "--sparsity", "off,exact", "--format", "json");
        assertEquals(0, r.code(), r.err());
        String json = r.out().strip();
        assertTrue(json.startsWith("{\"environment\":{") && json.endsWith("}"), json);
        assertTrue(json.contains("\"model\":\"tiny.onnx\""), json);
        assertTrue(json.contains("\"sparsity off\"") && json.contains("\"sparsity exact\""), json);
        assertTrue(json.contains("\"ratio_falconc_over_ort\":") && json.contains("\"onnxruntime_alone\":{"), json);
    }

    @Test
    void markdownReportHasOneRowPerThreadCount() throws Exception {
        OrtAvailability.assumeOrtLoads();
        Path model = TinyConvModel.write(dir);
        Run r = run("bench", model.toString(), "--threads", "1,2", "--rounds", "2", "--warmup", "1", "--warmup-seconds",
                "0", "--no-fresh-jvm", "--sparsity", "off");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("| tiny.onnx | 1 | ")).count(), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("| tiny.onnx | 2 | ")).count(), r.out());
    }

    @Test
    void refusesBadCommandLinesInOneLine() throws Exception {
        Path model = TinyConvModel.write(dir);
        String[][] bad = {
            {"bench"},
            {"bench", model.toString(), "--gemm"},
            {"bench", model.toString(), "--sparsity", "exact-calibrated"},
            {"bench", model.toString(), "--sparsity", "threshold"},
            {"bench", model.toString(), "--sparsity", "sideways"},
            {"bench", model.toString(), "--threads", "0"},
            {"bench", dir.resolve("missing.onnx").toString()},
            {"bench", model.toString(), "--preprocess", "sepia", "--images", dir.toString()},
        };
        for (String[] args : bad) {
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.out().isEmpty(), r.out());
        }
        assertTrue(Files.list(dir).allMatch(p -> p.getFileName().toString().equals("tiny.onnx")));
    }
}
