package org.falconc.cli;

import org.falconc.testsupport.SharedData;
import org.falconc.compiler.CompiledJar;
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
        Tensor x = ImageTensors.imagenet(SharedData.require("data/images/dog.jpg"));
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
