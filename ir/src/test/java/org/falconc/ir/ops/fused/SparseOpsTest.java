package org.falconc.ir.ops.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.IrException;
import org.falconc.ir.TensorType;
import org.falconc.ir.Verifier;
import org.falconc.ir.text.IrParser;
import org.falconc.ir.text.IrPrinter;
import org.falconc.ir.text.PrintOptions;
import org.junit.jupiter.api.Test;

/** Schemas of the sparse-execution ops: ActivationBits and the channels-last DecomposedConv. */
class SparseOpsTest {
    private static final String GRAPH = """
            graph main(%x: f32[1,6,6,8], %v: f32[2,5,5,130]) -> (%d, %e) {
              %w = const f32[4,8,3,3] #00000000000000aa
              %w2 = const f32[6,65,1,1] #00000000000000bb
              %x_bits = ActivationBits "scan" (%x) : i64[1,6,6,1]
              %v_bits = ActivationBits (%v) : i64[2,5,5,3]
              %y = FusedConvNhwc "producer" (%x, %w) {pads = [1, 1, 1, 1], activation = "Relu"} : f32[1,6,6,4]
              %d = DecomposedConv "dec" (%x, %w, _, %y, %x_bits) {pads = [1, 1, 1, 1], activation = "ThresholdedRelu", activation_params = [0.5], break_even = 0.35, expected_zeros = 0.5} : f32[1,6,6,4]
              %e = DecomposedConv "grouped" (%v, %w2, _, _, %v_bits) {strides = [2, 2], group = 2} : f32[2,3,3,6]
            }
            """;

    @Test
    void typesAndRoundTrip() {
        Graph g = IrParser.parse(GRAPH);
        Verifier.verify(g);
        // one word per 64 channels, whole words per pixel: 130 channels take 3
        assertEquals(TensorType.of(DType.I64, 2, 5, 5, 3), g.value("v_bits").type());
        assertEquals(TensorType.of(DType.F32, 2, 3, 3, 6), g.value("e").type());
        String printed = IrPrinter.print(g, PrintOptions.full());
        assertEquals(printed, IrPrinter.print(IrParser.parse(printed), PrintOptions.full()));
    }

    private static void assertFails(String from, String to, String node, String fragment) {
        String text = GRAPH.replace(from, to);
        assertTrue(!text.equals(GRAPH), "replacement applies: " + from);
        IrException e = assertThrows(IrException.class, () -> Verifier.verify(IrParser.parse(text)));
        assertTrue(e.getMessage().contains(node), "names the node: " + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void errorsNameTheNode() {
        assertFails("i64[1,6,6,1]", "i64[1,6,6,2]", "ActivationBits 'scan'", "i64[1,6,6,1]");
        assertFails("%y, %x_bits)", "%y)", "DecomposedConv 'dec'", "bitmap");
        assertFails("(%x, %w, _, %y, %x_bits)", "(%x, %w, _, %y, %v_bits)", "DecomposedConv 'dec'", "i64[1,6,6,1]");
        assertFails("break_even = 0.35", "break_even = 1.5", "DecomposedConv 'dec'", "break_even");
        assertFails("expected_zeros = 0.5", "expected_zeros = -0.5", "DecomposedConv 'dec'", "expected_zeros");
        assertFails("activation_params = [0.5]", "activation_params = floats []", "DecomposedConv 'dec'", "activation_params");
        assertFails("(%x, %w, _, %y, %x_bits)", "(%x, %x, _, %y, %x_bits)", "DecomposedConv 'dec'", "");
    }

    @Test
    void onlyConstantWeightsNonDepthwiseChannelsLast() {
        String nonConst = """
                graph main(%x: f32[1,4,4,2], %w: f32[2,2,1,1], %b: i64[1,4,4,1]) -> (%y) {
                  %y = DecomposedConv "c" (%x, %w, _, _, %b)
                }
                """;
        IrException e = assertThrows(IrException.class, () -> Verifier.verify(IrParser.parse(nonConst)));
        assertTrue(e.getMessage().contains("DecomposedConv 'c'") && e.getMessage().contains("constant"), e.getMessage());
        String depthwise = """
                graph main(%x: f32[1,4,4,2], %b: i64[1,4,4,1]) -> (%y) {
                  %w = const f32[2,1,3,3] #00000000000000cc
                  %y = DecomposedConv "dw" (%x, %w, _, _, %b) {group = 2}
                }
                """;
        e = assertThrows(IrException.class, () -> Verifier.verify(IrParser.parse(depthwise)));
        assertTrue(e.getMessage().contains("DecomposedConv 'dw'") && e.getMessage().contains("depthwise"), e.getMessage());
        String nchwBits = """
                graph main(%x: f32[1,4,4,4,2]) -> (%b) {
                  %b = ActivationBits "five" (%x)
                }
                """;
        e = assertThrows(IrException.class, () -> Verifier.verify(IrParser.parse(nchwBits)));
        assertTrue(e.getMessage().contains("ActivationBits 'five'") && e.getMessage().contains("[N, H, W, C]"),
                e.getMessage());
    }

    @Test
    void thresholdedRelu() {
        assertEquals(Activation.THRESHOLDED_RELU, Activation.named("ThresholdedRelu"));
        float[] p = {0.5f};
        assertEquals(0.0, Activation.THRESHOLDED_RELU.apply(0.5, p));
        assertEquals(0.75, Activation.THRESHOLDED_RELU.apply(0.75, p));
        assertEquals(0.0, Activation.THRESHOLDED_RELU.apply(-3, p));
        assertTrue(Activation.THRESHOLDED_RELU.producesExactZeros(p));
        assertFalse(Activation.THRESHOLDED_RELU.producesExactZeros(new float[] {-0.5f}));
        assertTrue(Activation.CLIP.producesExactZeros(new float[] {0f, 6f}));
        assertFalse(Activation.LEAKY_RELU.producesExactZeros(new float[] {0.1f}));
    }
}
