package org.falconc.samples.spark;

import org.falconc.compiler.CompileRequest;
import org.falconc.compiler.Falconc;
import org.falconc.testsupport.SharedData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.falconc.runtime.io.ImagePreset;
import org.falconc.runtime.model.CompiledModel;
import org.falconc.runtime.model.ModelBuilder;
import org.falconc.runtime.model.ModelMain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models compiled by falconc, run by Spark in local[2] mode, against the same model classes run plainly in
 * this JVM on the same files: one row per image, each with exactly the plain run's output. Neither model
 * class is on the test's class path: SqueezeNet 1.0 reaches the tasks only as the session artifact that
 * {@code --model} adds, MNIST only through {@code spark.jars} (what {@code spark-submit --jars} sets).
 */
class SparkBatchInferenceTest {
    @TempDir
    static Path work;

    private static Path images;
    private static Path squeezeNetJar;
    private static CompiledModel squeezeNet;
    private static Path mnistJar;
    private static CompiledModel mnist;
    private static SparkSession spark;

    @BeforeAll
    static void setUp() throws Exception {
        images = SharedData.require("data/images");
        squeezeNetJar = work.resolve("SqueezeNet.jar");
        Falconc.compile(SharedData.require("models/squeezenet1.0.onnx"), CompileRequest.to(squeezeNetJar));
        squeezeNet = load(squeezeNetJar);
        mnistJar = work.resolve("Mnist.jar");
        Falconc.compile(SharedData.require("models/mnist-8.onnx"), CompileRequest.to(mnistJar));
        mnist = load(mnistJar);
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("falconc-samples-spark-test")
                .config("spark.jars", mnistJar.toUri().toString())
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    static void tearDown() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void everyImageGetsThePlainRunsOutput() throws Exception {
        Path out = work.resolve("squeezenet.parquet");
        BatchOptions options = BatchOptions.parse("--model", squeezeNetJar.toString(), "--images", images.toString(),
                "--output", out.toString(), "--preprocess", "caffe2", "--top", "5", "--raw");
        SparkBatchInference.Summary summary =
                SparkBatchInference.run(spark, options, SparkBatchInference.resolveModel(options));

        Map<Path, float[]> expected = plainRun(squeezeNet, images, ImagePreset.CAFFE2);
        assertTrue(expected.size() >= 4, "images in " + images + ": " + expected.keySet());
        // Several partitions, each with a model of its own: a dropped partition loses rows.
        assertTrue(summary.partitions() >= 2, "the images should span several partitions: " + summary);
        assertEquals(summary.partitions(), summary.modelLoads(), "one model per partition: " + summary);
        assertEquals(expected.size(), summary.rows());
        assertEquals(0, summary.unreadable());

        Map<Path, Row> rows = readBack(out);
        assertEquals(expected.keySet(), rows.keySet(), "one row per image, nothing missing or extra");
        for (Map.Entry<Path, float[]> e : expected.entrySet()) {
            Row row = rows.get(e.getKey());
            String name = e.getKey().getFileName().toString();
            float[] y = e.getValue();
            assertNull(row.getAs("error"), name);
            assertArrayEquals(y, floats(row, "output"), name + ": raw output");
            int[] top = topK(y, 5);
            assertArrayEquals(top, ints(row, "classes"), name + ": top-5 classes");
            float[] scores = new float[top.length];
            for (int i = 0; i < top.length; i++) {
                scores[i] = y[top[i]];
            }
            assertArrayEquals(scores, floats(row, "scores"), name + ": top-5 scores");
        }
    }

    @Test
    void modelClassFromTheContextsJarsOnAMixedDirectory() throws Exception {
        Path dir = Files.createDirectories(work.resolve("mixed"));
        Files.write(dir.resolve("broken.jpg"), "not a JPEG".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(dir.resolve("notes.txt"), "not an image, and not read");
        ImageIO.write(drawn(Color.RED, 96, 64), "png", dir.resolve("square.png").toFile());
        Files.createDirectories(dir.resolve("nested"));
        ImageIO.write(drawn(Color.BLUE, 40, 50), "png", dir.resolve("nested/dot.PNG").toFile());
        Path out = work.resolve("mixed.parquet");
        String className = modelClass(mnistJar);
        // No --preprocess: the preset comes from the input shape (MNIST's [1, 1, 28, 28]).
        BatchOptions options = BatchOptions.parse("--model-class", className, "--images", dir.toString(),
                "--output", out.toString(), "--top", "3", "--raw");
        // spark-submit --jars also puts the jar on the driver's class path, where resolveModel looks the class
        // up; spark.jars alone ships it to the executors only.
        SparkBatchInference.Summary summary =
                SparkBatchInference.run(spark, options, new SparkBatchInference.ModelRef(className, null));
        assertEquals(3, summary.rows());
        assertEquals(1, summary.unreadable());

        Map<Path, Row> rows = readBack(out);
        assertEquals(List.of("broken.jpg", "dot.PNG", "square.png"),
                rows.keySet().stream().map(p -> p.getFileName().toString()).sorted().toList());
        Row broken = rows.get(dir.resolve("broken.jpg"));
        assertNotNull(broken.getAs("error"));
        assertNull(broken.getAs("classes"));
        assertNull(broken.getAs("scores"));
        assertNull(broken.getAs("output"));
        int[] shape = mnist.inputShape(mnist.inputNames().get(0));
        assertEquals(ImagePreset.MNIST, ImagePreset.forShape(shape));
        for (Path image : List.of(dir.resolve("square.png"), dir.resolve("nested/dot.PNG"))) {
            Row row = rows.get(image);
            float[] y = mnist.run(ImagePreset.MNIST.tensor(ImageIO.read(image.toFile()), shape));
            assertNull(row.getAs("error"));
            assertArrayEquals(y, floats(row, "output"), image.toString());
            assertArrayEquals(topK(y, 3), ints(row, "classes"), image.toString());
        }
    }

    @Test
    void badInputsGiveOneLineAndExitCode2() throws Exception {
        // A missing images path: Spark's own message, one line.
        String err = failing("--model", mnistJar.toString(), "--images", work.resolve("no-such-dir").toString(),
                "--output", work.resolve("never.parquet").toString());
        assertTrue(err.contains("no-such-dir"), err);
        // An existing output without --overwrite.
        Path existing = Files.createDirectories(work.resolve("existing.parquet"));
        err = failing("--model", mnistJar.toString(), "--images", images.toString(), "--output", existing.toString());
        assertTrue(err.contains("--overwrite"), err);
        // A preprocessing that does not fit the model: found in the tasks, reported by the driver. (The jar is
        // in spark.jars already: --model does not add it again.)
        err = failing("--model", mnistJar.toString(), "--images", images.toString(),
                "--output", work.resolve("misfit.parquet").toString(), "--preprocess", "caffe2");
        assertTrue(err.startsWith("error: --preprocess caffe2 does not fit model Mnist"), err);
    }

    /** Runs the command line on the test's session, expecting exit code 2 and one line on stderr. */
    private static String failing(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SparkBatchInference.run(args, spark, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit, text);
        assertTrue(text.startsWith("error: ") && text.indexOf('\n') == text.length() - 1, "one line: " + text);
        assertFalse(spark.sparkContext().isStopped(), "a session it was given stays open");
        return text;
    }

    /** The Parquet rows by the image's path (failing on a path that appears twice). */
    private static Map<Path, Row> readBack(Path parquet) {
        Map<Path, Row> rows = new HashMap<>();
        for (Row row : spark.read().parquet(parquet.toString()).collectAsList()) {
            Path path = Path.of(URI.create(row.getString(row.fieldIndex("path"))));
            assertNull(rows.put(path, row), "two rows for " + path);
        }
        return rows;
    }

    /** The model run plainly on every image file of {@code dir}, by path. */
    private static Map<Path, float[]> plainRun(CompiledModel model, Path dir, ImagePreset preset) throws IOException {
        int[] shape = model.inputShape(model.inputNames().get(0));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpg|jpeg|png)")).toList();
        }
        Map<Path, float[]> outputs = new TreeMap<>();
        for (Path file : files) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertNotNull(image, file.toString());
            outputs.put(file.toAbsolutePath(), model.run(preset.tensor(image, shape)));
        }
        return outputs;
    }

    /** The class named in the jar's manifest, from a class loader of its own, on one thread as in the tasks. */
    private static CompiledModel load(Path jar) throws Exception {
        @SuppressWarnings("resource") // the model's classes stay in use for the whole test class
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, SparkBatchInferenceTest.class.getClassLoader());
        ModelBuilder<?> builder = (ModelBuilder<?>) loader.loadClass(modelClass(jar)).getMethod("builder").invoke(null);
        return builder.threads(1).build();
    }

    private static String modelClass(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue(ModelMain.MODEL_CLASS_ATTRIBUTE);
        }
    }

    /** The indices of the k largest values, largest first, the lower index first among equals. */
    private static int[] topK(float[] y, int k) {
        int[] top = new int[k];
        boolean[] taken = new boolean[y.length];
        for (int i = 0; i < k; i++) {
            int best = -1;
            for (int c = 0; c < y.length; c++) {
                if (!taken[c] && (best < 0 || y[c] > y[best])) {
                    best = c;
                }
            }
            taken[best] = true;
            top[i] = best;
        }
        return top;
    }

    private static BufferedImage drawn(Color color, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(color);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static float[] floats(Row row, String column) {
        List<Object> values = row.getList(row.fieldIndex(column));
        float[] f = new float[values.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (Float) values.get(i);
        }
        return f;
    }

    private static int[] ints(Row row, String column) {
        List<Object> values = row.getList(row.fieldIndex(column));
        int[] a = new int[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = (Integer) values.get(i);
        }
        return a;
    }
}
