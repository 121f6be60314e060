package org.falconc.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import javax.imageio.ImageIO;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.profile.ComputeRate;
import org.falconc.runtime.profile.LayerInfo;
import org.falconc.runtime.profile.MachinePeak;
import org.falconc.runtime.profile.Profile;
import org.falconc.runtime.profile.Profiler;
import org.falconc.runtime.profile.ZeroMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The page from a profile filled by hand: the table's cells and the totals are the counters' values
 * in the text table's formats, names with markup and control characters stay text, each heat map's
 * pixels have the colour of their map pixel's zero share, the chart has a group per layer.
 */
class SparsityReportTest {
    private static final String NASTY = "conv <a href=\"x\">&amp;</a> 'q'\u0001";
    private static final List<LayerInfo> LAYERS = List.of(
            new LayerInfo(0, NASTY, "Decomposed<Conv>", "f32[1,4,4,6]", "f32[1,8,4,6]", 1_000_000, "decomposed & <b>", "a"),
            new LayerInfo(1, "relu", "Relu", "f32[1,8,4,6]", "f32[1,8,4,6]", 0, "", "b"),
            new LayerInfo(2, "conv2", "FusedConvNhwc", "f32[1,8,3,3]", "f32[1,2,3,3]", 144, "dense, channels-last", "c"));

    @TempDir
    Path dir;

    /** Two inferences: layer 0 sparse then dense, layer 2 dense. */
    private static Profile timed() {
        Profile p = new Profile();
        ExecutionContext ctx = ExecutionContext.withSharedPool();
        ctx.setProfile(p);
        for (int inference = 0; inference < 2; inference++) {
            Profiler.begin(ctx, 0);
            p.conv(1_000_000, inference == 0 ? 200_000 : 1_000_000, 500_000 + inference * 300_000, 1000, 450);
            p.decision(inference == 0, 0.4f);
            LockSupport.parkNanos(300_000);
            Profiler.end(ctx, 0);
            Profiler.begin(ctx, 1);
            Profiler.end(ctx, 1);
            Profiler.begin(ctx, 2);
            p.conv(144, 144, 16, 72, 8);
            LockSupport.parkNanos(100_000);
            Profiler.end(ctx, 2);
        }
        return p;
    }

    /** Maps of layers 0 (4 x 6, 4 channels, pixel stride 5) and 2 (3 x 3, 8 channels). */
    private static Profile zeroMaps() {
        Profile z = new Profile().captureZeroMaps(true);
        ExecutionContext ctx = ExecutionContext.withSharedPool();
        ctx.setProfile(z);
        float[] x = new float[4 * 6 * 5];
        for (int p = 0; p < 24; p++) {
            for (int ch = 0; ch < 4; ch++) {
                x[p * 5 + ch] = ch < p % 5 ? 1f : 0f; // pixel p has max(0, 4 - p % 5) zero channels
            }
        }
        Profiler.begin(ctx, 0);
        z.zeroMap(ZeroMap.ofNhwc(x, 0, 4, 4, 6, 5));
        Profiler.end(ctx, 0);
        Profiler.begin(ctx, 2);
        z.zeroMap(ZeroMap.ofNchw(new float[8 * 9], 0, 8, 3, 3));
        Profiler.end(ctx, 2);
        return z;
    }

    @Test
    void theTableAndTotalsAreTheCounters() throws Exception {
        Profile p = timed();
        MachinePeak peak = new MachinePeak(10, "S");
        ProfileFacts facts = ProfileFacts.of(LAYERS, p, 2, "test <model> & co", peak, 1);
        BufferedImage photo = new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB);
        photo.setRGB(1, 1, 0xff0000);
        SparsityReport.write(dir, facts, zeroMaps(), new ChosenInput("a <photo>", photo));
        ReportPage page = ReportPage.load(dir);

        assertEquals(Arrays.asList(SparsityReport.COLUMNS), page.header());
        List<List<String>> rows = page.rows();
        assertEquals(3, rows.size());
        List<String> conv = rows.get(0);
        assertEquals("conv <a href=\"x\">&amp;</a> 'q'\uFFFD", conv.get(1), "markup stays text, controls replaced");
        assertEquals("Decomposed<Conv>", conv.get(2));
        assertEquals("decomposed & <b>", conv.get(4));
        assertEquals("1/2", conv.get(5));
        assertEquals("40.0%", conv.get(6));
        assertEquals("1.00", conv.get(7), "2 x 1M dense MACs over 2 inferences");
        assertEquals("0.60", conv.get(8), "(0.2M + 1M) executed over 2 inferences");
        assertEquals("45.0%", conv.get(9), "900 zeros of 2000 elements");
        assertEquals(f("%.1f%%", 100.0 * (2_000_000 - 1_200_000) / 1_300_000), conv.get(10), "capture");
        assertEquals(f("%.3f", p.nanos(0) / 1e6 / 2), conv.get(11));
        ComputeRate rate = ComputeRate.of(2.0 * 1_000_000 * 2, p.nanos(0), peak, 1);
        assertEquals(f("%.1f", rate.gflops()), conv.get(12));
        assertEquals(f("%.1f", rate.percentOfPeak()), conv.get(13));
        assertEquals("map", conv.get(14));
        List<String> relu = rows.get(1);
        assertEquals(List.of("1", "relu", "Relu", "f32[1,8,4,6]", "", "", "", "", "", "", "",
                f("%.3f", p.nanos(1) / 1e6 / 2), "", "", ""), relu);
        assertEquals(List.of("0.00", "0.00", "11.1%", "0.0%"), rows.get(2).subList(7, 11), "dense: nothing captured");

