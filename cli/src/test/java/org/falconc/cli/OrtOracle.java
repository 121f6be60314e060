package org.falconc.cli;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.falconc.ir.Tensor;

/** ONNX Runtime 1.22 as the oracle for float32 models (test scope only). */
final class OrtOracle implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    OrtOracle(Path model) throws OrtException {
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            so.setIntraOpNumThreads(1);
            so.setInterOpNumThreads(1);
            session = env.createSession(model.toString(), so);
        }
    }

    /** Runs the model; returns each output's float data by name, in the model's output order. */
    Map<String, float[]> run(Map<String, Tensor> inputs) throws OrtException {
        Map<String, OnnxTensor> feeds = new HashMap<>();
        try {
            for (var e : inputs.entrySet()) {
                Tensor t = e.getValue();
                feeds.put(e.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(t.floats()),
                        t.shape().dimsAsLongs()));
            }
            Map<String, float[]> out = new LinkedHashMap<>();
            try (OrtSession.Result r = session.run(feeds)) {
                for (Map.Entry<String, OnnxValue> e : r) {
                    FloatBuffer fb = ((OnnxTensor) e.getValue()).getFloatBuffer();
                    float[] data = new float[fb.remaining()];
                    fb.get(data);
                    out.put(e.getKey(), data);
                }
            }
            return out;
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
