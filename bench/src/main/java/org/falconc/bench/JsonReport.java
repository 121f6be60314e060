package org.falconc.bench;

import org.falconc.runtime.profile.ComputeRate;

/** Reports as JSON (one object; times in milliseconds, sizes in bytes). */
public final class JsonReport {
    private JsonReport() {
    }

    public static String of(ModelReport r) {
        JsonWriter j = new JsonWriter().beginObject();
        environment(j, r.environment());
        j.member("model", r.model()).member("inputs", r.inputs()).member("warmup", r.warmup())
                .member("warmup_seconds", r.warmupSeconds()).member("rounds", r.rounds()).member("ort_spinning", r.ortSpinning())
                .member("variant", r.variant()).member("flops_per_inference", r.flops());
        ModelCompilation c = r.compilation();
        j.name("compilation").beginObject().member("compile_ms", c.compileMillis()).member("layers", c.layers())
                .member("weight_bytes", c.weightBytes()).member("largest_activation_bytes", c.largestActivationBytes())
                .member("arena_bytes", c.arenaBytes()).member("heap_budget_bytes", r.heapBudgetBytes()).endObject();
        j.name("results").beginArray();
        for (ThreadComparison t : r.results()) {
            j.beginObject().member("threads", t.threads());
            latency(j, "falconc", t.falconc());
            latency(j, "onnxruntime", t.ort());
            latency(j, "falconc_alone", t.falconcAlone());
            latency(j, "onnxruntime_alone", t.ortAlone());
            rate(j, r.rate(t));
            j.member("ratio_falconc_over_ort", t.ratio())
                    .member("ratio_alone_falconc_over_ort", t.aloneRatio())
                    .member("max_abs_diff", t.agreement().maxAbsDiff())
                    .member("max_rel_diff", t.agreement().maxRelativeDiff());
            FreshJvmResult f = t.freshJvm();
            if (f != null) {
                j.name("fresh_jvm").beginObject().member("load_ms", f.loadMillis())
                        .member("first_run_ms", f.firstRunMillis())
                        .member("first_inference_ms", f.firstInferenceMillis())
                        .member("wall_to_first_result_ms", f.wallMillis())
                        .member("heap_baseline_bytes", f.heapBaselineBytes())
                        .member("heap_peak_bytes", f.heapPeakBytes())
                        .member("gemm_kernel", f.gemmKernel()).endObject();
            }
            j.name("variants").beginArray();
            for (VariantTiming v : t.others()) {
                j.beginObject().member("name", v.name());
                latency(j, "latency", v.latency());
                rate(j, r.rate(t, v));
                j.member("flops_per_inference", v.flops()).member("ratio_over_ort", v.ratioToOrt()).member("ratio_over_first", v.ratioToFirst())
                        .member("max_rel_diff", v.agreement().maxRelativeDiff()).endObject();
            }
            j.endArray();
            j.endObject();
        }
        return j.endArray().endObject().toString();
    }

    public static String of(GemmReport r) {
        JsonWriter j = new JsonWriter().beginObject();
        environment(j, r.environment());
        j.member("warmup", r.warmup()).member("warmup_seconds", r.warmupSeconds()).member("rounds", r.rounds())
                .member("ort_spinning", r.ortSpinning());
        j.name("results").beginArray();
        for (GemmResult g : r.results()) {
            j.beginObject().member("m", g.shape().m()).member("k", g.shape().k()).member("n", g.shape().n())
                    .member("threads", g.threads()).member("falconc_gflops", g.falconcGflops())
                    .member("ort_gflops", g.ortGflops()).member("ratio_falconc_over_ort", g.ratio())
                    .member("max_rel_diff", g.agreement().maxRelativeDiff()).endObject();
        }
        j.endArray();
        j.name("median_ratio_by_threads").beginObject();
        r.results().stream().map(GemmResult::threads).distinct()
                .forEach(t -> j.member(Integer.toString(t), r.medianRatio(t)));
        return j.endObject().endObject().toString();
    }

    private static void environment(JsonWriter j, Environment e) {
        j.name("environment").beginObject().member("date", e.date()).member("jdk", e.jdk())
                .member("vector_api", e.vectorApi()).member("gemm_kernel", e.gemmKernel()).member("cpu", e.cpu())
                .member("processors", e.processors()).member("onnxruntime", e.ortVersion());
        // null without the Vector API: nothing was measured
        j.member("peak_gflops_per_core", e.peak() == null ? Double.NaN : e.peak().gflopsPerCore())
                .member("peak_species", e.peak() == null ? null : e.peak().species()).endObject();
    }

    /** GFLOP/s and % of peak (null without a measured peak). */
    private static void rate(JsonWriter j, ComputeRate r) {
        j.member("gflops", r.gflops()).member("percent_of_peak", r.percentOfPeak());
    }

    private static void latency(JsonWriter j, String engine, LatencyStats s) {
        j.name(engine).beginObject().member("median_ms", s.medianMs()).member("p10_ms", s.p10Ms())
                .member("p90_ms", s.p90Ms()).member("throughput_per_s", s.throughput()).endObject();
    }
}
