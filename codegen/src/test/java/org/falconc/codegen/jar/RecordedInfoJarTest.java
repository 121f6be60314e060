package org.falconc.codegen.jar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import org.falconc.codegen.CompileOptions;
import org.falconc.codegen.CompileResult;
import org.falconc.codegen.Compiler;
import org.falconc.codegen.EmitKind;
import org.falconc.codegen.SampleGraphs;
import org.falconc.codegen.TestModels;
import org.falconc.ir.ErrorKind;
import org.falconc.ir.FalconcException;
import org.falconc.ir.Graph;
import org.falconc.runtime.io.DataType;
import org.falconc.runtime.io.Float16;
import org.falconc.runtime.io.ImageFiles;
import org.falconc.runtime.io.ImagePreset;
import org.falconc.runtime.io.PbTensor;
import org.falconc.runtime.io.TensorProtoCodec;
import org.falconc.runtime.model.CompiledModel;
import org.falconc.runtime.model.ModelInfo;
import org.falconc.runtime.model.ModelMain;
import org.falconc.runtime.model.Scores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the compiler records beside the class (ModelInfo) and how the jar's Main uses it. */
class RecordedInfoJarTest {
    private static final List<String> LABELS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine");

    @TempDir
    Path dir;

    record Run(int exitCode, List<String> out, List<String> err) {
    }

