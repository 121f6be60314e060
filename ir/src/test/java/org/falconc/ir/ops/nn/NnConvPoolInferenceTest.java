package org.falconc.ir.ops.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.IrException;
import org.falconc.ir.TensorType;
import org.junit.jupiter.api.Test;

class NnConvPoolInferenceTest {
    private static TensorType f32(int... dims) {
        return TensorType.of(DType.F32, dims);
    }

    private static NnNodes conv(TensorType x, TensorType w) {
        return NnNodes.op("Conv").input(x).input(w);
    }

    static void assertFails(NnNodes n, String fragment) {
        IrException e = assertThrows(IrException.class, n::infer);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().contains(" 'n': "), "message names the node: " + e.getMessage());
    }

    @Test
    void convExplicitPadsAndStrides() {
        assertEquals(f32(1, 1, 4, 3), conv(f32(1, 1, 7, 5), f32(1, 1, 3, 3))
                .attrs(a -> a.setInts("pads", 1, 1, 1, 1).setInts("strides", 2, 2)).infer());
        assertEquals(f32(1, 1, 4, 2), conv(f32(1, 1, 7, 5), f32(1, 1, 3, 3))
                .attrs(a -> a.setInts("pads", 1, 0, 1, 0).setInts("strides", 2, 2)).infer());
        assertEquals(f32(2, 8, 3, 3), conv(f32(2, 3, 5, 5), f32(8, 3, 3, 3)).infer());
    }

    @Test
    void convAutoPad() {
        assertEquals(f32(1, 1, 3, 3), conv(f32(1, 1, 5, 5), f32(1, 1, 3, 3))
                .attrs(a -> a.setString("auto_pad", "SAME_LOWER").setInts("strides", 2, 2)).infer());
        assertEquals(f32(1, 1, 4, 4), conv(f32(1, 1, 7, 8), f32(1, 1, 3, 3))
                .attrs(a -> a.setString("auto_pad", "SAME_UPPER").setInts("strides", 2, 2)).infer());
        assertEquals(f32(1, 1, 3, 2), conv(f32(1, 1, 7, 5), f32(1, 1, 3, 3))
                .attrs(a -> a.setString("auto_pad", "VALID").setInts("strides", 2, 2)).infer());
    }

    @Test
    void convDilationsGroupsAndRanks() {
        assertEquals(f32(1, 4, 6), conv(f32(1, 2, 10), f32(4, 2, 3)).attrs(a -> a.setInts("dilations", 2)).infer());
        assertEquals(f32(1, 6, 5, 5), conv(f32(1, 6, 5, 5), f32(6, 1, 3, 3))
                .attrs(a -> a.setInt("group", 6).setInts("pads", 1, 1, 1, 1)).infer());
        assertEquals(f32(1, 2, 2, 3, 4), conv(f32(1, 3, 4, 5, 6), f32(2, 3, 3, 3, 3)).infer());
    }

    @Test
    void convErrorsNameTheProblem() {
        assertFails(conv(f32(1, 3, 5, 5), f32(4, 2, 3, 3)), "channels");
        assertFails(conv(f32(1, 4, 5, 5), f32(3, 2, 3, 3)).attrs(a -> a.setInt("group", 2)), "group 2 must divide");
        assertFails(conv(f32(1, 1, 5, 5), f32(1, 1, 3, 3)).attrs(a -> a.setString("auto_pad", "SAME")), "auto_pad 'SAME'");
        assertFails(conv(f32(1, 1, 5, 5), f32(1, 1, 3, 3)).attrs(a -> a.setInts("pads", 1, 1)), "'pads' must have 4");
        assertFails(conv(f32(1, 1, 5, 5), f32(1, 1, 3, 3)).attrs(a -> a.setInts("kernel_shape", 2, 2)), "kernel_shape");
        assertFails(conv(f32(1, 1, 2, 2), f32(1, 1, 3, 3)), "larger than the padded input");
        assertFails(conv(f32(1, 1, 5, 5), f32(1, 1, 3)), "same rank");
        assertFails(conv(f32(1, 1, 5, 5), f32(2, 1, 3, 3)).input(f32(3)), "'B' must be f32[2]");
        assertFails(conv(f32(1, 1, 5, 5), f32(1, 1, 3, 3)).attrs(a -> a.setInts("strides", 0, 1)), "'strides'");
    }

    @Test
    void convTransposeShapes() {
        NnNodes base = NnNodes.op("ConvTranspose").input(f32(1, 1, 3, 3)).input(f32(1, 2, 3, 3));
        assertEquals(f32(1, 2, 5, 5), base.infer());
        assertEquals(f32(1, 2, 7, 3), NnNodes.op("ConvTranspose").input(f32(1, 1, 3, 3)).input(f32(1, 2, 3, 3))
                .attrs(a -> a.setInts("strides", 3, 2).setInts("pads", 1, 2, 1, 2)).infer());
        assertEquals(f32(1, 2, 10, 8), NnNodes.op("ConvTranspose").input(f32(1, 1, 3, 3)).input(f32(1, 2, 3, 3))
                .attrs(a -> a.setInts("strides", 3, 2).setInts("output_padding", 1, 1)).infer());
        assertEquals(f32(1, 2, 10, 8), NnNodes.op("ConvTranspose").input(f32(1, 1, 3, 3)).input(f32(1, 2, 3, 3))
                .attrs(a -> a.setInts("strides", 3, 2).setInts("output_shape", 10, 8)).infer());
        assertEquals(f32(1, 2, 6, 6), NnNodes.op("ConvTranspose").input(f32(1, 1, 3, 3)).input(f32(1, 2, 3, 3))
                .attrs(a -> a.setInts("strides", 2, 2).setString("auto_pad", "SAME_UPPER")).infer());
        assertEquals(f32(3, 4, 5, 5), NnNodes.op("ConvTranspose").input(f32(3, 2, 3, 3)).input(f32(2, 2, 3, 3))
                .attrs(a -> a.setInt("group", 2)).infer());
        assertEquals(f32(1, 2, 5, 6, 7), NnNodes.op("ConvTranspose").input(f32(1, 1, 3, 4, 5)).input(f32(1, 2, 3, 3, 3)).infer());
        assertFails(NnNodes.op("ConvTranspose").input(f32(1, 2, 3, 3)).input(f32(1, 2, 3, 3)), "channels");
    }

    @Test
    void poolShapes() {
        assertEquals(f32(1, 3, 31), NnNodes.op("MaxPool").input(f32(1, 3, 32)).attrs(a -> a.setInts("kernel_shape", 2)).infer());
        assertEquals(f32(1, 1, 2, 2), NnNodes.op("AveragePool").input(f32(1, 1, 4, 4))
                .attrs(a -> a.setInt("ceil_mode", 1).setInts("kernel_shape", 3, 3).setInts("strides", 2, 2)).infer());
        assertEquals(f32(1, 1, 1, 1), NnNodes.op("MaxPool").input(f32(1, 1, 4, 4))
                .attrs(a -> a.setInts("kernel_shape", 3, 3).setInts("strides", 2, 2)).infer());
        // ceil_mode drops a last window that would start in the end padding.
        assertEquals(f32(1, 1, 1, 1), NnNodes.op("MaxPool").input(f32(1, 1, 2, 2))
                .attrs(a -> a.setInt("ceil_mode", 1).setInts("kernel_shape", 1, 1).setInts("strides", 2, 2)).infer());
        assertEquals(f32(1, 3, 1, 1), NnNodes.op("AveragePool").input(f32(1, 3, 2, 2)).attrs(a -> a.setInt("ceil_mode", 1)
                .setInts("kernel_shape", 3, 3).setInts("pads", 1, 1, 1, 1).setInts("strides", 3, 3)).infer());
        assertEquals(f32(1, 1, 9, 9, 9), NnNodes.op("MaxPool").input(f32(1, 1, 32, 32, 32)).attrs(a -> a.setInt("ceil_mode", 1)
                .setInts("kernel_shape", 5, 5, 5).setInts("strides", 3, 3, 3).setInts("dilations", 2, 2, 2)).infer());
        assertEquals(f32(1, 3, 32, 32), NnNodes.op("AveragePool").input(f32(1, 3, 32, 32))
                .attrs(a -> a.setString("auto_pad", "SAME_LOWER").setInts("kernel_shape", 2, 2)).infer());
        assertEquals(List.of(f32(1, 1, 2, 2), TensorType.of(DType.I64, 1, 1, 2, 2)), NnNodes.op("MaxPool")
                .input(f32(1, 1, 5, 5)).attrs(a -> a.setInts("kernel_shape", 2, 2).setInts("strides", 2, 2)).infer(2));
        assertEquals(f32(2, 5, 1, 1), NnNodes.op("GlobalAveragePool").input(f32(2, 5, 7, 3)).infer());
        assertEquals(f32(2, 5, 1), NnNodes.op("GlobalMaxPool").input(f32(2, 5, 7)).infer());
    }

    @Test
    void poolErrors() {
        assertFails(NnNodes.op("MaxPool").input(f32(1, 1, 4, 4)), "'kernel_shape' is missing");
        assertFails(NnNodes.op("MaxPool").input(f32(1, 1, 4, 4)).attrs(a -> a.setInts("kernel_shape", 2)), "must have 2 entries");
        assertFails(NnNodes.op("AveragePool").input(f32(1, 1, 4, 4))
                .attrs(a -> a.setInts("kernel_shape", 2, 2).setInt("ceil_mode", 2)), "'ceil_mode' must be 0 or 1");
        assertFails(NnNodes.op("MaxPool").input(f32(1, 4)).attrs(a -> a.setInts("kernel_shape", 2)), "rank >= 3");
        assertFails(NnNodes.op("MaxPool").input(TensorType.of(DType.I64, 1, 1, 4)).attrs(a -> a.setInts("kernel_shape", 2)),
                "must be f32");
    }
}
