package org.falconc.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * ONNX Runtime multiplying the same matrices through a one-node {@link MatMulModel}. A timed run is
 * {@code session.run} alone: the result stays in native memory, as falconc's C stays in its array.
 */
final class OrtMatMulEngine implements InferenceEngine {
    private final GemmShape shape;
    private final OrtSession session;
    private final OnnxTensor xt;

    /** {@code model} was written by {@link MatMulModel#write} for {@code shape}; {@code b} is B[K, N] row-major. */
    OrtMatMulEngine(GemmShape shape, Path model, float[] b, int threads, boolean spinning) throws OrtException {
        this.shape = shape;
        try (OrtSession.SessionOptions options = OrtEngine.sessionOptions(threads, spinning)) {
            session = OrtEngine.environment().createSession(model.toString(), options);
        }
        int k = shape.k();
        int n = shape.n();
        float[] transposed = new float[n * k];
        for (int kk = 0; kk < k; kk++) {
            for (int nn = 0; nn < n; nn++) {
                transposed[nn * k + kk] = b[kk * n + nn];
            }
        }
        xt = OnnxTensor.createTensor(OrtEngine.environment(), FloatBuffer.wrap(transposed), new long[] {n, k});
    }

    @Override
    public String name() {
        return "onnxruntime";
    }

    @Override
    public Map<String, float[]> run(int sample) throws OrtException {
        session.run(Map.of("xt", xt)).close();
        return Map.of();
    }

    /** C[M, N] row-major (transposed back from ORT's [N, M]), for checking that both compute the same. */
    float[] product() throws OrtException {
        try (OrtSession.Result r = session.run(Map.of("xt", xt))) {
            FloatBuffer yt = ((OnnxTensor) r.get(0)).getFloatBuffer();
            int m = shape.m();
            int n = shape.n();
            float[] c = new float[m * n];
            for (int nn = 0; nn < n; nn++) {
                for (int mm = 0; mm < m; mm++) {
                    c[mm * n + nn] = yt.get(nn * m + mm);
                }
            }
            return c;
        }
    }

    @Override
    public void close() throws OrtException {
        xt.close();
        session.close();
    }
}
