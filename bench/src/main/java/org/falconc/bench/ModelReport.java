package org.falconc.bench;

import java.util.List;
import org.falconc.runtime.profile.ComputeRate;

/**
 * Everything {@code falconc bench MODEL} measured.
 *
 * @param environment  JDK, GEMM kernel, CPU, ORT version, date
 * @param model        the model file's name
 * @param inputs       where the inputs came from
 * @param warmup       untimed rounds per thread count, at least
 * @param warmupSeconds untimed seconds per thread count, at least
 * @param rounds       timed rounds per thread count
 * @param ortSpinning  whether ORT's idle workers spun (its default)
 * @param compilation  compile time and the sizes the heap target is stated in
 * @param results      one comparison per thread count, in the order asked
 * @param variant      the name of the first compiled variant (the "falconc" columns)
 * @param flops        the first variant's dense FLOPs per inference: 2 x the convolution and matrix
 *                     product MACs of its layers ({@link org.falconc.runtime.profile.Flops#denseFlops})
 */
public record ModelReport(Environment environment, String model, String inputs, int warmup, double warmupSeconds, int rounds,
                          boolean ortSpinning, ModelCompilation compilation, List<ThreadComparison> results, String variant,
                          long flops) {
    public ModelReport {
        results = List.copyOf(results);
    }

    /** The first variant's rate at {@code t}'s thread count, from the median of its rounds with ORT. */
    public ComputeRate rate(ThreadComparison t) {
        return ComputeRate.ofLatency(flops, t.falconc().medianMs(), environment.peak(), t.threads());
    }

    /** A further variant's rate at {@code t}'s thread count, from the median of its rounds. */
    public ComputeRate rate(ThreadComparison t, VariantTiming v) {
        return ComputeRate.ofLatency(v.flops(), v.latency().medianMs(), environment.peak(), t.threads());
    }

    /**
     * The heap target: weights + 2 x the largest activation, plus 20%. Packed weights are a
     * second copy of most weights, so this is tight by design.
     */
    public long heapBudgetBytes() {
        return (long) (1.2 * (compilation.weightBytes() + 2 * compilation.largestActivationBytes()));
    }
}
