package com.example.edges;

import com.example.edges.vision.EdgeDetector;

/** The project's own code, written against the class the plug-in generates from src/main/onnx/vision/edge-detector.onnx. */
public final class EdgeFinder {
    /** Input height and width of the model ([1, 3, 128, 128], values 0..1). */
    public static final int SIZE = 128;

    private final EdgeDetector model = EdgeDetector.builder().build();

    /** The edge-strength map [1, 1, 64, 64] (values 0..1) of an RGB image in NCHW order. */
    public float[] edges(float[] rgb) {
        return model.run(rgb);
    }

    /** The model's output shape, as the generated class declares it. */
    public int[] outputShape() {
        return model.outputShape(model.outputNames().get(0));
    }
}
