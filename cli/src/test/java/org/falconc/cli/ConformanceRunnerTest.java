package org.falconc.cli;

import org.falconc.testsupport.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.falconc.ir.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conformance runner fails a case whose engine returns too few, too many or wrong outputs. */
class ConformanceRunnerTest {
    private static Path relu() {
        return SharedData.require("onnx-conformance/node/test_relu");
    }

    @Test
    void theRightOutputsPass() throws Exception {
        assertNull(ConformanceRunner.check(relu(), ConformanceRunner.INTERPRETER));
    }

    @Test
    void aMissingOutputFails() throws Exception {
        String failure = ConformanceRunner.check(relu(), (model, inputs) -> Map.of());
        assertEquals("model produced 0 outputs [], expected 1", failure);
    }

    @Test
    void anExtraOutputFails() throws Exception {
        String failure = ConformanceRunner.check(relu(), (model, inputs) -> {
            Map<String, Tensor> out = new LinkedHashMap<>(ConformanceRunner.INTERPRETER.run(model, inputs));
            out.put("extra", out.values().iterator().next());
            return out;
        });
        assertTrue(failure != null && failure.startsWith("model produced 2 outputs"), failure);
    }

    @Test
    void aWrongValueFails() throws Exception {
        String failure = ConformanceRunner.check(relu(), (model, inputs) -> {
            Map<String, Tensor> out = ConformanceRunner.INTERPRETER.run(model, inputs);
            Tensor y = out.values().iterator().next();
            float[] shifted = y.floats().clone();
            shifted[0] += 1;
            return Map.of("y", Tensor.ofFloats(y.shape(), shifted));
        });
        assertTrue(failure != null && failure.startsWith("output 0: "), failure);
    }

    @Test
    void aCaseWithoutExpectedOutputsFails(@TempDir Path dir) throws Exception {
        Path set = Files.createDirectories(dir.resolve("test_data_set_0"));
        Files.copy(relu().resolve("model.onnx"), dir.resolve("model.onnx"));
        Files.copy(relu().resolve("test_data_set_0/input_0.pb"), set.resolve("input_0.pb"));
        String failure = ConformanceRunner.check(dir, ConformanceRunner.INTERPRETER);
        assertTrue(failure != null && failure.contains("no expected outputs"), failure);
    }
}
