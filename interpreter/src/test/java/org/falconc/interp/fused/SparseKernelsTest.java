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

/** Reference kernels of the sparse-execution ops: bitmaps, and DecomposedConv == FusedConvNhwc. */
class SparseKernelsTest {
    @Test
    void bitsMarkNonZeroElementsPerPixel() {
        // 2 pixels x 66 channels: two words per pixel; NaN is non-zero, -0 is zero
        float[] d = new float[2 * 66];
        d[0] = 1;
        d[63] = Float.NaN;
        d[64] = -0f;
        d[65] = 2;
        d[66 + 3] = -1;
        Tensor x = Tensor.ofFloats(Shape.of(1, 1, 2, 66), d);
        long[] expected = {1L | (1L << 63), 1L << 1, 1L << 3, 0};
        assertArrayEquals(expected, FusedKernels.bits(x).longs());
        Graph g = IrParser.parse("""
                graph main(%x: f32[1,1,2,66]) -> (%b) {
                  %b = ActivationBits (%x) : i64[1,1,2,2]
                }
                """);
        Verifier.verify(g);
        assertArrayEquals(expected, Interpreter.run(g, Map.of("x", x)).get("b").longs());
    }

    private static final String GRAPH = """
            graph main(%x: f32[1,6,6,3]) -> (%f, %d) {
              %w = const f32[4,3,3,3] [%W%]
              %r = Relu (%x) : f32[1,6,6,3]
              %rb = ActivationBits (%r) : i64[1,6,6,1]
              %f = FusedConvNhwc (%r, %w) {pads = [1, 1, 1, 1], activation = "ThresholdedRelu", activation_params = [0.5]} : f32[1,6,6,4]
              %d = DecomposedConv "dec" (%r, %w, _, _, %rb) {pads = [1, 1, 1, 1], activation = "ThresholdedRelu", activation_params = [0.5]} : f32[1,6,6,4]
            }
            """;

    private static String weights(long seed) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4 * 3 * 9; i++) {
            sb.append(i == 0 ? "" : ", ").append((float) (rnd.nextDouble() - 0.5));
        }
        return sb.toString();
    }

    private static Tensor input(long seed) {
        Random rnd = new Random(seed);
        float[] d = new float[6 * 6 * 3];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (rnd.nextDouble() * 4 - 2);
        }
        return Tensor.ofFloats(Shape.of(1, 6, 6, 3), d);
    }

    @Test
    void decomposedConvIsTheChannelsLastConvolution() {
        Graph g = IrParser.parse(GRAPH.replace("%W%", weights(1)));
        Verifier.verify(g);
        for (long seed = 1; seed <= 3; seed++) {
            Map<String, Tensor> out = Interpreter.run(g, Map.of("x", input(seed)));
            assertArrayEquals(out.get("f").floats(), out.get("d").floats());
        }
    }

    @Test
    void decomposedConvRefusesABitmapThatIsNotX() {
        String wrong = GRAPH.replace("%W%", weights(1))
                .replace("%rb = ActivationBits (%r) : i64[1,6,6,1]", "%rb = ActivationBits (%x) : i64[1,6,6,1]");
        Graph g = IrParser.parse(wrong);
        IrException e = assertThrows(IrException.class, () -> Interpreter.run(g, Map.of("x", input(2))));
        assertTrue(e.getMessage().contains("DecomposedConv 'dec'") && e.getMessage().contains("bitmap"), e.getMessage());
    }
}
