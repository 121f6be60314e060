package org.falconc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.profile.LayerInfo;
import org.falconc.runtime.profile.MachinePeak;
import org.falconc.runtime.profile.Profile;
import org.falconc.runtime.profile.Profiler;
import org.junit.jupiter.api.Test;

/**
 * The rate columns and the model line of {@code falconc profile}, computed from a profile's own
 * times: GFLOP/s = 2 x the layer's dense MACs x inferences / its nanoseconds, % peak = that / (peak x
 * threads); layers without MACs get no rate.
 */
class ProfileReportTest {
    private static final List<LayerInfo> LAYERS = List.of(
            new LayerInfo(0, "conv", "Conv", "f32[1,3,8,8]", "f32[1,4,8,8]", 1_000_000, "dense", "a"),
            new LayerInfo(1, "relu", "Relu", "f32[1,4,8,8]", "f32[1,4,8,8]", 0, "", "b"));

    /** Two inferences of both layers, each layer taking about a millisecond. */
    private static Profile twoInferences() {
        Profile p = new Profile();
        ExecutionContext ctx = ExecutionContext.withSharedPool();
        ctx.setProfile(p);
        for (int inference = 0; inference < 2; inference++) {
            for (int layer = 0; layer < LAYERS.size(); layer++) {
                Profiler.begin(ctx, layer);
                LockSupport.parkNanos(1_000_000);
                Profiler.end(ctx, layer);
            }
        }
        return p;
    }

    private static String print(Profile p, MachinePeak peak, int threads) {
        StringWriter out = new StringWriter();
        ProfileReport.print(new PrintWriter(out), LAYERS, p, 2, "test model", peak, threads);
        return out.toString();
    }

    /** The last two cells of the table row of {@code layer}. */
    private static List<String> rateCells(String report, String layer) {
        String row = report.lines().filter(l -> l.matches("\\s*\\d+\\s+" + layer + "\\s.*")).findFirst().orElseThrow();
        String[] cells = row.trim().split("\\s+");
        return List.of(cells[cells.length - 2], cells[cells.length - 1]);
    }

    @Test
    void layersWithMacsGetGflopsAndShareOfPeak() {
        Profile p = twoInferences();
        MachinePeak peak = new MachinePeak(10, "S");
        String report = print(p, peak, 2);
        assertTrue(report.lines().anyMatch(l -> l.endsWith("GFLOP/s % peak")), report);
        double gflops = 2.0 * 1_000_000 * 2 / p.nanos(0);
        assertEquals(List.of(f("%.1f", gflops), f("%.1f", 100 * gflops / 20)), rateCells(report, "conv"));
        // Relu: no MACs, so the row ends with its time.
        assertEquals(f("%.3f", p.nanos(1) / 1e6 / 2), rateCells(report, "relu").get(1));

        double model = 2.0 * 1_000_000 * 2 / (p.nanos(0) + p.nanos(1));
        assertTrue(report.contains(f("model: 0.002 GFLOP per inference (2 x dense conv and matrix-product MACs), "
                + "%.1f GFLOP/s, %.1f%% of peak (2 threads)", model, 100 * model / 20)), report);
        assertTrue(report.contains("fp32 FMA peak 10.0 GFLOP/s per core (S); % peak = GFLOP/s / (10.0 x 2 threads)"),
                report);
    }

    @Test
    void withoutAPeakTheShareIsNotAvailable() {
        Profile p = twoInferences();
        String report = print(p, null, 1);
        assertTrue(report.contains(MachinePeak.NOT_AVAILABLE), report);
        assertEquals(List.of(f("%.1f", 2.0 * 1_000_000 * 2 / p.nanos(0)), "n/a"), rateCells(report, "conv"));
        assertTrue(report.contains("GFLOP/s, n/a of peak (1 thread)"), report);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
