package org.falconc.cli;

import org.falconc.testsupport.SharedData;
import org.falconc.compiler.LoadedModel;
import org.falconc.compiler.ModelLoader;
import org.falconc.compiler.CompiledJar;
import org.falconc.compiler.ModelArrays;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.falconc.codegen.CompileOptions;
import org.falconc.codegen.CompileResult;
import org.falconc.codegen.Compiler;
import org.falconc.codegen.program.Layer;
import org.falconc.frontend.TensorFiles;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;
import org.falconc.passes.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conformance cases that feed shape operands as graph inputs: only those are specialised, the data
 * stays an input, and the compiled model runs the op's kernel on it (it does not return a folded constant).
 */
class ShapeOperandSpecialisationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "node/test_resize_upsample_scales_nearest, Resize, X, scales, org/falconc/runtime/ops/Resize",
        "node/test_slice, Slice, x, starts axes ends steps, org/falconc/runtime/ops/Slice",
        "node/test_split_variable_parts_2d_opset18, Split, input, split, org/falconc/runtime/ops/Split",
        "node/test_constant_pad, Pad, x value, pads, org/falconc/runtime/ops/Pad",
    })
    void onlyShapeOperandsBecomeConstants_andTheCompiledModelRunsTheKernel(String caseName, String op,
            String dataInputs, String shapeOperands, String kernel) throws Exception {
        Path caseDir = SharedData.require("onnx-conformance/" + caseName);
        Map<String, Tensor> known = ConformanceRunner.inputs(caseDir);
        LoadedModel m = ModelLoader.load(caseDir.resolve("model.onnx"), Map.of(), Pipeline.optimizing(), null, known);

        assertEquals(Set.of(shapeOperands.split(" ")), m.specialisedInputs());
        assertEquals(Set.of(dataInputs.split(" ")), Set.copyOf(m.graph().inputs().stream().map(Value::name).toList()));

        Path jar = dir.resolve("model.jar");
        CompileResult compiled = Compiler.compile(m.graph(), CompileOptions.jar("Model", jar));
        List<Layer> layers = compiled.program().layers();
        Layer layer = layers.stream().filter(l -> l.op().equals(op)).findFirst().orElse(null);
        assertNotNull(layer, "no " + op + " layer in " + layers.stream().map(Layer::op).toList());
        assertTrue(layer.kernelCalls().stream().anyMatch(c -> c.owner().equals(kernel)),
                op + " layer calls " + layer.kernelCalls());

        // The outputs follow the data given at run time: the expected ones for the case's data, others for other data.
        Tensor expected = TensorFiles.read(caseDir.resolve("test_data_set_0/output_0.pb")).tensor();
        Map<String, Tensor> feeds = ConformanceRunner.remainingInputs(m.graph(), known);
        try (CompiledJar cj = CompiledJar.open(jar)) {
            assertNull(ConformanceRunner.compare(first(ModelArrays.run(cj.model(), feeds)), expected));
            Map<String, Tensor> changed = new LinkedHashMap<>(feeds);
            String data = dataInputs.split(" ")[0];
            changed.put(data, plusOne(feeds.get(data)));
            assertNotNull(ConformanceRunner.compare(first(ModelArrays.run(cj.model(), changed)), expected),
                    "the output did not change with the data");
        }
    }

    @Test
    void runWithTheCompiledEngineSpecialisesShapeOperandsLikeTheInterpreter() throws Exception {
        Path caseDir = SharedData.require("onnx-conformance/node/test_slice");
        String[] names = {"x", "starts", "ends", "axes", "steps"};
        for (String engine : List.of("compiled", "interp")) {
            Path out = dir.resolve(engine);
            String[] args = {"run", caseDir.resolve("model.onnx").toString(), "--engine", engine,
                "--output-dir", out.toString()};
            for (int i = 0; i < names.length; i++) {
                args = append(args, "--input", names[i] + "=" + caseDir.resolve("test_data_set_0/input_" + i + ".pb"));
            }
            CliRunner r = CliRunner.run(args);
            assertEquals(0, r.exitCode(), engine + ": " + r.err());
            for (String operand : List.of("starts", "ends", "axes", "steps")) {
                assertTrue(r.err().contains("input '" + operand + "' determines shapes"), engine + ": " + r.err());
            }
            assertFalse(r.err().contains("input 'x'"), r.err());
            Tensor expected = TensorFiles.read(caseDir.resolve("test_data_set_0/output_0.pb")).tensor();
            assertNull(ConformanceRunner.compare(TensorFiles.read(out.resolve("output_0.pb")).tensor(), expected));
        }
    }

    private static Tensor first(Map<String, Tensor> outputs) {
        return outputs.values().iterator().next();
    }

    private static Tensor plusOne(Tensor t) {
        float[] v = t.floats().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += 1;
        }
        return Tensor.ofFloats(t.shape(), v);
    }

    private static String[] append(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
