package org.falconc.cli;

import org.falconc.testsupport.SharedData;
import static org.falconc.cli.CliHardeningTest.info;
import static org.falconc.cli.CliHardeningTest.model;
import static org.falconc.cli.CliHardeningTest.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.falconc.cli.report.ReportPage;
import org.falconc.cli.report.SparsityReport;
import org.falconc.frontend.DataTypes;
import org.falconc.frontend.onnx.AttributeProto;
import org.falconc.frontend.onnx.GraphProto;
import org.falconc.frontend.onnx.NodeProto;
import org.falconc.frontend.onnx.TensorProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * {@code falconc profile --report DIR} end to end: on a small ReLU network built here (photos made
 * here too) and on SqueezeNet 1.0 with ../shared's photos, the page parses strictly, shows the very
 * figures of the text table printed by the same run, has one heat map per convolution (a PNG of the
 * input's aspect, not one colour where the input comes from a ReLU) next to the input's picture, and
 * a chart with one bar group per layer.
 */
class SparsityReportCliTest {
    /** The text table's row: {@code %3d  %-28s %-15s %-20s %-30s %9s %6s %10s %10s %6s %7s %9.3f %8s %6s}. */
    private static final int[] WIDTHS = {3, 28, 15, 20, 30, 9, 6, 10, 10, 6, 7, 9, 8, 6};
    private static final Pattern INPUT = Pattern.compile("input (\\d+) x (\\d+) x (\\d+)");

    @TempDir
    Path dir;

    /** x [1,3,32,24] -> Conv 3x3 -> Relu -> MaxPool 2 -> Conv 3x3 -> Relu -> Conv 1x1 -> Relu -> y [1,8,16,12]. */
    private Path smallModel() throws Exception {
        Random rnd = new Random(7);
        GraphProto.Builder g = GraphProto.newBuilder().addInput(info("x", DataTypes.FLOAT, 1, 3, 32, 24))
                .addOutput(info("y", DataTypes.FLOAT, 1, 8, 16, 12));
        conv(g, rnd, "c1", "x", "a1", 8, 3, 3);
        g.addNode(node("relu1", "Relu", "a1", "r1"));
        g.addNode(node("pool1", "MaxPool", "r1", "p1").addAttribute(ints("kernel_shape", 2, 2))
                .addAttribute(ints("strides", 2, 2)));
        conv(g, rnd, "c2", "p1", "a2", 16, 8, 3);
        g.addNode(node("relu2", "Relu", "a2", "r2"));
        conv(g, rnd, "c3", "r2", "a3", 8, 16, 1);
        g.addNode(node("relu3", "Relu", "a3", "y"));
        Path m = dir.resolve("small.onnx");
        Files.write(m, model(g).toByteArray());
        return m;
    }

    private static void conv(GraphProto.Builder g, Random rnd, String name, String in, String out, int k, int c, int r) {
        TensorProto.Builder w = TensorProto.newBuilder().setName(name + "_w").setDataType(DataTypes.FLOAT)
                .addDims(k).addDims(c).addDims(r).addDims(r);
        for (int i = 0; i < k * c * r * r; i++) {
            w.addFloatData((float) (rnd.nextGaussian() * 0.4));
        }
        TensorProto.Builder b = TensorProto.newBuilder().setName(name + "_b").setDataType(DataTypes.FLOAT).addDims(k);
        for (int i = 0; i < k; i++) {
            b.addFloatData((float) (rnd.nextGaussian() * 0.2));
        }
        g.addInitializer(w).addInitializer(b);
        NodeProto.Builder n = node(name, "Conv", in, name + "_w", name + "_b", out).addAttribute(ints("kernel_shape", r, r));
        if (r == 3) {
            n.addAttribute(ints("pads", 1, 1, 1, 1));
        }
        g.addNode(n);
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    /** Two photos: gradients with a disc and a bar, 40 x 30. */
    private Path photos() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        for (int i = 0; i < 2; i++) {
            BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 30; y++) {
                for (int x = 0; x < 40; x++) {
                    img.setRGB(x, y, new Color(x * 6, y * 8, i == 0 ? 200 : 40).getRGB());
                }
            }
            Graphics2D gr = img.createGraphics();
            gr.setColor(i == 0 ? Color.WHITE : Color.BLACK);
            gr.fillOval(8 + 10 * i, 6, 14, 14);
            gr.setColor(Color.RED);
            gr.fillRect(2, 22, 30, 4);
            gr.dispose();
            ImageIO.write(img, "png", photos.resolve("photo" + i + ".png").toFile());
        }
        return photos;
    }

    @Test
    void smallModelOnPhotos() throws Exception {
        Path report = dir.resolve("report");
        CliRunner r = CliRunner.run("profile", smallModel().toString(), "--images", photos().toString(), "--runs", "2",
                "--warmup", "1", "--report", report.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("report written to " + report.resolve("index.html")), r.err());
        ReportPage page = check(report, r.out(), 3, 32, 24);
        Element first = page.heatMaps().get(0);
        assertTrue(ReportPage.caption(first).contains("input 32 x 24 x 3"), ReportPage.caption(first));
        assertTrue(page.text().contains("photo photo0.png from "), "the first photo is the chosen input");
        BufferedImage picture = ImageIO.read(page.file(SparsityReport.INPUT).toFile());
        assertTrue(ReportPage.colours(picture) > 50, "the photo, not a flat picture");
    }

    @Test
    void smallModelOnRandomDataShowsTheTensor() throws Exception {
        Path report = dir.resolve("random");
        CliRunner r = CliRunner.run("profile", smallModel().toString(), "--sparsity", "off", "--runs", "1",
                "--warmup", "0", "--report", report.toString());
        assertEquals(0, r.exitCode(), r.err());
        ReportPage page = check(report, r.out(), 3, 32, 24);
        assertTrue(page.text().contains("the first input sample (input &#39;x&#39; [1, 3, 32, 24], min-max scaled"),
                page.text());
    }

    @Test
    void aReportPathThatIsAFileIsAUserError() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "");
        CliRunner r = CliRunner.run("profile", smallModel().toString(), "--report", file.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("falconc: --report: not a directory: " + file, r.err().strip());
    }

    @Test
    void squeezeNetOnSharedPhotos() throws Exception {
        Path model = SharedData.require("models/squeezenet1.0.onnx");
        Path images = SharedData.require("data/images");
        Path jar = dir.resolve("squeezenet.jar");
        CliRunner c = CliRunner.run("compile", model.toString(), "-o", jar.toString());
        assertEquals(0, c.exitCode(), c.err());
        Path report = dir.resolve("squeezenet");
        CliRunner r = CliRunner.run("profile", jar.toString(), "--images", images.toString(), "--runs", "1",
                "--warmup", "0", "--report", report.toString());
        assertEquals(0, r.exitCode(), r.err());
        ReportPage page = check(report, r.out(), 26, 224, 224);
        assertTrue(page.text().contains("photo astronaut.png from "), "the first photo in name order");
        assertTrue(page.text().contains("DecomposedConv_fire9_expand3x3_2"));
        assertTrue(page.text().contains("decided "), "a decomposed layer's decision on the chosen input");
    }

    /**
     * The checks of every report: the page parses; its table is the text table of the same run; one heat map
     * per convolution, each PNG of its input's aspect, all but the first (fed by the model's input) not one
     * colour; the input's picture at the input's aspect; one chart group per layer.
     */
    private static ReportPage check(Path report, String text, int convs, int inputH, int inputW) throws Exception {
        ReportPage page = ReportPage.load(report);
        List<List<String>> html = page.rows();
        List<List<String>> table = textTable(text);
        assertEquals(table.size(), html.size(), "a row per layer");
        List<String> header = page.header();
        for (int i = 0; i < table.size(); i++) {
            List<String> want = table.get(i);
            List<String> got = html.get(i);
            for (int col = 0; col < WIDTHS.length; col++) {
                // The text table cuts long names; the page shows them whole.
                String cell = col >= 1 && col <= 4 ? cut(got.get(col), WIDTHS[col]) : got.get(col);
                assertEquals(want.get(col), cell, "row " + i + " column " + header.get(col));
            }
        }
        Map<String, String> totals = page.totals();
        for (String key : List.of("theoretical computation reduction (MACs with a zero activation operand / conv MACs)",
                "executed computation reduction (1 - executed / dense conv MACs)",
                "capture (skipped MACs / MACs with a zero activation operand)", "zero fraction of convolution inputs")) {
            assertTrue(text.contains("\n" + key + ": " + totals.get(key) + "\n"), key + ": " + totals.get(key));
        }
        assertTrue(text.contains("convolutions: dense " + totals.get("convolutions, dense MMAC per inference")
                + " MMAC, executed " + totals.get("convolutions, executed MMAC per inference") + " MMAC per inference"));
        assertTrue(text.contains("time per inference: " + totals.get("time per inference, ms") + " ms (convolutions "
                + totals.get("time of the convolutions per inference, ms") + " ms)"));

        List<Element> maps = page.heatMaps();
        long convRows = html.stream().filter(row -> !row.get(7).isEmpty()).count();
        assertEquals(convs, convRows);
        assertEquals(convs, maps.size(), "a heat map per convolution");
        for (int i = 0; i < maps.size(); i++) {
            Element img = maps.get(i);
            Matcher m = INPUT.matcher(ReportPage.caption(img));
            assertTrue(m.find(), ReportPage.caption(img));
            int h = Integer.parseInt(m.group(1));
            int w = Integer.parseInt(m.group(2));
            BufferedImage png = ImageIO.read(page.file(img.getAttribute("src")).toFile());
            assertEquals((long) png.getWidth() * h, (long) png.getHeight() * w, img.getAttribute("src") + " has the aspect");
            assertTrue(png.getWidth() >= w && png.getWidth() % w == 0, "enlarged by a whole factor");
            assertTrue(Math.max(png.getWidth(), png.getHeight()) >= 200 || Math.max(h, w) > 224, "visible");
            if (i > 0) {
                assertTrue(ReportPage.colours(png) > 1, img.getAttribute("src") + " is not one colour");
            }
            // the input's picture beside it
            Element figure = (Element) img.getParentNode();
            assertEquals(SparsityReport.INPUT, ((Element) figure.getElementsByTagNameNS(ReportPage.XHTML, "img").item(0))
                    .getAttribute("src"));
        }
        BufferedImage picture = ImageIO.read(page.file(SparsityReport.INPUT).toFile());
        assertEquals((long) picture.getWidth() * inputH, (long) picture.getHeight() * inputW, "the input's aspect");
        assertEquals(html.size(), page.chartGroups().size(), "a chart group per layer");
        return page;
    }

    /** The rows of the text table, cut into its fixed-width columns. */
    private static List<List<String>> textTable(String out) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.matches("\\s*\\d+  .*")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            int at = 0;
            for (int col = 0; col < WIDTHS.length; col++) {
                int end = Math.min(line.length(), at + WIDTHS[col]);
                cells.add(line.substring(Math.min(at, line.length()), end).strip());
                at = end + (col == 0 ? 2 : 1);
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
