package org.falconc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.falconc.runtime.io.ImagePreset;
import org.falconc.runtime.model.CompiledModel;
import org.falconc.samples.generated.EdgeDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The samples' main methods as a user runs them, on a generated photo (no ../shared needed). */
class SampleMainsTest {
    @TempDir
    Path dir;

    /** A 160x120 photo: left half black, right half white (one vertical edge). */
    private Path photo() throws Exception {
        BufferedImage img = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 120; y++) {
            for (int x = 80; x < 160; x++) {
                img.setRGB(x, y, 0xffffff);
            }
        }
        Path p = dir.resolve("half.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    private static String stdout(ThrowingRunnable main) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void edgeDetectorAppWritesTheModelsEdgeMapAsAPng() throws Exception {
        Path in = photo();
        Path out = dir.resolve("edges.png");
        String printed = stdout(() -> EdgeDetectorApp.main(new String[] {in.toString(), out.toString()}));
        assertTrue(printed.startsWith("wrote " + out + " (64x64 edge map"), printed);

        EdgeDetector model = new EdgeDetector();
        float[] edges = model.run(ImagePreset.RGB.tensor(ImageIO.read(in.toFile()), model.inputShape("image")));
        BufferedImage png = ImageIO.read(out.toFile());
        assertEquals(64, png.getWidth());
        assertEquals(64, png.getHeight());
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int expected = Math.round(Math.max(0f, Math.min(1f, edges[y * 64 + x])) * 255);
                assertEquals(expected, png.getRaster().getSample(x, y, 0), "pixel " + x + "," + y);
            }
        }
        assertTrue(png.getRaster().getSample(32, 32, 0) > 200, "the edge is bright");
    }

    @Test
    void imageClassifierAppPrintsTheTopFiveOfAModelJar() throws Exception {
        Path jar = dir.resolve("Edge.jar");
        assertEquals(0, org.falconc.cli.Main.run("compile", Path.of("models", "edge-detector.onnx").toString(),
                "-o", jar.toString()));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 64 * 64; i++) {
            labels.add("cell " + i);
        }
        Path labelFile = Files.write(dir.resolve("labels.txt"), labels);
        Path in = photo();
        String printed = stdout(() -> ImageClassifierApp.main(new String[] {"--model", jar.toString(), "--image",
                in.toString(), "--labels", labelFile.toString()}));
        List<String> lines = printed.lines().toList();
        assertEquals(5, lines.size(), printed);

        CompiledModel m = ImageClassifierApp.load(jar);
        float[] scores = m.run(ImagePreset.CAFFE2.tensor(ImageIO.read(in.toFile()), m.inputShape(m.inputNames().get(0))));
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        assertTrue(lines.get(0).trim().matches("[0-9.]+%\\s+" + best + "\\s+cell " + best), lines.get(0));
    }
}
