package org.falconc.interp.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.falconc.interp.Interpreter;
import org.falconc.ir.Graph;
import org.falconc.ir.IrException;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.Verifier;
import org.falconc.ir.text.IrParser;
import org.junit.jupiter.api.Test;

/** Reference kernels of the sparse-execution ops: masks, and DecomposedConv == FusedConv. */
class SparseKernelsTest {
    @Test
    void activationMaskMarksBlocksWithNonZeros() {
        Tensor x = Tensor.ofFloats(Shape.of(1, 2, 5), 0, 0, 0, 1, 0, /* ch 1 */ 0, 0, Float.NaN, 0, -0f);
        assertArrayEquals(new boolean[] {false, true, false, false, true, false}, FusedKernels.mask(x, 2).bools());
        Graph g = IrParser.parse("""
                graph main(%x: f32[1,2,5]) -> (%m) {
                  %m = ActivationMask (%x) {block = 2} : bool[1,2,3]
                }
                """);
        Verifier.verify(g);
        assertArrayEquals(new boolean[] {false, true, false, false, true, false},
                Interpreter.run(g, Map.of("x", x)).get("m").bools());
    }

    private static final String GRAPH = """
            graph main(%x: f32[1,3,6,6]) -> (%f, %fm, %d, %dm, %t) {
              %w = const f32[4,3,3,3] [%W%]
              %r = Relu (%x) : f32[1,3,6,6]
              %rm = ActivationMask (%r) {block = 16} : bool[1,3,3]
              %f, %fm = FusedConv (%r, %w) {pads = [1, 1, 1, 1], activation = "ThresholdedRelu", activation_params = [0.5], mask_block = 8} : f32[1,4,6,6], bool[1,4,5]
              %d, %dm = DecomposedConv "dec" (%r, %w, _, _, %rm) {pads = [1, 1, 1, 1], activation = "ThresholdedRelu", activation_params = [0.5], unit_channels = 2, unit_pixels = 32, input_mask_block = 16, mask_block = 8} : f32[1,4,6,6], bool[1,4,5]
              %c = Conv (%r, %w) {pads = [1, 1, 1, 1]} : f32[1,4,6,6]
              %t = ThresholdedRelu (%c) {alpha = 0.5} : f32[1,4,6,6]
            }
            """;

    private static String weights(Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4 * 3 * 9; i++) {
            sb.append(i == 0 ? "" : ", ").append((float) (rnd.nextDouble() - 0.5));
        }
        return sb.toString();
    }

    @Test
    void decomposedConvComputesFusedConvAndMasks() {
        Random rnd = new Random(3);
        Graph g = IrParser.parse(GRAPH.replace("%W%", weights(rnd)));
        Verifier.verify(g);
        for (int trial = 0; trial < 5; trial++) {
            float[] d = new float[108];
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) rnd.nextGaussian();
            }
            Map<String, Tensor> out = Interpreter.run(g, Map.of("x", Tensor.ofFloats(Shape.of(1, 3, 6, 6), d)));
            assertArrayEquals(out.get("t").floats(), out.get("f").floats());
            assertArrayEquals(out.get("t").floats(), out.get("d").floats());
            assertArrayEquals(FusedKernels.mask(out.get("t"), 8).bools(), out.get("fm").bools());
            assertArrayEquals(out.get("fm").bools(), out.get("dm").bools());
        }
    }

    @Test
    void unsoundInputMaskIsAnError() {
        Graph g = IrParser.parse("""
                graph main(%x: f32[1,1,2,2], %m: bool[1,1,1]) -> (%y) {
                  %w = const f32[1,1,1,1] [1.0]
                  %y = DecomposedConv "dec" (%x, %w, _, _, %m) {activation = "", unit_channels = 1, unit_pixels = 32, input_mask_block = 16} : f32[1,1,2,2]
                }
                """);
        Tensor x = Tensor.ofFloats(Shape.of(1, 1, 2, 2), 0, 0, 3, 0);
        Interpreter.run(g, Map.of("x", x, "m", Tensor.ofBools(Shape.of(1, 1, 1), true)));
        IrException e = assertThrows(IrException.class,
                () -> Interpreter.run(g, Map.of("x", x, "m", Tensor.ofBools(Shape.of(1, 1, 1), false))));
        assertTrue(e.getMessage().contains("DecomposedConv 'dec'"), e.getMessage());
    }

    @Test
    void runAllCapturesIntermediateValues() {
        Graph g = IrParser.parse(GRAPH.replace("%W%", weights(new Random(1))));
        Map<String, Tensor> all = Interpreter.runAll(g, Map.of("x", Tensor.zeros(g.value("x").type())));
        assertTrue(all.keySet().containsAll(java.util.List.of("x", "r", "rm", "f", "fm", "d", "dm", "c", "t")),
                all.keySet().toString());
        assertTrue(!all.containsKey("w"));
    }
}
