package org.falconc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.falconc.samples.generated.EdgeDetector;
import org.junit.jupiter.api.Test;

/** The class generated at build time from the shipped model finds a vertical edge and nothing else. */
class EdgeDetectorTest {
    @Test
    void findsTheBoundaryOfAHalfBlackHalfWhiteImage() {
        EdgeDetector model = new EdgeDetector();
        assertEquals(1, model.inputNames().size());
        int[] in = model.inputShape("image");
        int h = in[2];
        int w = in[3];
        float[] x = new float[3 * h * w];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int col = w / 2; col < w; col++) {
                    x[(c * h + y) * w + col] = 1f;
                }
            }
        }
        float[] edges = model.run(x);
        int[] out = model.outputShape("edges");
        int oh = out[2];
        int ow = out[3];
        float atBoundary = edges[(oh / 2) * ow + ow / 2];
        float flatLeft = edges[(oh / 2) * ow + ow / 4];
        float flatRight = edges[(oh / 2) * ow + 3 * ow / 4];
        assertTrue(atBoundary > 0.9f, "edge strength at the boundary: " + atBoundary);
        assertTrue(flatLeft < 0.2f && flatRight < 0.2f, "flat regions: " + flatLeft + ", " + flatRight);
    }

    @Test
    void theGeneratedClassCarriesItsRecordedInfo() {
        org.falconc.runtime.model.ModelInfo info = new EdgeDetector().info();
        assertEquals(java.util.List.of(org.falconc.runtime.io.DataType.FLOAT), info.inputTypes());
        assertEquals(java.util.List.of(org.falconc.runtime.io.DataType.FLOAT), info.outputTypes());
    }
}
