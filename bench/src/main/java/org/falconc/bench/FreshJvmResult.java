package org.falconc.bench;

/**
 * Time to first inference and heap use of a compiled model in a JVM of its own ({@link FreshJvmProbe}).
 *
 * @param loadMillis        loading the model class and its weights, packing them (inside the child)
 * @param firstRunMillis    the first inference (inside the child)
 * @param wallMillis        from spawning {@code java} to the first inference's end (JVM start included)
 * @param heapBaselineBytes heap used after a GC once the model has run
 * @param heapPeakBytes     the heap pools' summed peak usage during further inferences
 * @param gemmKernel        the GEMM kernel the child used
 */
public record FreshJvmResult(double loadMillis, double firstRunMillis, double wallMillis, long heapBaselineBytes,
                             long heapPeakBytes, String gemmKernel) {

    /** Class load + weight load + first run, as measured inside the child. */
    public double firstInferenceMillis() {
        return loadMillis + firstRunMillis;
    }
}
