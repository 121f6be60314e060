package org.falconc.bench;

import java.util.Locale;
import org.falconc.runtime.profile.ComputeRate;
import org.falconc.runtime.profile.MachinePeak;

/**
 * Reports as markdown: a few lines of context, then one table whose rows start with "| " (the models
 * table script, bench/run-models.sh, concatenates the rows of several runs under one header).
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String of(ModelReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("## falconc bench ").append(r.model()).append("\n\n");
        sb.append(environment(r.environment())).append("\n\n");
        ModelCompilation c = r.compilation();
        sb.append("- inputs: ").append(r.inputs()).append('\n');
        sb.append(f("- compile (import, optimizing passes, code generation, jar): %.0f ms; %d layers; weights %s; "
                + "largest activation %s; activation arena %s; heap budget %s%n", c.compileMillis(), c.layers(),
                mib(c.weightBytes()), mib(c.largestActivationBytes()), mib(c.arenaBytes()), mib(r.heapBudgetBytes())));
        sb.append(f("- %d timed rounds after %s per thread count; each round runs both engines, in an "
                + "order that flips every round; falconc/ORT is the median of the per-round time ratios (below 1: "
                + "falconc is faster); inf/s = rounds / total time; ONNX Runtime: ALL_OPT, inter-op 1, intra-op = "
                + "threads, %s%n", r.rounds(), warmup(r.warmup(), r.warmupSeconds()), spinning(r.ortSpinning())));
        sb.append(f("- first inference: a fresh JVM (`java --add-modules jdk.incubator.vector -cp Model.jar`) loading "
                + "the class and its weights and running once, timed inside it (JVM start to first result in "
                + "brackets); heap: used after a GC once the model has run (live), and the summed heap-pool peaks over "
                + "%d more inferences (peak; garbage counts until collected); heap budget = 1.2 x (weights + 2 x "
                + "largest activation)%n", FreshJvmProbe.HEAP_RUNS));
        sb.append("- falconc alone: the same compiled model timed in a block of its own after the rounds, 200 ms after ORT's "
                + "last run: ORT's idle workers spin for tens of milliseconds (its default), longer than the pause "
                + "before each run, and at 2 threads take the core falconc's run needs; ORT alone: ONNX Runtime timed "
                + "the same way after falconc's block; alone ratio = falconc alone median / ORT alone median\n");
        sb.append(f("- GFLOP/s: the dense convolution and matrix-product FLOPs of one inference (2 x MACs: %.3f GFLOP) / "
                + "the median time; %% of peak: GFLOP/s / (the fp32 FMA peak per core above x threads); the peak is "
                + "measured first, by a Vector API loop of independent FMA chains on one thread (best of %d x %d ms), "
                + "and N threads' peak is taken as N x that%n", r.flops() / 1e9, MachinePeak.SLICES,
                MachinePeak.SLICE_NANOS / 1_000_000));
        sb.append("- max rel diff: largest |falconc - ORT| over the outputs / largest |ORT output|\n");
        sb.append("- falconc: compiled with ").append(r.variant()).append("\n\n");
        sb.append("| model | threads | falconc ms (p10-p90) | ORT ms (p10-p90) | falconc/ORT | falconc alone ms "
                + "| ORT alone ms | alone ratio | GFLOP/s | % of peak | falconc inf/s "
                + "| ORT inf/s | compile s | first inference s | heap MiB live/peak | max rel diff |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ThreadComparison t : r.results()) {
            FreshJvmResult fresh = t.freshJvm();
            ComputeRate rate = r.rate(t);
            sb.append(f("| %s | %d | %s | %s | %.2f | %s | %s | %.2f | %s | %s | %.1f | %.1f | %.2f | %s | %s | %.1e |%n",
                    r.model(), t.threads(), latency(t.falconc()), latency(t.ort()), t.ratio(), latency(t.falconcAlone()),
                    latency(t.ortAlone()), t.aloneRatio(), gflops(rate), percent(rate), t.falconc().throughput(),
                    t.ort().throughput(),
                    c.compileMillis() / 1000,
                    fresh == null ? "-" : f("%.2f (%.2f)", fresh.firstInferenceMillis() / 1000, fresh.wallMillis() / 1000),
                    fresh == null ? "-" : f("%.0f/%.0f", fresh.heapBaselineBytes() / 1048576.0,
                            fresh.heapPeakBytes() / 1048576.0),
                    t.agreement().maxRelativeDiff()));
        }
        if (r.results().stream().anyMatch(t -> !t.others().isEmpty())) {
            sb.append(f("%nCompiled variants timed in the same rounds (vs first: median per-round ratio to %s, below 1 "
                    + "is faster):%n%n", r.variant()));
            sb.append("| model | threads | variant | ms (p10-p90) | GFLOP/s | % of peak | vs ORT | vs first | max rel diff |\n");
            sb.append("|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
            for (ThreadComparison t : r.results()) {
                sb.append(f("| %s | %d | %s | %s | %s | %s | %.2f | %.2f | %.1e |%n", r.model(), t.threads(), r.variant(),
                        latency(t.falconc()), gflops(r.rate(t)), percent(r.rate(t)), t.ratio(), 1.0,
                        t.agreement().maxRelativeDiff()));
                for (VariantTiming v : t.others()) {
                    ComputeRate rate = r.rate(t, v);
                    sb.append(f("| %s | %d | %s | %s | %s | %s | %.2f | %.2f | %.1e |%n", r.model(), t.threads(), v.name(),
                            latency(v.latency()), gflops(rate), percent(rate), v.ratioToOrt(), v.ratioToFirst(),
                            v.agreement().maxRelativeDiff()));
                }
            }
        }
        return sb.toString();
    }

    public static String of(GemmReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("## falconc bench --gemm\n\n");
        sb.append(environment(r.environment())).append("\n\n");
        sb.append(f("- C[M, N] = A[M, K] x B[K, N] with A packed once (falconc `Gemm.multiply`, no epilogue) against "
                + "ONNX Runtime running the transposed product as a one-node MatMul with A^T a constant initializer "
                + "(pre-packed by MLAS)%n"));
        sb.append(f("- %d timed rounds after %s per shape and thread count; each round runs both, in an order that flips "
                + "every round; GFLOP/s of the median round; ratio = median of the per-round falconc / ORT GFLOP/s "
                + "(below 1: falconc is slower); ONNX Runtime: %s%n%n", r.rounds(),
                warmup(r.warmup(), r.warmupSeconds()),
                spinning(r.ortSpinning())));
        sb.append("| M x K x N | threads | falconc GFLOP/s | ORT GFLOP/s | falconc/ORT | max rel diff |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        for (GemmResult g : r.results()) {
            sb.append(f("| %s | %d | %.1f | %.1f | %.2f | %.1e |%n", g.shape(), g.threads(), g.falconcGflops(),
                    g.ortGflops(), g.ratio(), g.agreement().maxRelativeDiff()));
        }
        sb.append('\n');
        r.results().stream().map(GemmResult::threads).distinct().forEach(t ->
                sb.append(f("Median over shapes of falconc/ORT at %d thread(s): %.2f%n", t, r.medianRatio(t))));
        return sb.toString();
    }

    static String environment(Environment e) {
        return f("JDK %s, GEMM kernel %s%s, ONNX Runtime %s, CPU %s (%d processors), %s, %s", e.jdk(), e.gemmKernel(),
                e.vectorApi() ? "" : " (jdk.incubator.vector absent: scalar fallback)", e.ortVersion(), e.cpu(),
                e.processors(), e.peakDescription(), e.date());
    }

    private static String warmup(int rounds, double seconds) {
        return f("%d warm-up rounds (and at least %.1f s)", rounds, seconds);
    }

    private static String spinning(boolean on) {
        return (on ? "idle workers spin (its default)" : "idle workers sleep at once (--ort-no-spin)")
                + "; 5 ms untimed pause before every run, so neither engine's spinning workers take the other's core";
    }

    private static String gflops(ComputeRate r) {
        return Double.isFinite(r.gflops()) ? f("%.1f", r.gflops()) : "n/a";
    }

    /** "n/a" without a measured peak. */
    private static String percent(ComputeRate r) {
        return Double.isFinite(r.fractionOfPeak()) ? f("%.1f", r.percentOfPeak()) : "n/a";
    }

    private static String latency(LatencyStats s) {
        return f("%s (%s-%s)", ms(s.medianMs()), ms(s.p10Ms()), ms(s.p90Ms()));
    }

    /** Three significant digits, enough for run-to-run noise of a few percent. */
    private static String ms(double v) {
        return v >= 100 ? f("%.0f", v) : v >= 10 ? f("%.1f", v) : f("%.2f", v);
    }

    private static String mib(long bytes) {
        return f("%.1f MiB", bytes / 1048576.0);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