        Map<String, String> totals = page.totals();
        assertEquals("1.00", totals.get("convolutions, dense MMAC per inference"));
        assertEquals("0.60", totals.get("convolutions, executed MMAC per inference"));
        assertEquals(f("%.1f%%", 100.0 * 916 / 2144), totals.get("zero fraction of convolution inputs"));
        assertEquals(f("%.1f%%", 100.0 * 1_300_032 / 2_000_288),
                totals.get("theoretical computation reduction (MACs with a zero activation operand / conv MACs)"));
        assertEquals(f("%.1f%%", 100.0 * (1 - 1_200_288.0 / 2_000_288)),
                totals.get("executed computation reduction (1 - executed / dense conv MACs)"));
        assertEquals(f("%.3f", (p.nanos(0) + p.nanos(1) + p.nanos(2)) / 1e6 / 2), totals.get("time per inference, ms"));
        assertEquals(f("%.3f", (p.nanos(0) + p.nanos(2)) / 1e6 / 2),
                totals.get("time of the convolutions per inference, ms"));
        assertTrue(page.text().contains("test &lt;model&gt; &amp; co"), "the title is escaped");
    }

    @Test
    void heatMapPixelsHaveTheColourOfTheirZeroShare() throws Exception {
        Profile z = zeroMaps();
        ProfileFacts facts = ProfileFacts.of(LAYERS, timed(), 2, "m", null, 1);
        SparsityReport.write(dir, facts, z, new ChosenInput("random data", null));
        ReportPage page = ReportPage.load(dir);
        assertFalse(Files.exists(dir.resolve(SparsityReport.INPUT)), "no picture without an image input");

        List<Element> maps = page.heatMaps();
        assertEquals(List.of("heatmap-000.png", "heatmap-002.png"), maps.stream().map(e -> e.getAttribute("src")).toList());
        assertTrue(ReportPage.caption(maps.get(0)).contains("input 4 x 6 x 4"), ReportPage.caption(maps.get(0)));
        BufferedImage img = ImageIO.read(dir.resolve("heatmap-000.png").toFile());
        int s = HeatMap.TARGET / 6;
        assertEquals(6 * s, img.getWidth());
        assertEquals(4 * s, img.getHeight());
        ZeroMap map = z.zeroMap(0);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 6; x++) {
                int expected = ColourScale.rgb(map.share(y, x));
                for (int[] at : new int[][] {{0, 0}, {s - 1, s - 1}, {s / 2, 0}}) {
                    assertEquals(expected, img.getRGB(x * s + at[0], y * s + at[1]) & 0xffffff, "pixel " + y + "," + x);
                }
            }
        }
        assertEquals(1f, map.share(0, 0));
        assertEquals(0f, map.share(0, 4));
        assertEquals(5, ReportPage.colours(img), "shares 0, 1/4, 1/2, 3/4 and 1");
        BufferedImage allZero = ImageIO.read(dir.resolve("heatmap-002.png").toFile());
        assertEquals(1, ReportPage.colours(allZero));
        assertEquals(ColourScale.rgb(1), allZero.getRGB(0, 0) & 0xffffff);

        assertEquals(3, page.chartGroups().size(), "one bar group per layer");
        assertEquals(List.of(true, false, true), page.chartGroups().stream().map(g -> page.all(ReportPage.SVG, "rect")
                .stream().anyMatch(r -> r.getParentNode() == g && r.getAttribute("class").equals("dense"))).toList(),
                "dense-MAC bars for the convolutions");
    }

    @Test
    void aStaleReportsHeatMapsAreRemoved() throws Exception {
        Files.writeString(dir.resolve("heatmap-099.png"), "old");
        Files.writeString(dir.resolve("notes.txt"), "mine");
        SparsityReport.write(dir, ProfileFacts.of(LAYERS, timed(), 2, "m", null, 1), zeroMaps(),
                new ChosenInput("x", null));
        assertFalse(Files.exists(dir.resolve("heatmap-099.png")));
        assertTrue(Files.exists(dir.resolve("notes.txt")), "other files are left alone");
        ReportPage.load(dir);
    }

    @Test
    void theColourScaleRunsFromViridisPurpleToYellowGettingLighter() {
        assertEquals(0x440154, ColourScale.rgb(0));
        assertEquals(0xfde725, ColourScale.rgb(1));
        assertEquals(0x21918c, ColourScale.rgb(0.5));
        assertEquals(ColourScale.rgb(0), ColourScale.rgb(-1));
        double last = -1;
        for (int i = 0; i <= 100; i++) {
            int c = ColourScale.rgb(i / 100.0);
            double luma = 0.2126 * (c >> 16 & 0xff) + 0.7152 * (c >> 8 & 0xff) + 0.0722 * (c & 0xff);
            assertTrue(luma > last, "lighter at " + i + "%");
            last = luma;
        }
    }

    @Test
    void escapingKeepsMarkupAsText() {
        assertEquals("&lt;b&gt; &amp;amp; &quot;&#39;\uFFFD\uD83D\uDE00", Html.escape("<b> &amp; \"'\u0007\uD83D\uDE00"));
        assertEquals("\uFFFD", Html.escape("\uD800"), "a lone surrogate");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