    /** Runs the jar's Main in this JVM, on the model its manifest names. */
    static Run runMain(Path jar, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                RecordedInfoJarTest.class.getClassLoader())) {
            code = ModelMain.run(args, loader, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8).lines().toList(),
                err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("hint:")).toList());
    }

    private Path convNetJar(CompileOptions options) {
        Compiler.compile(TestModels.graph(SampleGraphs.all().get("ConvNet")), options);
        return options.output();
    }

    private Path photo() throws Exception {
        BufferedImage img = new BufferedImage(20, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 20; x++) {
                img.setRGB(x, y, (x * 12) << 16 | (y * 15) << 8 | ((x + y) * 7));
            }
        }
        Path p = dir.resolve("photo.png");
        Files.write(p, ImageFiles.png(img));
        return p;
    }

    @Test
    void theJarRecordsPreprocessingLabelsAndDeclaredTypes() throws Exception {
        Path jar = convNetJar(CompileOptions.jar("ConvNet", dir.resolve("ConvNet.jar")).withPreprocess("RGB")
                .withLabels(LABELS).withElemTypes(Map.of("x", DataType.FLOAT16), Map.of("p", DataType.FLOAT16)));
        try (JarFile file = new JarFile(jar.toFile())) {
            String props = new String(file.getInputStream(file.getEntry("ConvNet.info.properties")).readAllBytes(),
                    StandardCharsets.UTF_8);
            String labels = new String(file.getInputStream(file.getEntry("ConvNet.labels.txt")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertEquals(new ModelInfo(List.of(DataType.FLOAT16), List.of(DataType.FLOAT16), "rgb", LABELS),
                    ModelInfo.parse(props, labels));
        }
    }

    @Test
    void imageModePrintsTheTopClassesOfWhatTheModelComputesOnThePreprocessedPhoto() throws Exception {
        Path jar = convNetJar(CompileOptions.jar("ConvNet", dir.resolve("ConvNet.jar")).withPreprocess("imagenet")
                .withLabels(LABELS));
        Path photo = photo();
        Run run = runMain(jar, "--image", photo.toString());
        assertEquals(0, run.exitCode(), run.err().toString());
        assertEquals(List.of(), run.err(), "a recorded preset needs no note");

        float[] expected;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            CompiledModel m = (CompiledModel) loader.loadClass("ConvNet").getConstructor().newInstance();
            expected = Scores.probabilities(m.run(ImagePreset.IMAGENET.tensor(ImageFiles.read(photo), new int[] {1, 3, 12, 12})));
            assertEquals("imagenet", m.info().preprocess());
        }
        List<String> lines = new ArrayList<>();
        for (int c : Scores.top(expected, 5)) {
            lines.add(String.format(Locale.ROOT, "%.4f  %d  %s", expected[c], c, LABELS.get(c)));
        }
        assertEquals(lines, run.out().subList(1, 6));
        assertTrue(run.out().get(0).startsWith("p: top 5 of 10 classes"), run.out().get(0));
        assertEquals(6, run.out().size(), "no files for a classifier");
    }

    @Test
    void withoutARecordedPresetTheShapesPresetIsUsedAndNamed() throws Exception {
        Path jar = convNetJar(CompileOptions.jar("ConvNet", dir.resolve("Plain.jar")));
        Run run = runMain(jar, "--image", photo().toString());
        assertEquals(0, run.exitCode(), run.err().toString());
        assertEquals(1, run.err().size(), run.err().toString());
        assertTrue(run.err().get(0).startsWith("note: no preprocessing recorded in the jar; --image uses 'rgb' for input 'x'"),
                run.err().get(0));
        assertTrue(run.out().get(1).matches("[01]\\.\\d{4}  \\d"), run.out().get(1) + ": no labels, index only");
    }

    @Test
    void float16OutputsAreWrittenAsFloat16FromFloat16Inputs() throws Exception {
        Graph g = TestModels.graph(SampleGraphs.all().get("ConvNet"));
        Path jar = convNetJar(CompileOptions.jar("ConvNet", dir.resolve("Half.jar"))
                .withElemTypes(Map.of("x", DataType.FLOAT16), Map.of("p", DataType.FLOAT16)));
        float[] x = TestModels.randomInputs(g, 3).get("x");
        short[] half = new short[x.length];
        float[] widened = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            half[i] = Float16.fromFloat(x[i]);
            widened[i] = Float16.toFloat(half[i]);
        }
        Path in = dir.resolve("x16.pb");
        TensorProtoCodec.write(new PbTensor("x", DataType.FLOAT16, new long[] {1, 3, 12, 12}, half), in);
        Run run = runMain(jar, "--input", in.toString(), "--output-dir", dir.resolve("o").toString());
        assertEquals(0, run.exitCode(), run.err().toString());
        assertTrue(run.out().get(0).endsWith("p f32[1,10] as float16"), run.out().toString());
        PbTensor out = TensorProtoCodec.read(dir.resolve("o/output_0.pb"));
        assertEquals(DataType.FLOAT16, out.dataType());
        float[] y;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            y = ((CompiledModel) loader.loadClass("ConvNet").getConstructor().newInstance()).run(widened);
        }
        short[] expected = new short[y.length];
        for (int i = 0; i < y.length; i++) {
            expected[i] = Float16.fromFloat(y[i]);
        }
        assertArrayEquals(expected, (short[]) out.data());

        Path f32 = dir.resolve("x32.pb");
        TensorProtoCodec.write(PbTensor.ofFloats("x", new int[] {1, 3, 12, 12}, x), f32);
        Run refused = runMain(jar, "--input", f32.toString(), "--output-dir", dir.resolve("o2").toString());
        assertEquals(2, refused.exitCode());
        assertEquals(1, refused.err().size());
        assertTrue(refused.err().get(0).contains("input 'x' is tensor(float16), the file holds tensor(float)"),
                refused.err().toString());
    }

    @Test
    void classFilesAndSourcesGetTheRecordBesideThem() throws Exception {
        Graph g = TestModels.graph(SampleGraphs.all().get("ConvNet"));
        CompileOptions options = new CompileOptions("gen.info", "Net", EmitKind.CLASSES, dir.resolve("classes"))
                .withPreprocess("cifar").withLabels(LABELS);
        CompileResult r = Compiler.compile(g, options);
        Path props = dir.resolve("classes/gen/info/Net.info.properties");
        Path labels = dir.resolve("classes/gen/info/Net.labels.txt");
        assertTrue(r.files().containsAll(List.of(props, labels)), r.files().toString());
        CompiledModel m = TestModels.instantiate(r.program(), dir.resolve("classes"));
        assertEquals(ImagePreset.CIFAR, m.info().preset());
        assertEquals(LABELS, m.info().labels());
        CompileResult java = Compiler.compile(g, options.withEmit(EmitKind.JAVA, dir.resolve("src")));
        assertTrue(java.files().contains(dir.resolve("src/gen/info/Net.info.properties")));
    }

    @Test
    void aPresetThatDoesNotFitOrLabelsOfNoOutputAreRefusedBeforeAnythingIsWritten() {
        Graph g = TestModels.graph(SampleGraphs.all().get("ConvNet"));
        Path jar = dir.resolve("Never.jar");
        FalconcException grey = assertThrows(FalconcException.class,
                () -> Compiler.compile(g, CompileOptions.jar("Never", jar).withPreprocess("grey")));
        assertEquals(ErrorKind.USER_INPUT, grey.kind());
        assertEquals("--preprocess grey makes [1, 1, H, W] inputs; the model's input 'x' is f32[1,3,12,12]",
                grey.getMessage());
        FalconcException labels = assertThrows(FalconcException.class,
                () -> Compiler.compile(g, CompileOptions.jar("Never", jar).withLabels(List.of("a", "b", "c"))));
        assertEquals(ErrorKind.USER_INPUT, labels.kind());
        assertTrue(labels.getMessage().contains("--labels names 3 classes, but no output holds 3 class scores"),
                labels.getMessage());
        assertFalse(Files.exists(jar));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CompileOptions.jar("Never", jar).withPreprocess("sepia"))
                .getMessage().contains("unknown preprocessing 'sepia'"));
    }
}
