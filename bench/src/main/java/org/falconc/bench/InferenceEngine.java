package org.falconc.bench;

import java.util.Map;

/** One engine under test, bound to its inputs: the harness only times {@link #run}. */
interface InferenceEngine extends AutoCloseable {

    /** "falconc" or "onnxruntime". */
    String name();

    /** Runs one inference on input sample {@code sample} and returns the outputs by name, in output order. */
    Map<String, float[]> run(int sample) throws Exception;

    @Override
    void close() throws Exception;
}
