package org.falconc.bench;

import org.falconc.compiler.InputSet;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ONNX Runtime on the same model file: all graph optimisations, {@code threads} intra-op threads, one
 * inter-op thread (ORT's defaults otherwise, e.g. spinning worker threads). The input tensors are made
 * once, up front; a run is {@code session.run} plus copying the outputs into Java arrays, the ORT
 * counterpart of falconc's {@code run(Map)}.
 */
final class OrtEngine implements InferenceEngine {
    private final OrtSession session;
    private final List<Map<String, OnnxTensor>> feeds = new ArrayList<>();

    OrtEngine(Path model, int threads, boolean spinning, InputSet inputs) throws OrtException {
        OrtEnvironment env = environment();
        try (OrtSession.SessionOptions options = sessionOptions(threads, spinning)) {
            session = env.createSession(model.toString(), options);
        }
        try {
            for (Map<String, float[]> sample : inputs.samples()) {
                Map<String, OnnxTensor> feed = new LinkedHashMap<>();
                feeds.add(feed);
                for (var e : sample.entrySet()) {
                    long[] shape = onnxShape(session, e.getKey(), e.getValue().length);
                    feed.put(e.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(e.getValue()), shape));
                }
            }
        } catch (OrtException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The process-wide environment, logging errors only (ORT warns about unused initializers on stderr). */
    static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "falconc-bench");
    }

    /** ALL_OPT, {@code threads} intra-op threads, 1 inter-op thread, spinning workers unless {@code spinning} is false. */
    static OrtSession.SessionOptions sessionOptions(int threads, boolean spinning) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        if (!spinning) {
            // ORT's idle intra-op workers spin before they sleep; off, they cannot take a core from
            // the falconc run that follows (a check on the alternation, not ORT's default).
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
        }
        return options;
    }

    /** The input's shape as the model declares it, symbolic dimensions (batch) taken as 1. */
    private static long[] onnxShape(OrtSession session, String name, int elements) throws OrtException {
        var info = session.getInputInfo().get(name);
        if (info == null) {
            throw new IllegalArgumentException("ONNX Runtime does not know input '" + name + "'; its inputs are "
                    + session.getInputNames());
        }
        long[] shape = ((ai.onnxruntime.TensorInfo) info.getInfo()).getShape().clone();
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                shape[i] = 1;
            }
            n *= shape[i];
        }
        if (n != elements) {
            throw new IllegalArgumentException("input '" + name + "': falconc compiled " + elements
                    + " elements, ONNX Runtime expects shape " + java.util.Arrays.toString(shape));
        }
        return shape;
    }

    @Override
    public String name() {
        return "onnxruntime";
    }

    @Override
    public Map<String, float[]> run(int sample) throws OrtException {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (OrtSession.Result result = session.run(feeds.get(sample % feeds.size()))) {
            for (Map.Entry<String, OnnxValue> e : result) {
                FloatBuffer fb = ((OnnxTensor) e.getValue()).getFloatBuffer();
                out.put(e.getKey(), toArray(fb));
            }
        }
        return out;
    }

    private static float[] toArray(FloatBuffer fb) {
        if (fb.hasArray() && fb.arrayOffset() == 0 && fb.position() == 0 && fb.remaining() == fb.array().length) {
            return fb.array(); // ORT already copied the tensor into a heap buffer
        }
        float[] data = new float[fb.remaining()];
        fb.get(data);
        return data;
    }

    @Override
    public void close() throws OrtException {
        for (Map<String, OnnxTensor> feed : feeds) {
            feed.values().forEach(OnnxTensor::close);
        }
        session.close();
    }
}
