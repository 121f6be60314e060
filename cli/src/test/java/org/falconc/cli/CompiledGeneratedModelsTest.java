package org.falconc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.falconc.ir.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The standard architectures compile and agree with ONNX Runtime on a real photo. */
class CompiledGeneratedModelsTest {
    @ParameterizedTest
    @ValueSource(strings = {"resnet18.onnx", "resnet50.onnx", "vgg16.onnx", "mobilenetv2.onnx"})
    void agreesWithOrt(String file) throws Exception {
        Path model = GeneratedModels.require(file);
        Tensor x = ImageTensors.nchw(ImageTensors.load(SharedData.require("data/images/dog.jpg"), 224, 224), "RGB",
                1f / 255, new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});
        try (CompiledJar jar = CompiledModels.compile(model); OrtOracle ort = new OrtOracle(model)) {
            String input = jar.inputNames().get(0);
            float[] ours = jar.model().run(x.floats());
            float[] theirs = ort.run(Map.of(input, x)).values().iterator().next();
            double err = Comparison.relativeL2(ours, theirs);
            assertTrue(err <= 1e-4, file + ": relative L2 error " + err);
            assertEquals(Comparison.argmax(theirs), Comparison.argmax(ours), file + ": top-1 class");
        }
    }
}
