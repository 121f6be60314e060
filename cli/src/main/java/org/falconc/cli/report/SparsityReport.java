package org.falconc.cli.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.falconc.runtime.io.ImageFiles;
import org.falconc.runtime.model.CompiledModel;
import org.falconc.runtime.profile.MachinePeak;
import org.falconc.runtime.profile.Profile;
import org.falconc.runtime.profile.ZeroMap;

/**
 * {@code falconc profile --report DIR}: a page readable in any browser, {@code DIR/index.html}, with
 * the per-layer table and totals of the text report, a chart of dense vs executed MACs and time per
 * layer ({@link MacChart}), and per convolution a heat map of its input's zero pattern on one input
 * ({@link HeatMap}, {@code heatmap-NNN.png} by layer index) next to that input's picture
 * ({@code input.png}). Self-contained: no script, no network, relative links only; XHTML-compatible
 * HTML5 (it parses as XML too), every name escaped.
 */
public final class SparsityReport {
    /** The page's file name in the report directory. */
    public static final String PAGE = "index.html";
    /** The input's picture in the report directory. */
    public static final String INPUT = "input.png";

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
            h1 { margin-bottom: 0.2em; }
            p.meta { margin: 0.2em 0; color: #444; }
            nav a { margin-right: 1em; }
            table { border-collapse: collapse; font-size: 13px; }
            th, td { padding: 2px 6px; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
            thead th { position: sticky; top: 0; background: #fff; border-bottom: 2px solid #999; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            table.layers tbody tr:nth-child(even) { background: #f6f6f6; }
            table.layers tr.conv td.name { font-weight: 600; }
            table.totals th { font-weight: normal; color: #444; }
            div.scroll { overflow-x: auto; }
            div.maps { display: flex; flex-wrap: wrap; gap: 14px; }
            figure { margin: 0; padding: 8px; border: 1px solid #ddd; border-radius: 4px; }
            figure img { image-rendering: pixelated; image-rendering: crisp-edges; display: inline-block;
                vertical-align: top; margin-right: 6px; }
            figcaption { font-size: 12px; max-width: 470px; margin-top: 4px; }
            dl.defs dt { font-weight: 600; }
            dl.defs dd { margin: 0 0 0.4em 1.5em; }
            """;

    private SparsityReport() {
    }

    /**
     * Runs {@code sample} once on {@code model} with a profile that captures every convolution's zero
     * map (for the heat maps); the run's counters are not the timed ones.
     */
    public static Profile captureZeroMaps(CompiledModel model, Map<String, ?> sample) {
        Profile p = new Profile().captureZeroMaps(true);
        model.runArrays(sample, p);
        return p;
    }

    /**
     * Writes the report into {@code dir} (created when missing; an earlier report's files there are
     * replaced) and returns the page.
     *
     * @param facts    the timed runs' table
     * @param zeroMaps the profile of {@link #captureZeroMaps} (its maps, and its decisions on that input)
     * @param input    the input the maps were captured on
     */
    public static Path write(Path dir, ProfileFacts facts, Profile zeroMaps, ChosenInput input) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--report: not a directory: " + dir);
        }
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path f : old.filter(f -> f.getFileName().toString().matches("heatmap-\\d+\\.png")).toList()) {
                Files.delete(f);
            }
        }
        BufferedImage picture = input.picture();
        String inputImg = "";
        if (picture != null) {
            int s = HeatMap.scale(picture.getHeight(), picture.getWidth());
            BufferedImage shown = ChosenInput.resizedNearest(picture, s);
            png(shown, dir.resolve(INPUT));
            inputImg = img(INPUT, shown, "the input: " + input.description());
        } else {
            Files.deleteIfExists(dir.resolve(INPUT));
        }

        StringBuilder h = new StringBuilder(64 * 1024);
        String title = "falconc sparsity report: " + facts.what();
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>Sparsity report</h1>\n");
        meta(h, "profile of " + facts.what() + ": " + facts.inferences() + " inferences");
        MachinePeak peak = facts.peak();
        meta(h, (peak == null ? MachinePeak.NOT_AVAILABLE : peak.describe()) + (peak == null ? ""
                : String.format(Locale.ROOT, "; %% peak = GFLOP/s / (%.1f x %d threads)", peak.gflopsPerCore(),
                facts.threads())));
        h.append("<nav><a href=\"#totals\">Totals</a><a href=\"#chart\">Chart</a><a href=\"#layers\">Layers</a>"
                + "<a href=\"#heatmaps\">Heat maps</a><a href=\"#columns\">Columns</a></nav>\n");
        totals(h, facts);
        h.append("<section id=\"chart\">\n<h2>MACs and time per layer</h2>\n<div class=\"scroll\">\n")
                .append(MacChart.svg(facts)).append("</div>\n</section>\n");
        layers(h, facts, zeroMaps);
        heatMaps(h, dir, facts, zeroMaps, input, inputImg);
        columns(h);
        h.append("</body>\n</html>\n");
        Path page = dir.resolve(PAGE);
        Files.writeString(page, h, StandardCharsets.UTF_8);
        return page;
    }

    private static void meta(StringBuilder h, String text) {
        h.append("<p class=\"meta\">").append(Html.escape(text)).append("</p>\n");
    }

    private static void totals(StringBuilder h, ProfileFacts f) {
        int n = f.inferences();
        h.append("<section id=\"totals\">\n<h2>Totals</h2>\n<table class=\"totals\">\n<tbody>\n");
        total(h, "convolutions, dense MMAC per inference", Numbers.mmac(f.denseMacs(), n));
        total(h, "convolutions, executed MMAC per inference", Numbers.mmac(f.executedMacs(), n));
        total(h, "zero fraction of convolution inputs", Numbers.pct(f.zeroFraction()));
        total(h, "theoretical computation reduction (MACs with a zero activation operand / conv MACs)",
                Numbers.pct(f.theoreticalReduction()));
        total(h, "executed computation reduction (1 - executed / dense conv MACs)", Numbers.pct(f.executedReduction()));
        total(h, "capture (skipped MACs / MACs with a zero activation operand)", Numbers.pct(f.capture()));
        total(h, "time per inference, ms", Numbers.ms(f.nanos(), n));
        total(h, "time of the convolutions per inference, ms", Numbers.ms(f.convNanos(), n));
        total(h, "model GFLOP per inference (2 x dense conv and matrix-product MACs)",
                String.format(Locale.ROOT, "%.3f", 2 * f.modelMacs() / 1e9));
        total(h, "model GFLOP/s", Numbers.gflops(f.modelRate()));
        total(h, "model % of peak (" + f.threads() + " thread" + (f.threads() == 1 ? "" : "s") + ")",
                f.peak() == null ? "n/a" : Numbers.percentOfPeak(f.modelRate()) + "%");
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void total(StringBuilder h, String name, String value) {
        h.append("<tr><th scope=\"row\">").append(Html.escape(name)).append("</th><td class=\"num\">")
                .append(Html.escape(value)).append("</td></tr>\n");
    }

    /** The columns of the layer table: header, and whether numeric. */
    static final String[] COLUMNS = {"#", "layer", "op", "output", "execution", "sparse", "break-even", "dense MMAC",
        "exec MMAC", "zeros", "capture", "time ms", "GFLOP/s", "% peak", "heat map"};

    private static void layers(StringBuilder h, ProfileFacts f, Profile zeroMaps) {
        int n = f.inferences();
        h.append("<section id=\"layers\">\n<h2>Layers</h2>\n<div class=\"scroll\">\n<table class=\"layers\">\n<thead>\n<tr>");
        for (String c : COLUMNS) {
            boolean num = !c.equals("layer") && !c.equals("op") && !c.equals("output") && !c.equals("execution")
                    && !c.equals("heat map");
            h.append("<th scope=\"col\"").append(num ? " class=\"num\"" : "").append(">").append(Html.escape(c))
                    .append("</th>");
        }
        h.append("</tr>\n</thead>\n<tbody>\n");
        for (ProfileFacts.Row r : f.rows()) {
            int i = r.info().index();
            h.append("<tr id=\"layer-").append(i).append("\"").append(r.conv() ? " class=\"conv\"" : "").append(">");
            num(h, Integer.toString(i));
            h.append("<td class=\"name\">").append(Html.escape(r.info().name())).append("</td>");
            text(h, r.info().op());
            text(h, r.info().output());
            text(h, r.info().detail());
            num(h, r.decisions() == 0 ? "" : r.sparseDecisions() + "/" + r.decisions());
            num(h, Float.isNaN(r.breakEven()) ? "" : Numbers.pct(r.breakEven()));
            num(h, r.conv() ? Numbers.mmac(r.denseMacs(), n) : "");
            num(h, r.conv() ? Numbers.mmac(r.executedMacs(), n) : "");
            num(h, Double.isNaN(r.zeroFraction()) ? "" : Numbers.pct(r.zeroFraction()));
            num(h, Double.isNaN(r.capture()) ? "" : Numbers.pct(r.capture()));
            num(h, Numbers.ms(r.nanos(), n));
            num(h, Numbers.gflops(r.rate()));
            num(h, Numbers.percentOfPeak(r.rate()));
            h.append(r.conv() && zeroMaps.zeroMap(i) != null ? "<td><a href=\"#map-" + i + "\">map</a></td>" : "<td></td>");
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    private static void num(StringBuilder h, String value) {
        h.append("<td class=\"num\">").append(Html.escape(value)).append("</td>");
    }

    private static void text(StringBuilder h, String value) {
        h.append("<td>").append(Html.escape(value)).append("</td>");
    }

    private static void heatMaps(StringBuilder h, Path dir, ProfileFacts f, Profile zeroMaps, ChosenInput input,
                                 String inputImg) throws IOException {
        h.append("<section id=\"heatmaps\">\n<h2>Zero pattern of each convolution's input</h2>\n");
        h.append("<p>On one input, ").append(Html.escape(input.description())).append(", run alone before the timed "
                + "runs: for each convolution, per pixel of its input (the first image of the batch), the share of its "
                + "channels that are exactly zero, as the compiled layer read them; each map is enlarged by nearest "
                + "neighbour to about " + HeatMap.TARGET + " px and shown next to the input.</p>\n");
        h.append(ColourScale.legendSvg("zero-share-scale", 320));
        h.append("<p class=\"meta\">share of zero channels per pixel: 0% (no zero channel) to 100% (all channels zero)"
                + "</p>\n<div class=\"maps\">\n");
        int maps = 0;
        for (ProfileFacts.Row r : f.rows()) {
            int i = r.info().index();
            ZeroMap map = zeroMaps.zeroMap(i);
            if (!r.conv() || map == null) {
                continue;
            }
            String file = String.format(Locale.ROOT, "heatmap-%03d.png", i);
            BufferedImage img = HeatMap.write(map, dir.resolve(file));
            maps++;
            h.append("<figure id=\"map-").append(i).append("\">\n");
            h.append(inputImg);
            h.append(img(file, img, "share of zero channels per pixel of the input of layer " + i + " "
                    + r.info().name()));
            String decided = "";
            if (zeroMaps.decisions(i) > 0) {
                decided = "; decided " + (zeroMaps.sparseDecisions(i) > 0 ? "sparse" : "dense") + " (break-even "
                        + Numbers.pct(zeroMaps.breakEven(i)) + ")";
            }
            h.append("\n<figcaption><a href=\"#layer-").append(i).append("\">").append(Html.escape("#" + i + " "
                    + r.info().name())).append("</a> ").append(Html.escape("(" + r.info().op() + "): input "
                    + map.height() + " x " + map.width() + " x " + map.channels() + ", "
                    + Numbers.pct(map.zeroFraction()) + " zero on this input" + decided)).append("</figcaption>\n");
            h.append("</figure>\n");
        }
        h.append("</div>\n");
        if (maps == 0) {
            h.append("<p>No convolution reported its input.</p>\n");
        }
        h.append("</section>\n");
    }

    private static String img(String file, BufferedImage image, String alt) {
        return "<img src=\"" + Html.escape(file) + "\" width=\"" + image.getWidth() + "\" height=\""
                + image.getHeight() + "\" alt=\"" + Html.escape(alt) + "\"/>";
    }

    private static void png(BufferedImage image, Path file) throws IOException {
        Files.write(file, ImageFiles.png(image));
    }

    private static void columns(StringBuilder h) {
        h.append("<section id=\"columns\">\n<h2>Columns</h2>\n<dl class=\"defs\">\n");
        def(h, "execution", "the compiler's decision: dense (and its kernel), or decomposed (sparse kernel when the "
                + "input's zero fraction reaches the break-even, the dense one otherwise)");
        def(h, "sparse", "of a decomposed convolution: inferences that ran the sparse kernel / inferences");
        def(h, "break-even", "the zero fraction of its input at which a decomposed convolution runs sparse");
        def(h, "dense MMAC, exec MMAC", "millions of multiply-accumulates per inference of the layer computed "
                + "densely, and of those executed (a sparse run skips the products of zero activations)");
        def(h, "zeros", "zero elements / elements of the convolution's input, over all inferences");
        def(h, "capture", "skipped MACs / MACs whose activation operand is zero");
        def(h, "time ms", "the layer's time per inference (profiling's own counting excluded)");
        def(h, "GFLOP/s, % peak", "2 x the layer's dense MACs / its time (dense-equivalent, so a sparse layer can "
                + "exceed its dense rate), and that / (the machine's fp32 FMA peak per core x threads)");
        h.append("</dl>\n</section>\n");
    }

    private static void def(StringBuilder h, String term, String text) {
        h.append("<dt>").append(Html.escape(term)).append("</dt><dd>").append(Html.escape(text)).append("</dd>\n");
    }
}
