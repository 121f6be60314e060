package org.falconc.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Skips a test when ONNX Runtime's native library cannot load on this machine. */
final class OrtAvailability {
    private OrtAvailability() {
    }

    static void assumeOrtLoads() {
        String problem = null;
        try {
            OrtEngine.environment();
        } catch (LinkageError | RuntimeException e) {
            problem = e.toString();
        }
        assumeTrue(problem == null, "ONNX Runtime's native library does not load here (" + problem + "): skipping");
    }
}
