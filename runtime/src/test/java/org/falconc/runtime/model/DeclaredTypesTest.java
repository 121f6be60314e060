package org.falconc.runtime.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.falconc.runtime.io.DataType;
import org.falconc.runtime.io.Float16;
import org.falconc.runtime.io.PbTensor;
import org.junit.jupiter.api.Test;

/** Files in and out of the jar hold the element types the ONNX model declares. */
class DeclaredTypesTest {
    @Test
    void float16OutputsAreWrittenAsFloat16() {
        float[] y = {1f, -2.5f, 1e-3f, 70000f};
        PbTensor t = DeclaredTypes.output("y", new int[] {4}, y, DataType.FLOAT16);
        assertEquals(DataType.FLOAT16, t.dataType());
        short[] half = (short[]) t.data();
        for (int i = 0; i < y.length; i++) {
            assertEquals(Float16.fromFloat(y[i]), half[i]);
        }
        assertEquals(Float.POSITIVE_INFINITY, t.toFloats()[3], "70000 overflows float16, as ONNX Runtime's cast does");
        assertEquals(DataType.DOUBLE, DeclaredTypes.output("y", new int[] {4}, y, DataType.DOUBLE).dataType());
        assertEquals(DataType.FLOAT, DeclaredTypes.output("y", new int[] {4}, y, DataType.FLOAT).dataType());
    }

    @Test
    void narrowIntegerOutputsMustFit() {
        assertEquals(DataType.UINT8, DeclaredTypes.output("q", new int[] {2}, new int[] {0, 255}, DataType.UINT8).dataType());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DeclaredTypes.output("q", new int[] {2}, new int[] {0, 256}, DataType.UINT8)).getMessage()
                .contains("value 256 does not fit uint8"));
        assertThrows(IllegalArgumentException.class,
                () -> DeclaredTypes.output("q", new int[] {1}, new long[] {-1}, DataType.UINT32));
        assertEquals(DataType.INT64, DeclaredTypes.output("q", new int[] {1}, new long[] {-1}, DataType.INT64).dataType());
    }

    @Test
    void inputFilesMustHoldTheDeclaredType() {
        PbTensor half = new PbTensor("x", DataType.FLOAT16, new long[] {2}, new short[] {Float16.fromFloat(1.5f), 0});
        assertArrayEquals(new float[] {1.5f, 0f}, (float[]) DeclaredTypes.input(half, "x", ElementType.F32, DataType.FLOAT16));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DeclaredTypes.input(half, "x", ElementType.F32, DataType.FLOAT)).getMessage()
                .contains("input 'x' is tensor(float), the file holds tensor(float16)"));
        PbTensor full = PbTensor.ofFloats("x", new int[] {2}, new float[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> DeclaredTypes.input(full, "x", ElementType.F32, DataType.FLOAT16));
        PbTensor bytes = new PbTensor("b", DataType.UINT8, new long[] {1}, new int[] {200});
        assertArrayEquals(new int[] {200}, (int[]) DeclaredTypes.input(bytes, "b", ElementType.I32, DataType.UINT8));
        float[] rounded = DeclaredTypes.roundTo(new float[] {0.1f}, DataType.FLOAT16);
        assertEquals(Float16.toFloat(Float16.fromFloat(0.1f)), rounded[0]);
    }
}
