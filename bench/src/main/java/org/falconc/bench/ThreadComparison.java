package org.falconc.bench;

/**
 * falconc against ONNX Runtime at one thread count.
 *
 * @param threads    falconc's pool size and ORT's intra-op threads
 * @param falconc    falconc's latency
 * @param ort        ONNX Runtime's latency
 * @param ratio      median over rounds of falconc's time / ORT's time (below 1: falconc is faster)
 * @param agreement  falconc's outputs against ORT's on the first sample
 * @param freshJvm   time to first inference and heap of the jar in a fresh JVM at this thread count
 * @param others     the further variants (compiled with other options), timed in the same rounds
 * @param falconcAlone the first variant timed in a block of its own after the rounds, ONNX Runtime idle
 *                   (its spinning workers, which outlast any short pause, cannot take a core from it)
 * @param ortAlone   ONNX Runtime timed in a block of its own after falconc's, falconc's pool idle
 */
public record ThreadComparison(int threads, LatencyStats falconc, LatencyStats ort, double ratio,
                               OutputAgreement agreement, FreshJvmResult freshJvm, java.util.List<VariantTiming> others,
                               LatencyStats falconcAlone, LatencyStats ortAlone) {
    public ThreadComparison {
        others = java.util.List.copyOf(others);
    }

    /**
     * falconc alone's median / ORT alone's median (below 1: falconc is faster): each engine with the
     * machine to itself, where {@link #ratio} has them share it round by round.
     */
    public double aloneRatio() {
        return falconcAlone.medianMs() / ortAlone.medianMs();
    }
}
