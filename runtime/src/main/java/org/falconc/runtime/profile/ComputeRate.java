package org.falconc.runtime.profile;

/**
 * How fast a model (or one layer) computed: its dense FLOPs over a time, and that rate as a fraction
 * of the machine's peak for the threads it ran on.
 *
 * @param gflops         FLOPs / time, GFLOP/s
 * @param fractionOfPeak gflops / (per-core peak x threads); NaN when the peak is unknown
 */
public record ComputeRate(double gflops, double fractionOfPeak) {

    /** {@code flops} done in {@code nanos} on {@code threads} threads; {@code peak} may be null (not measured). */
    public static ComputeRate of(double flops, double nanos, MachinePeak peak, int threads) {
        double gflops = Flops.gflops(flops, nanos);
        return new ComputeRate(gflops, peak == null ? Double.NaN : peak.fractionOf(gflops, threads));
    }

    /** {@code flopsPerInference} at a median latency of {@code latencyMs}. */
    public static ComputeRate ofLatency(long flopsPerInference, double latencyMs, MachinePeak peak, int threads) {
        return of(flopsPerInference, latencyMs * 1e6, peak, threads);
    }

    public double percentOfPeak() {
        return 100 * fractionOfPeak;
    }
}
