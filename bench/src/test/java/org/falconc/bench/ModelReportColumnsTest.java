package org.falconc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.falconc.runtime.profile.MachinePeak;
import org.junit.jupiter.api.Test;

/**
 * The model report's rate and alone columns from fixed numbers: GFLOP/s = FLOPs per inference /
 * falconc's median, % of peak = that / (peak per core x threads), alone ratio = falconc alone's
 * median / ORT alone's median, in both the markdown table and the JSON.
 */
class ModelReportColumnsTest {
    /** 1 GFLOP per inference. */
    private static final long FLOPS = 1_000_000_000L;

    private static LatencyStats ms(double median) {
        return new LatencyStats(median, median, median, 1000 / median);
    }

    private static ModelReport report(MachinePeak peak) {
        Environment env = new Environment("2026-01-01T00:00:00Z", "17", true, "vector", "cpu", 2, "1.22.0", peak);
        ModelCompilation c = new ModelCompilation(Path.of("m.jar"), "M", 1000, 3, 4096, 8192, 1024);
        OutputAgreement agreement = new OutputAgreement(0, 0);
        // 2 threads: falconc 20 ms in the rounds (50 GFLOP/s), alone 16 ms against ORT alone's 8 ms.
        VariantTiming exact = new VariantTiming("sparsity exact", ms(10), 0.5, 0.5, agreement, FLOPS);
        ThreadComparison t = new ThreadComparison(2, ms(20), ms(10), 2.0, agreement, null, List.of(exact), ms(16),
                ms(8));
        return new ModelReport(env, "m.onnx", "random", 1, 0, 5, true, c, List.of(t), "sparsity off", FLOPS);
    }

    @Test
    void rateIsFlopsOverTheMedianAndAShareOfPeakTimesThreads() {
        ModelReport r = report(new MachinePeak(125, "S"));
        ThreadComparison t = r.results().get(0);
        assertEquals(50.0, r.rate(t).gflops(), 1e-9);
        assertEquals(20.0, r.rate(t).percentOfPeak(), 1e-9); // 50 / (125 x 2)
        assertEquals(100.0, r.rate(t, t.others().get(0)).gflops(), 1e-9);
        assertEquals(40.0, r.rate(t, t.others().get(0)).percentOfPeak(), 1e-9);
        assertEquals(2.0, t.aloneRatio(), 1e-12);
    }

    @Test
    void markdownHasTheNewColumnsFilledFromTheNumbers() {
        String md = MarkdownReport.of(report(new MachinePeak(125, "S")));
        assertTrue(md.contains("fp32 FMA peak 125.0 GFLOP/s per core (S)"), md);
        List<String> rows = md.lines().filter(l -> l.startsWith("|")).toList();
        List<String> header = cells(rows.get(0));
        List<String> row = cells(rows.get(2));
        assertEquals(header.size(), row.size(), rows.get(2));
        assertEquals("16.0 (16.0-16.0)", row.get(header.indexOf("falconc alone ms")));
        assertEquals("8.00 (8.00-8.00)", row.get(header.indexOf("ORT alone ms")));
        assertEquals("2.00", row.get(header.indexOf("alone ratio")));
        assertEquals("2.00", row.get(header.indexOf("falconc/ORT")));
        assertEquals("50.0", row.get(header.indexOf("GFLOP/s")));
        assertEquals("20.0", row.get(header.indexOf("% of peak")));

        List<String> variantsHeader = cells(rows.get(3));
        List<String> exact = cells(rows.get(6));
        assertEquals("sparsity exact", exact.get(variantsHeader.indexOf("variant")));
        assertEquals("100.0", exact.get(variantsHeader.indexOf("GFLOP/s")));
        assertEquals("40.0", exact.get(variantsHeader.indexOf("% of peak")));
    }

    @Test
    void withoutAPeakTheShareIsNotAvailable() {
        ModelReport r = report(null);
        String md = MarkdownReport.of(r);
        assertTrue(md.contains(MachinePeak.NOT_AVAILABLE), md);
        List<String> rows = md.lines().filter(l -> l.startsWith("|")).toList();
        List<String> header = cells(rows.get(0));
        assertEquals("50.0", cells(rows.get(2)).get(header.indexOf("GFLOP/s")));
        assertEquals("n/a", cells(rows.get(2)).get(header.indexOf("% of peak")));
        String json = JsonReport.of(r);
        assertTrue(json.contains("\"peak_gflops_per_core\":null") && json.contains("\"percent_of_peak\":null"), json);
    }

    @Test
    void jsonCarriesTheSameFields() {
        String json = JsonReport.of(report(new MachinePeak(125, "S")));
        for (String field : List.of("\"peak_gflops_per_core\":125", "\"peak_species\":\"S\"",
                "\"flops_per_inference\":1000000000", "\"onnxruntime_alone\":{\"median_ms\":8,",
                "\"falconc_alone\":{\"median_ms\":16,", "\"gflops\":50,\"percent_of_peak\":20,",
                "\"ratio_alone_falconc_over_ort\":2,", "\"gflops\":100,\"percent_of_peak\":40,")) {
            assertTrue(json.contains(field), field + " in " + json);
        }
    }

    /** The cells of a markdown table row, trimmed, without the outer pipes. */
    private static List<String> cells(String row) {
        return List.of(row.substring(1, row.length() - 1).split("\\|")).stream().map(String::trim).toList();
    }
}
