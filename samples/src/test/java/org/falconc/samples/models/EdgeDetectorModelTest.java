package org.falconc.samples.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed sample files are exactly what the project's generator writes (no downloaded model ships). */
class EdgeDetectorModelTest {
    @Test
    void committedModelIsGenerated() throws Exception {
        byte[] committed = Files.readAllBytes(Path.of("models", "edge-detector.onnx"));
        assertArrayEquals(EdgeDetectorModel.build().toByteArray(), committed,
                "samples/models/edge-detector.onnx differs from EdgeDetectorModel.build(); regenerate it with "
                        + "EdgeDetectorModel's main");
    }

    @Test
    void committedSampleInputIsGenerated() throws Exception {
        byte[] committed = Files.readAllBytes(Path.of("models", "shapes.pb"));
        assertArrayEquals(EdgeDetectorModel.sampleInput().toByteArray(), committed,
                "samples/models/shapes.pb differs from EdgeDetectorModel.sampleInput(); regenerate it");
    }

    @Test
    void committedSampleImageIsGenerated() throws Exception {
        java.awt.image.BufferedImage committed = javax.imageio.ImageIO.read(Path.of("models", "shapes.png").toFile());
        java.awt.image.BufferedImage expected = EdgeDetectorModel.sampleImage();
        org.junit.jupiter.api.Assertions.assertEquals(expected.getWidth(), committed.getWidth());
        org.junit.jupiter.api.Assertions.assertEquals(expected.getHeight(), committed.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                // Pixels, not bytes: PNG compression may differ between JDKs.
                org.junit.jupiter.api.Assertions.assertEquals(expected.getRGB(x, y), committed.getRGB(x, y),
                        "samples/models/shapes.png differs from EdgeDetectorModel.sampleImage() at " + x + "," + y
                                + "; regenerate it with EdgeDetectorModel's main");
            }
        }
    }
}
