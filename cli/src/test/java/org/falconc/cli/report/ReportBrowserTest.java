package org.falconc.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.profile.LayerInfo;
import org.falconc.runtime.profile.Profile;
import org.falconc.runtime.profile.Profiler;
import org.falconc.runtime.profile.ZeroMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser: headless Chromium (or Chrome) loads the page from disk, its DOM has
 * the table, the chart and the heat maps, and a screenshot shows more than a blank page. Skipped
 * with a message when no such browser is on the PATH (none is installed by the build).
 */
class ReportBrowserTest {
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable");

    @TempDir
    Path dir;

    private static Optional<Path> browser() {
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String b : BROWSERS) {
                Path p = Path.of(dirName.isEmpty() ? "." : dirName, b);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private Path report() throws Exception {
        List<LayerInfo> layers = List.of(new LayerInfo(0, "conv <1>", "Conv", "f32[1,2,5,7]", "f32[1,4,5,7]", 1000,
                "dense", "a"), new LayerInfo(1, "relu", "Relu", "f32[1,4,5,7]", "f32[1,4,5,7]", 0, "", "b"));
        Profile p = new Profile().captureZeroMaps(true);
        ExecutionContext ctx = ExecutionContext.withSharedPool();
        ctx.setProfile(p);
        float[] x = new float[2 * 5 * 7];
        for (int i = 0; i < x.length; i += 3) {
            x[i] = 1;
        }
        Profiler.begin(ctx, 0);
        p.conv(1000, 1000, 300, 70, 46);
        p.zeroMap(ZeroMap.ofNchw(x, 0, 2, 5, 7));
        Profiler.end(ctx, 0);
        Profiler.begin(ctx, 1);
        Profiler.end(ctx, 1);
        BufferedImage photo = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        photo.setRGB(3, 2, 0x00ff00);
        return SparsityReport.write(dir.resolve("report"), ProfileFacts.of(layers, p, 1, "browser test", null, 1), p,
                new ChosenInput("a test picture", photo));
    }

    private static String run(Path browser, Path workDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + workDir.resolve("profile")));
        command.addAll(List.of(args));
        Process proc = new ProcessBuilder(command).redirectError(workDir.resolve("browser.log").toFile()).start();
        byte[] out = proc.getInputStream().readAllBytes();
        assertTrue(proc.waitFor(120, TimeUnit.SECONDS), "the browser finished");
        assertEquals(0, proc.exitValue(), Files.readString(workDir.resolve("browser.log")));
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void aHeadlessBrowserRendersThePage() throws Exception {
        Optional<Path> browser = browser();
        assumeTrue(browser.isPresent(), "no headless browser (" + String.join(", ", BROWSERS)
                + ") on the PATH: skipping the rendering check (the page is still checked as strict XML elsewhere)");
        Path page = report();
        String dom = run(browser.get(), dir, "--dump-dom", page.toUri().toString());
        assertTrue(dom.contains("<table class=\"layers\">"), dom);
        assertTrue(dom.contains("conv &lt;1&gt;"), dom);
        assertTrue(dom.contains("heatmap-000.png") && dom.contains("<svg"), dom);
        Path shot = dir.resolve("shot.png");
        run(browser.get(), dir, "--screenshot=" + shot, "--window-size=1200,1600", page.toUri().toString());
        BufferedImage img = ImageIO.read(shot.toFile());
        assertNotNull(img, "a screenshot");
        assertTrue(ReportPage.colours(img) > 10, "more than a blank page");
    }
}
