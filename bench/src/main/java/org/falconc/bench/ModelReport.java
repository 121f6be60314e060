package org.falconc.bench;

import java.util.List;

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
 */
public record ModelReport(Environment environment, String model, String inputs, int warmup, double warmupSeconds, int rounds,
                          boolean ortSpinning, ModelCompilation compilation, List<ThreadComparison> results, String variant) {
    public ModelReport {
        results = List.copyOf(results);
    }

    /**
     * The heap target: weights + 2 x the largest activation, plus 20%. Packed weights are a
     * second copy of most weights, so this is tight by design.
     */
    public long heapBudgetBytes() {
        return (long) (1.2 * (compilation.weightBytes() + 2 * compilation.largestActivationBytes()));
    }
}
