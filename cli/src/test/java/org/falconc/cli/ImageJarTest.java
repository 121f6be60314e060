package org.falconc.cli;

import org.falconc.testsupport.SharedData;
import org.falconc.compiler.CompiledJar;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.falconc.frontend.DataTypes;
import org.falconc.frontend.TensorFiles;
import org.falconc.frontend.onnx.GraphProto;
import org.falconc.frontend.onnx.TensorProto;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.runtime.io.DataType;
import org.falconc.runtime.io.ImagePreset;
import org.falconc.runtime.io.PbTensor;
import org.falconc.runtime.io.TensorProtoCodec;
import org.falconc.runtime.model.CompiledModel;
import org.falconc.runtime.model.ModelMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jar a person can try on a photo: {@code falconc compile --preprocess NAME --labels FILE} records how a
 * photo becomes the input and what the classes are called, and {@code java -jar Model.jar --image PHOTO}
 * prints the top classes or writes the output image. The jar's Main runs in this JVM on the jar's classes.
 */
class ImageJarTest {
    private static final Path EDGE_DETECTOR = Path.of("..", "samples", "models", "edge-detector.onnx");
    private static final Path SHAPES = Path.of("..", "samples", "models", "shapes.png");

    @TempDir
    Path dir;

    record Run(int exitCode, List<String> out, List<String> err) {
    }

