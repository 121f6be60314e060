package org.falconc.ir.ops.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.IrException;
import org.falconc.ir.TensorType;
import org.falconc.ir.Verifier;
import org.falconc.ir.text.IrParser;
import org.falconc.ir.text.IrPrinter;
import org.falconc.ir.text.PrintOptions;
import org.junit.jupiter.api.Test;

/** Schemas of the sparse-execution ops: FusedConv's mask output, ActivationMask, DecomposedConv. */
class SparseOpsTest {
    private static final String GRAPH = """
            graph main(%x: f32[1,8,6,6], %v: f32[2,3,50]) -> (%y, %ym, %d, %dm, %v_mask, %e) {
              %w = const f32[4,8,3,3] #00000000000000aa
              %w1 = const f32[2,3,3] #00000000000000bb
              %x_mask = ActivationMask "scan" (%x) {block = 16} : bool[1,8,3]
              %y, %ym = FusedConv "producer" (%x, %w) {pads = [1, 1, 1, 1], activation = "Relu", mask_block = 5} : f32[1,4,6,6], bool[1,4,8]
              %d, %dm = DecomposedConv "dec" (%x, %w, _, %y, %x_mask) {pads = [1, 1, 1, 1], activation = "ThresholdedRelu", activation_params = [0.5], unit_channels = 4, unit_pixels = 64, input_mask_block = 16, mask_block = 16, expected_live = 0.25, dense_macs = 41472, expected_macs = 10368} : f32[1,4,6,6], bool[1,4,3]
              %v_mask = ActivationMask (%v) {block = 7} : bool[2,3,8]
              %e = DecomposedConv "dec1d" (%v, %w1, _, _, %v_mask) {strides = [2], activation = "", unit_channels = 1, unit_pixels = 32, input_mask_block = 7} : f32[2,2,24]
            }
            """;

    @Test
    void typesAndRoundTrip() {
        Graph g = IrParser.parse(GRAPH);
        Verifier.verify(g);
        assertEquals(TensorType.of(DType.BOOL, 1, 4, 8), g.value("ym").type());
        String printed = IrPrinter.print(g, PrintOptions.full());
        assertEquals(printed, IrPrinter.print(IrParser.parse(printed), PrintOptions.full()));
        assertEquals(IrPrinter.print(IrParser.parse(GRAPH)), IrPrinter.print(g));
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
        assertFails("bool[1,4,8]", "bool[1,4,9]", "FusedConv 'producer'", "bool[1,4,8]");
        IrException e = assertThrows(IrException.class, () -> Verifier.verify(IrParser.parse("""
                graph main(%x: f32[1,2,4,4]) -> (%y) {
                  %w = const f32[2,2,1,1] #00000000000000ee
                  %y = FusedConv "one" (%x, %w) {activation = "", mask_block = 4}
                }
                """)));
        assertTrue(e.getMessage().contains("FusedConv 'one'") && e.getMessage().contains("needs a second output"),
                e.getMessage());
        assertFails(", mask_block = 5}", "}", "FusedConv 'producer'", "needs attribute 'mask_block'");
        assertFails("mask_block = 5", "mask_block = 0", "FusedConv 'producer'", "positive");
        assertFails("{block = 16}", "{block = -1}", "ActivationMask 'scan'", "positive");
        assertFails("ActivationMask (%v) {block = 7}", "ActivationMask (%v) {}", "ActivationMask node", "'block' is required");
        assertFails("%y, %x_mask)", "%y)", "DecomposedConv 'dec'", "mask M");
        assertFails("input_mask_block = 16, mask_block = 16", "input_mask_block = 8, mask_block = 16",
                "DecomposedConv 'dec'", "input_mask_block 8");
        assertFails("unit_channels = 4, ", "", "DecomposedConv 'dec'", "'unit_channels' is required");
        assertFails("unit_pixels = 32", "unit_pixels = 0", "DecomposedConv 'dec1d'", "unit_pixels");
        assertFails("expected_live = 0.25", "expected_live = 1.5", "DecomposedConv 'dec'", "expected_live");
        assertFails("dense_macs = 41472", "dense_macs = -1", "DecomposedConv 'dec'", "dense_macs");
        assertFails("activation_params = [0.5]", "activation_params = floats []", "DecomposedConv 'dec'", "activation_params");
        assertFails("(%x, %w, _, %y, %x_mask)", "(%x, %x, _, %y, %x_mask)", "DecomposedConv 'dec'", "");
    }

    @Test
    void onlyConstantWeightsNonDepthwiseOneOrTwoD() {
        String nonConst = """
                graph main(%x: f32[1,2,4,4], %w: f32[2,2,1,1], %m: bool[1,2,1]) -> (%y) {
                  %y = DecomposedConv "c" (%x, %w, _, _, %m) {activation = "", unit_channels = 1, unit_pixels = 32, input_mask_block = 16}
                }
                """;
        IrException e = assertThrows(IrException.class, () -> Verifier.verify(IrParser.parse(nonConst)));
        assertTrue(e.getMessage().contains("DecomposedConv 'c'") && e.getMessage().contains("constant"), e.getMessage());
        String depthwise = """
                graph main(%x: f32[1,2,4,4], %m: bool[1,2,1]) -> (%y) {
                  %w = const f32[2,1,3,3] #00000000000000cc
                  %y = DecomposedConv "dw" (%x, %w, _, _, %m) {group = 2, activation = "", unit_channels = 1, unit_pixels = 32, input_mask_block = 16}
                }
                """;
        e = assertThrows(IrException.class, () -> Verifier.verify(IrParser.parse(depthwise)));
        assertTrue(e.getMessage().contains("DecomposedConv 'dw'") && e.getMessage().contains("depthwise"), e.getMessage());
        String threeD = """
                graph main(%x: f32[1,2,4,4,4], %m: bool[1,2,4]) -> (%y) {
                  %w = const f32[2,2,1,1,1] #00000000000000dd
                  %y = DecomposedConv "c3" (%x, %w, _, _, %m) {activation = "", unit_channels = 1, unit_pixels = 32, input_mask_block = 16}
                }
                """;
        e = assertThrows(IrException.class, () -> Verifier.verify(IrParser.parse(threeD)));
        assertTrue(e.getMessage().contains("DecomposedConv 'c3'") && e.getMessage().contains("1-D and 2-D"), e.getMessage());
    }

    @Test
    void thresholdedRelu() {
        assertEquals(Activation.THRESHOLDED_RELU, Activation.named("ThresholdedRelu"));
        float[] p = {0.5f};
        assertEquals(0.0, Activation.THRESHOLDED_RELU.apply(0.5, p));
        assertEquals(0.75, Activation.THRESHOLDED_RELU.apply(0.75, p));
        assertEquals(0.0, Activation.THRESHOLDED_RELU.apply(-3, p));
        assertTrue(Activation.THRESHOLDED_RELU.producesExactZeros(p));
        assertTrue(!Activation.THRESHOLDED_RELU.producesExactZeros(new float[] {-0.5f}));
        assertTrue(Activation.CLIP.producesExactZeros(new float[] {0f, 6f}));
        assertTrue(!Activation.LEAKY_RELU.producesExactZeros(new float[] {0.1f}));
        assertEquals(List.of(), List.of());
    }
}
