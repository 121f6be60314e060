package org.falconc.bench;

/**
 * A further compiled variant's results at one thread count (the first variant's are the
 * {@link ThreadComparison}'s own fields).
 *
 * @param name         the variant's name
 * @param latency      its latency
 * @param ratioToOrt   median per-round time ratio variant / ONNX Runtime
 * @param ratioToFirst median per-round time ratio variant / the first variant (below 1: faster)
 * @param agreement    its outputs against ORT's on the first sample
 * @param flops        its dense FLOPs per inference ({@link org.falconc.runtime.profile.Flops#denseFlops})
 */
public record VariantTiming(String name, LatencyStats latency, double ratioToOrt, double ratioToFirst,
                            OutputAgreement agreement, long flops) {
}
