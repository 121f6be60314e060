package org.falconc.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.falconc.codegen.TestModels;
import org.falconc.ir.Graph;
import org.falconc.runtime.model.CompiledModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graphs through the optimising pipeline (fold-batchnorm, fuse-activations, assign-layout) compile
 * to fused channels-last kernels and still compute what the unoptimised graph computes in the
 * interpreter.
 */
class FusedModelTest {
    @TempDir
    Path dir;

    private void check(String text, String name, Map<String, Integer> expectedOps) {
        Graph plain = TestModels.graph(text);
        Graph fused = TestModels.optimizedGraph(text);
        assertEquals(expectedOps, fused.opHistogram());
        CompiledModel m = TestModels.load(fused, name, dir);
        for (long seed = 1; seed <= 2; seed++) {
            Map<String, float[]> in = TestModels.randomInputs(plain, seed);
            TestModels.assertClose(TestModels.reference(plain, in), m.run(in));
        }
    }

    @Test
    void residualBlockWithBatchNorm() {
        check("""
                graph g(%x: f32[1,8,7,7]) -> (%y) {
                  %w1 = const f32[8,8,3,3] random
                  %w2 = const f32[8,8,3,3] random
                  %s = const f32[8] random
                  %b = const f32[8] random
                  %m = const f32[8] random
                  %v = const f32[8] [1.0, 0.5, 2.0, 1.5, 0.25, 1.0, 3.0, 0.75]
                  %c1 = Conv (%x, %w1) {pads = [1, 1, 1, 1]}
                  %n1 = BatchNormalization (%c1, %s, %b, %m, %v)
                  %r1 = Relu (%n1)
                  %c2 = Conv (%r1, %w2) {pads = [1, 1, 1, 1]}
                  %n2 = BatchNormalization (%c2, %s, %b, %m, %v)
                  %a = Add (%n2, %x)
                  %y = Relu (%a)
                }""", "ResBlock", Map.of("FusedConvNhwc", 1, "DecomposedConv", 1, "ActivationBits", 1, "Transpose", 2));
    }

    @Test
    void clipAndLeakyActivationsAndFusedGemm() {
        check("""
                graph g(%x: f32[2,3,6,6]) -> (%y) {
                  %w1 = const f32[4,3,3,3] random
                  %b1 = const f32[4] random
                  %w2 = const f32[4,1,3,3] random
                  %fw = const f32[5,36] random
                  %fb = const f32[5] random
                  %lo = const f32[] [0.0]
                  %hi = const f32[] [6.0]
                  %shape = const i64[2] [2, 36]
                  %c1 = Conv (%x, %w1, %b1) {strides = [2, 2], pads = [1, 1, 1, 1]}
                  %r1 = Clip (%c1, %lo, %hi)
                  %c2 = Conv (%r1, %w2) {group = 4, pads = [1, 1, 1, 1]}
                  %l2 = LeakyRelu (%c2) {alpha = 0.1}
                  %f = Reshape (%l2, %shape)
                  %g = Gemm (%f, %fw, %fb) {transB = 1}
                  %y = Sigmoid (%g)
                }""", "Activations", Map.of("FusedConvNhwc", 2, "Transpose", 2, "Reshape", 1, "FusedGemm", 1));
    }
}
