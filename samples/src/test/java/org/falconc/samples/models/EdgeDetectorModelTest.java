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
}