    /** The jar's Main on the model its manifest names, in this JVM. */
    static Run runJar(Path jar, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ImageJarTest.class.getClassLoader())) {
            code = ModelMain.run(args, loader, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8).lines().toList(),
                err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("hint:")).toList());
    }

    private Path compile(Path model, String jarName, String... options) {
        Path jar = dir.resolve(jarName);
        List<String> args = new ArrayList<>(List.of("compile", model.toString(), "-o", jar.toString()));
        args.addAll(List.of(options));
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return jar;
    }

    /** Exit code 2 and one line on stderr, no stack trace. */
    private static void assertOneLineError(Run run, String fragment) {
        assertEquals(2, run.exitCode(), () -> "exit code; stderr: " + run.err());
        assertEquals(1, run.err().size(), () -> "one line on stderr: " + run.err());
        assertTrue(run.err().get(0).startsWith("error: ") && run.err().get(0).contains(fragment),
                () -> "'" + fragment + "' not in: " + run.err());
    }

    @Test
    void squeezenetJarNamesTheCatInChelseaWithTheModelClassesScores() throws Exception {
        Path model = SharedData.require("models/squeezenet1.0.onnx");
        Path labels = SharedData.require("data/labels/imagenet_synset.txt");
        Path chelsea = SharedData.require("data/images/chelsea.png");
        Path jar = compile(model, "Squeezenet.jar", "--preprocess", "caffe2", "--labels", labels.toString());

        Run run = runJar(jar, "--image", chelsea.toString());
        assertEquals(0, run.exitCode(), run.err().toString());
        assertEquals(List.of(), run.err());
        assertEquals("softmaxout_1: top 5 of 1000 classes", run.out().get(0), "probabilities: no softmax");
        assertEquals(6, run.out().size(), run.out().toString());
        String top1 = run.out().get(1);
        assertTrue(top1.endsWith("Egyptian cat") || top1.endsWith("tabby, tabby cat") || top1.endsWith("tiger cat"), top1);

        // The same numbers as the model class on ImagePreset.CAFFE2's tensor of the same photo.
        List<String> names = Files.readAllLines(labels);
        BufferedImage photo = ImageIO.read(chelsea.toFile());
        try (CompiledJar cj = CompiledJar.open(jar)) {
            CompiledModel m = cj.model();
            float[] p = m.run(ImagePreset.CAFFE2.tensor(photo, m.inputShape("data_0")));
            Integer[] order = new Integer[p.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> p[a] != p[b] ? Float.compare(p[b], p[a]) : Integer.compare(a, b));
            List<String> expected = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                int c = order[k];
                expected.add(String.format(Locale.ROOT, "%.4f  %3d  %s", p[c], c, names.get(c)));
            }
            assertEquals(expected, run.out().subList(1, 6));
        }
    }

    @Test
    void edgeDetectorJarWritesThePngOfItsOutput() throws Exception {
        Path jar = compile(EDGE_DETECTOR, "EdgeDetector.jar", "--preprocess", "rgb");
        Path out = dir.resolve("out");
        Run run = runJar(jar, "--image", SHAPES.toString(), "--output-dir", out.toString());
        assertEquals(0, run.exitCode(), run.err().toString());
        assertEquals(List.of(), run.err());
        Path png = out.resolve("output_0.png");
        assertEquals(List.of(png + "  edges 64x64 grey PNG"), run.out());
        BufferedImage written = ImageIO.read(png.toFile());
        assertEquals(64, written.getWidth());
        assertEquals(64, written.getHeight());

        // Pixels are the model's output in the rgb preset's scale (white = 1): round(clamp(v, 0, 1) * 255).
        float[] edges;
        try (CompiledJar cj = CompiledJar.open(jar)) {
            CompiledModel m = cj.model();
            edges = m.run(ImagePreset.RGB.tensor(ImageIO.read(SHAPES.toFile()), m.inputShape("image")));
        }
        int bright = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int expected = Math.round(Math.max(0f, Math.min(1f, edges[y * 64 + x])) * 255f);
                assertEquals(expected, written.getRaster().getSample(x, y, 0), "pixel " + x + "," + y);
                bright += expected > 200 ? 1 : 0;
            }
        }
        assertTrue(bright > 50, "the disc's and the square's outlines: " + bright + " bright pixels");

        // --output FILE.png writes the same image; without a recorded preset the shape's (rgb) is used and named.
        Path plain = compile(EDGE_DETECTOR, "Plain.jar");
        Path file = dir.resolve("edges.png");
        Run named = runJar(plain, "--image", SHAPES.toString(), "--output", file.toString());
        assertEquals(0, named.exitCode(), named.err().toString());
        assertEquals(List.of("note: no preprocessing recorded in the jar; --image uses 'rgb' for input 'image' "
                + "f32[1,3,128,128] (compile with --preprocess NAME to choose)"), named.err());
        assertArrayEquals(pixels(written), pixels(ImageIO.read(file.toFile())));
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void badPhotosAndModelsThatTakeNoPhotoAreOneLine() throws Exception {
        Path jar = compile(EDGE_DETECTOR, "EdgeDetector.jar", "--preprocess", "rgb");
        assertOneLineError(runJar(jar, "--image", dir.resolve("missing.png").toString()), "image file not found");
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "not a picture");
        assertOneLineError(runJar(jar, "--image", text.toString()), "not an image");
        Path truncated = dir.resolve("truncated.png");
        byte[] png = Files.readAllBytes(SHAPES);
        Files.write(truncated, Arrays.copyOf(png, png.length / 2));
        assertOneLineError(runJar(jar, "--image", truncated.toString()), "cannot decode image");
        assertOneLineError(runJar(jar, "--image", SHAPES.toString(), "--input", "x.pb"), "not both");
        assertFalse(Files.exists(dir.resolve("output_0.png")));

        // A model whose input is no image: [1, 4].
        Path relu = dir.resolve("relu.onnx");
        Files.write(relu, CliHardeningTest.relu().toByteArray());
        Path reluJar = compile(relu, "Relu.jar");
        assertOneLineError(runJar(reluJar, "--image", SHAPES.toString()),
                "--image needs an image input [1, 1|3, H, W] of floats; input 'x' f32[1,4] is not one");
    }

    @Test
    void compileRefusesUnknownOrMisfittingPreprocessingAndLabels() throws Exception {
        Path jar = dir.resolve("Never.jar");
        CliHardeningTest.assertUserError(CliRunner.run("compile", EDGE_DETECTOR.toString(), "--preprocess", "sepia",
                "-o", jar.toString()), "--preprocess: unknown preprocessing 'sepia'", "caffe2");
        CliHardeningTest.assertUserError(CliRunner.run(EDGE_DETECTOR.toString(), "--preprocess", "sepia",
                "-o", jar.toString()), "unknown preprocessing 'sepia'");
        CliHardeningTest.assertUserError(CliRunner.run("compile", EDGE_DETECTOR.toString(), "--preprocess", "grey",
                "-o", jar.toString()), "--preprocess grey makes [1, 1, H, W] inputs", "'image' is f32[1,3,128,128]");
        Path labels = dir.resolve("labels.txt");
        Files.writeString(labels, "cat\ndog\n");
        CliHardeningTest.assertUserError(CliRunner.run("compile", EDGE_DETECTOR.toString(), "--labels", labels.toString(),
                "-o", jar.toString()), "--labels names 2 classes, but no output holds 2 class scores");
        CliHardeningTest.assertUserError(CliRunner.run("compile", EDGE_DETECTOR.toString(), "--labels",
                dir.resolve("none.txt").toString(), "-o", jar.toString()), "--labels: labels file not found");
        assertFalse(Files.exists(jar));
    }

    /** x f16[1,4] * c f16[4] -> Relu -> z f16[1,4]: the interpreter and the compiled model agree exactly. */
    private Path halfModel() throws Exception {
        ByteBuffer raw = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : new float[] {0.5f, -3f, 1.25f, 1e-3f}) {
            raw.putShort(org.falconc.runtime.io.Float16.fromFloat(v));
        }
        TensorProto c = TensorProto.newBuilder().setName("c").setDataType(DataTypes.FLOAT16).addDims(4)
                .setRawData(com.google.protobuf.ByteString.copyFrom(raw.array())).build();
        Path m = dir.resolve("half.onnx");
        Files.write(m, CliHardeningTest.model(GraphProto.newBuilder().addInput(CliHardeningTest.info("x", DataTypes.FLOAT16, 1, 4))
                .addInitializer(c).addOutput(CliHardeningTest.info("z", DataTypes.FLOAT16, 1, 4))
                .addNode(CliHardeningTest.node("m", "Mul", "x", "c", "y"))
                .addNode(CliHardeningTest.node("r", "Relu", "y", "z"))).toByteArray());
        return m;
    }

    @Test
    void float16OutputsOfAJarAreWrittenAsFloat16LikeTheInterpreters() throws Exception {
        Path model = halfModel();
        Path x = dir.resolve("x.pb");
        TensorFiles.write(x, "x", Tensor.ofFloats(Shape.of(1, 4), 3.1f, 2.2f, -1.7f, 65000f), DataTypes.FLOAT16);
        CliRunner interp = CliRunner.run("run", model.toString(), "--input", x.toString(), "--output-dir",
                dir.resolve("interp").toString());
        assertEquals(0, interp.exitCode(), interp.err());
        Path jar = compile(model, "Half.jar");
        Run run = runJar(jar, "--input", x.toString(), "--output-dir", dir.resolve("jar").toString());
        assertEquals(0, run.exitCode(), run.err().toString());
        PbTensor expected = TensorProtoCodec.read(dir.resolve("interp/output_0.pb"));
        PbTensor actual = TensorProtoCodec.read(dir.resolve("jar/output_0.pb"));
        assertEquals(DataType.FLOAT16, expected.dataType());
        assertEquals(DataType.FLOAT16, actual.dataType());
        assertEquals(expected.name(), actual.name());
        assertArrayEquals(expected.dims(), actual.dims());
        assertArrayEquals((short[]) expected.data(), (short[]) actual.data());
        assertArrayEquals(Files.readAllBytes(dir.resolve("interp/output_0.pb")), Files.readAllBytes(dir.resolve("jar/output_0.pb")),
                "the same file, byte for byte");

        // falconc run on the jar reads the recorded types too: float16 in, float16 out.
        CliRunner viaCli = CliRunner.run("run", jar.toString(), "--input", x.toString(), "--output-dir",
                dir.resolve("cli").toString());
        assertEquals(0, viaCli.exitCode(), viaCli.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("interp/output_0.pb")), Files.readAllBytes(dir.resolve("cli/output_0.pb")));

        // A float32 file for the float16 input is refused, as the interpreter refuses it.
        Path x32 = dir.resolve("x32.pb");
        TensorFiles.write(x32, "x", Tensor.ofFloats(Shape.of(1, 4), 1, 2, 3, 4), DataTypes.FLOAT);
        assertOneLineError(runJar(jar, "--input", x32.toString(), "--output-dir", dir.resolve("o").toString()),
                "input 'x' is tensor(float16), the file holds tensor(float)");
    }

    @Test
    void sharedFloat16SqueezenetWritesFloat16AndStillSeesTheCat() throws Exception {
        Path model = SharedData.require("models/squeezenet1.0-fp16.onnx");
        Path chelsea = SharedData.require("data/images/chelsea.png");
        Path labels = SharedData.require("data/labels/imagenet_synset.txt");
        Path jar = compile(model, "Half.jar", "--preprocess", "caffe2", "--labels", labels.toString());
        Run run = runJar(jar, "--image", chelsea.toString());
        assertEquals(0, run.exitCode(), run.err().toString());
        assertTrue(run.out().get(1).contains(" cat"), run.out().toString());

        Path x = dir.resolve("chelsea16.pb");
        TensorFiles.write(x, "data_0", Tensor.ofFloats(Shape.of(1, 3, 224, 224),
                ImagePreset.CAFFE2.tensor(ImageIO.read(chelsea.toFile()), new int[] {1, 3, 224, 224})), DataTypes.FLOAT16);
        Run pb = runJar(jar, "--input", x.toString(), "--output-dir", dir.resolve("o").toString());
        assertEquals(0, pb.exitCode(), pb.err().toString());
        assertEquals(DataTypes.FLOAT16, TensorFiles.elemType(dir.resolve("o/output_0.pb")));
    }
}
