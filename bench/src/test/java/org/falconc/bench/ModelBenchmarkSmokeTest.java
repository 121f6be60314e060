package org.falconc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole harness on a tiny model, 1 warm-up and 2 timed rounds: structure and agreement, not speed.
 * Nothing here depends on what the clock measured (the rounds' arithmetic is {@link RotatingRoundsTest}'s,
 * on a fake clock); only facts that hold whatever the timings are.
 */
class ModelBenchmarkSmokeTest {
    @TempDir
    Path dir;

    @Test
    void reportsBothEnginesThatAgree() throws Exception {
        OrtAvailability.assumeOrtLoads();
        Path model = TinyConvModel.write(dir);
        ModelReport r = ModelBenchmark.run(new BenchSettings(model, List.of(1), 1, 0, 2, null, null, true, true,
                List.of(new Variant("defaults", org.falconc.passes.PassOptions.defaults()))), stage -> { });

        assertEquals("tiny.onnx", r.model());
        assertEquals(2, r.rounds());
        assertTrue(r.inputs().startsWith("random data"), r.inputs());
        ModelCompilation c = r.compilation();
        assertEquals(TinyConvModel.WEIGHT_BYTES, c.weightBytes());
        assertEquals(TinyConvModel.LARGEST_ACTIVATION_BYTES, c.largestActivationBytes());
        assertEquals((long) (1.2 * (TinyConvModel.WEIGHT_BYTES + 2 * TinyConvModel.LARGEST_ACTIVATION_BYTES)),
                r.heapBudgetBytes());

        assertEquals(TinyConvModel.FLOPS, r.flops());

        assertEquals(1, r.results().size());
        ThreadComparison t = r.results().get(0);
        assertEquals(1, t.threads());
        assertEquals(t.falconcAlone().medianMs() / t.ortAlone().medianMs(), t.aloneRatio(), 1e-12);
        // Surefire runs with the Vector API, so the peak is measured and the rate is a share of it.
        assertNotNull(r.environment().peak());
        double gflops = TinyConvModel.FLOPS / (t.falconc().medianMs() * 1e6);
        assertEquals(gflops, r.rate(t).gflops(), 1e-9 * gflops);
        assertEquals(gflops / (r.environment().peak().gflopsPerCore() * t.threads()), r.rate(t).fractionOfPeak(), 1e-9);
        assertTrue(t.agreement().maxRelativeDiff() < 1e-5, "falconc and ORT disagree: " + t.agreement());

        // The fresh JVM ran the jar (its heap holds at least the weights); its times are not asserted.
        FreshJvmResult fresh = t.freshJvm();
        assertNotNull(fresh);
        assertTrue(fresh.heapPeakBytes() >= fresh.heapBaselineBytes() && fresh.heapBaselineBytes() > c.weightBytes());

        String md = MarkdownReport.of(r);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| tiny.onnx | 1 | ")), md);
        assertTrue(md.contains("fp32 FMA peak "), md);
        String json = JsonReport.of(r);
        assertTrue(json.startsWith("{\"environment\":{") && json.contains("\"ratio_falconc_over_ort\":")
                && json.contains("\"heap_peak_bytes\":") && json.contains("\"onnxruntime_alone\":{")
                && json.contains("\"percent_of_peak\":"), json);
    }
}
