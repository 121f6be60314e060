package com.example.edges;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.other.DenseEdges;
import org.junit.jupiter.api.Test;

/**
 * Runs the generated edge detector (samples/models/edge-detector.onnx: Sobel-like 3x3 filters + Relu, 3x3
 * smoothing + Relu, 2x2 max pool, 1x1 mix with bias -2.5, Sigmoid) where its result is known: away from
 * the image border, a flat region gives exactly sigmoid(-2.5) (every filter reads zero) and a vertical
 * black/white step gives close to 1 on the step and sigmoid(-2.5) a few pixels away.
 */
class EdgeFinderTest {
    private static final int S = EdgeFinder.SIZE;
    private static final int OUT = S / 2;
    private static final float FLAT = (float) (1 / (1 + Math.exp(2.5)));

    /** A grey image, or one black left of column {@code step} and white from it on (step < 0: flat). */
    private static float[] image(int step) {
        float[] x = new float[3 * S * S];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < S; y++) {
                for (int col = 0; col < S; col++) {
                    x[(c * S + y) * S + col] = step < 0 ? 0.6f : col >= step ? 1f : 0f;
                }
            }
        }
        return x;
    }

    @Test
    void outputHasTheModelsShapeAndIsFinite() {
        EdgeFinder finder = new EdgeFinder();
        assertArrayEquals(new int[] {1, 1, OUT, OUT}, finder.outputShape());
        float[] e = finder.edges(image(64));
        assertEquals(OUT * OUT, e.length);
        for (float v : e) {
            assertTrue(Float.isFinite(v) && v >= 0 && v <= 1, "edge strength " + v);
        }
    }

    @Test
    void aFlatImageHasNoEdgesAwayFromTheBorder() {
        float[] e = new EdgeFinder().edges(image(-1));
        for (int y = 2; y < OUT - 2; y++) {
            for (int x = 2; x < OUT - 2; x++) {
                assertEquals(FLAT, e[y * OUT + x], 1e-5f, "(" + y + ", " + x + ")");
            }
        }
    }

    @Test
    void aVerticalStepIsAnEdgeOnTheStepOnly() {
        float[] e = new EdgeFinder().edges(image(64));
        for (int y = 2; y < OUT - 2; y++) {
            float onStep = Math.max(e[y * OUT + 31], e[y * OUT + 32]);
            assertTrue(onStep > 0.99f, "row " + y + " on the step: " + onStep);
            for (int x : new int[] {4, 16, 27, 36, 48, 59}) {
                assertEquals(FLAT, e[y * OUT + x], 1e-5f, "row " + y + ", column " + x);
            }
        }
    }

    @Test
    void theSparseAndTheDenseCompilationOfTheModelAgree() {
        float[] x = image(64);
        for (int i = 0; i < x.length; i++) {
            x[i] *= 0.5f + 0.5f * (float) Math.sin(i * 0.37);
        }
        float[] sparse = new EdgeFinder().edges(x);
        float[] dense = DenseEdges.builder().build().run(x);
        assertEquals(sparse.length, dense.length);
        for (int i = 0; i < sparse.length; i++) {
            assertEquals(dense[i], sparse[i], 1e-5f, "element " + i);
        }
    }
}
