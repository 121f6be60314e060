package org.falconc.cli;

import org.falconc.testsupport.SharedData;
import org.falconc.compiler.ModelLoader;
import org.falconc.compiler.CompiledJar;
import org.falconc.compiler.ModelArrays;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.falconc.codegen.CompileOptions;
import org.falconc.codegen.Compiler;
import org.falconc.ir.Graph;
import org.falconc.ir.Tensor;
import org.falconc.passes.PassOptions;
import org.falconc.passes.Pipeline;
import org.falconc.passes.SparsityMode;
import org.falconc.passes.sparsity.SparsityAnalysis;
import org.falconc.passes.sparsity.SparsityCalibration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exact sparse execution computes what the dense model computes: every convolution the decomposition
 * accepts (graph inputs included) is forced sparse (calibrated break-even 0, so the run-time decision
 * always takes the sparse kernel), and the outputs on a real image equal the dense compilation's
 * within 1e-5 relative L2; with break-even 1 (always dense) too, so both branches of the decision run.
 */
class SparseExactnessTest {
    private static final double MAX_REL_L2 = 1e-5;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "models/mnist-8.onnx, data/images/horse5-32x32.png, MNIST",
        "models/squeezenet1.0.onnx, data/images/chelsea.png, CAFFE2",
        "models/resnet20-cifar10.onnx, data/images/horse5-32x32.png, CIFAR",
        "models/super-resolution-10.onnx, data/images/astronaut.png, LUMA",
        "models/ultraface-rfb-320.onnx, data/images/ultraface_1.jpg, ULTRAFACE",
    })
    void forcedSparseEqualsDense(String modelPath, String imagePath, String preset) throws Exception {
        Path model = SharedData.require(modelPath);
        Path image = SharedData.require(imagePath);
        PassOptions decompose = PassOptions.defaults().withSparsity(SparsityMode.EXACT).withDecomposeGraphInputs(true);
        Graph decomposed = ModelLoader.load(model, Map.of(), Pipeline.optimizing(),
                decompose.withStopAfter("decompose-convolutions"), Map.of()).graph();
        List<SparsityAnalysis.DecomposedConvInput> convs = SparsityAnalysis.decomposedConvs(decomposed);
        assertTrue(!convs.isEmpty(), "no convolution of " + model + " was decomposed");
        Graph denseGraph = ModelLoader.load(model, Map.of(), Pipeline.optimizing(),
                PassOptions.defaults().withSparsity(SparsityMode.OFF), Map.of()).graph();
        int[] shape = denseGraph.inputs().get(0).type().shape().dims();
        Tensor input = ImageTensors.tensor(image, org.falconc.runtime.io.ImagePreset.valueOf(preset), shape);
        Map<String, Tensor> feeds = Map.of(denseGraph.inputs().get(0).name(), input);
        Map<String, Tensor> expected = run(denseGraph, "Dense", feeds);
        for (double breakEven : new double[] {0, 1}) {
            Map<String, SparsityCalibration.Layer> forced = new LinkedHashMap<>();
            for (var c : convs) {
                // zero fraction 1: schedule-sparsity keeps every layer decomposed, with this break-even
                forced.put(c.name(), new SparsityCalibration.Layer(1, breakEven));
            }
            PassOptions sparse = decompose.withCalibration(SparsityCalibration.of(forced));
            Graph g = ModelLoader.load(model, Map.of(), Pipeline.optimizing(sparse), sparse, Map.of()).graph();
            long decomposedLayers = g.nodes().stream().filter(n -> n.op().equals("DecomposedConv")).count();
            assertTrue(decomposedLayers == convs.size(), decomposedLayers + " of " + convs.size() + " layers decomposed");
            Map<String, Tensor> got = run(g, "Sparse", feeds);
            for (var e : expected.entrySet()) {
                double err = Comparison.relativeL2(got.get(e.getKey()).floats(), e.getValue().floats());
                assertTrue(err <= MAX_REL_L2, model.getFileName() + " break-even " + breakEven + " output " + e.getKey()
                        + ": relative L2 " + err);
            }
        }
    }

    private static Map<String, Tensor> run(Graph g, String name, Map<String, Tensor> feeds) throws Exception {
        Path dir = Path.of("target", "sparse-exactness");
        Files.createDirectories(dir);
        Path jar = dir.resolve(name + ".jar");
        Compiler.compile(g, CompileOptions.jar(name, jar));
        try (CompiledJar cj = CompiledJar.open(jar)) {
            return ModelArrays.run(cj.model(), feeds);
        }
    }
}
