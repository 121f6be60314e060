package org.falconc.runtime.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written parts every generated model shares: argument checks, Map plumbing, weights reading. */
class CompiledModelBaseTest {
    /** out0 = 2 * a + b, out1 = a (through the f32 arena), as a generated class would do it. */
    static final class TwoInputs extends CompiledModel {
        TwoInputs() {
            super(1, new String[] {"a", "b"}, new int[][] {{2, 2}, {4}}, new String[] {"f32", "f32"},
                    new String[] {"y", "copy"}, new int[][] {{4}, {2, 2}}, new String[] {"f32", "f32"}, new int[] {4, 0, 0, 0});
        }

        @Override
        protected void execute(CallState state, Object[] in, Object[] out) {
            float[] a = (float[]) in[0];
            float[] b = (float[]) in[1];
            for (int i = 0; i < 4; i++) {
                state.f32[i] = a[i];
                ((float[]) out[0])[i] = 2 * a[i] + b[i];
            }
            Copy.floats(state.f32, 0, (float[]) out[1], 0, 4);
        }
    }

    /** Typed interface: f32 data and i64 indices in; the picked f32 values, i64 indices + 1 and a bool mask out. */
    static final class Typed extends CompiledModel {
        Typed() {
            super(1, new String[] {"data", "idx"}, new int[][] {{3}, {2}}, new String[] {"f32", "i64"},
                    new String[] {"picked", "next", "positive"}, new int[][] {{2}, {2}, {2}},
                    new String[] {"f32", "i64", "bool"}, new int[] {0, 0, 0, 0});
        }

        @Override
        protected void execute(CallState state, Object[] in, Object[] out) {
            float[] data = (float[]) in[0];
            long[] idx = (long[]) in[1];
            for (int i = 0; i < 2; i++) {
                float v = data[(int) idx[i]];
                ((float[]) out[0])[i] = v;
                ((long[]) out[1])[i] = idx[i] + 1;
                ((boolean[]) out[2])[i] = v > 0;
            }
        }
    }

    @Test
    void typedApiTakesAndReturnsEveryElementType() {
        Typed m = new Typed();
        assertEquals("i64", m.inputType("idx"));
        assertEquals("f32", m.inputType("data"));
        assertEquals("bool", m.outputType("positive"));
        Map<String, Object> out = m.runArrays(Map.of("data", new float[] {-1, 2, 3}, "idx", new long[] {2, 0}));
        assertEquals(List.of("picked", "next", "positive"), List.copyOf(out.keySet()));
        assertArrayEquals(new float[] {3, -1}, (float[]) out.get("picked"));
        assertArrayEquals(new long[] {3, 1}, (long[]) out.get("next"));
        assertArrayEquals(new boolean[] {true, false}, (boolean[]) out.get("positive"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> m.runArrays(Map.of("data", new float[3], "idx", new int[2]))).getMessage()
                .contains("input 'idx' is i64, so it takes a long[], got a int[]"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> m.runArrays(Map.of("data", new float[3], "idx", new long[3]))).getMessage()
                .contains("input 'idx' must have 2 elements"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> m.run(Map.of("data", new float[3]))).getMessage()
                .contains("input 'idx' is i64: use runArrays(Map)"));
        assertEquals("Typed(data[3], idx i64[2]) -> (picked[2], next i64[2], positive bool[2])", m.toString());
    }

    @Test
    void floatApiNamesTheNonF32Output() {
        CompiledModel m = new CompiledModel(1, new String[] {"x"}, new int[][] {{1}}, new String[] {"f32"},
                new String[] {"shape"}, new int[][] {{1}}, new String[] {"i64"}, new int[] {0, 0, 0, 0}) {
            @Override
            protected void execute(CallState state, Object[] in, Object[] out) {
                ((long[]) out[0])[0] = 1;
            }
        };
        assertTrue(assertThrows(IllegalArgumentException.class, () -> m.run(new float[1])).getMessage()
                .contains("output 'shape' is i64"));
        assertArrayEquals(new long[] {1}, (long[]) m.runArrays(Map.of("x", new float[1])).get("shape"));
    }

    @Test
    void mapApiChecksNamesAndLengths() {
        TwoInputs m = new TwoInputs();
        Map<String, float[]> out = m.run(Map.of("a", new float[] {1, 2, 3, 4}, "b", new float[] {1, 1, 1, 1}));
        assertEquals(List.of("y", "copy"), List.copyOf(out.keySet()));
        assertArrayEquals(new float[] {3, 5, 7, 9}, out.get("y"));
        assertArrayEquals(new float[] {1, 2, 3, 4}, out.get("copy"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> m.run(Map.of("a", new float[4])))
                .getMessage().contains("missing input 'b' f32[4]"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> m.run(Map.of("a", new float[3], "b", new float[4]))).getMessage()
                .contains("input 'a' must have 4 elements (shape [2, 2]), got 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> m.run(new float[4])).getMessage()
                .contains("use run(Map)"));
        assertArrayEquals(new int[] {2, 2}, m.outputShape("copy"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> m.outputShape("z")).getMessage()
                .contains("the model's outputs are [y, copy]"));
        assertEquals("TwoInputs(a[2, 2], b[4]) -> (y[4], copy[2, 2])", m.toString());
    }

    @Test
    void weightsFileReadsEveryElementType() {
        ByteBuffer b = ByteBuffer.allocate(WeightsFile.HEADER_BYTES + 2 * WeightsFile.ENTRY_BYTES + 16)
                .order(ByteOrder.LITTLE_ENDIAN);
        int data = WeightsFile.HEADER_BYTES + 2 * WeightsFile.ENTRY_BYTES;
        b.put(WeightsFile.MAGIC).putInt(2);
        b.putInt(WeightsFile.F32).putInt(2).putLong(data);
        b.putInt(WeightsFile.BOOL).putInt(3).putLong(data + 8);
        b.putFloat(1.5f).putFloat(-2f).put((byte) 1).put((byte) 0).put((byte) 1);
        WeightsFile w = WeightsFile.of("test", b.array());
        assertEquals(2, w.count());
        assertArrayEquals(new float[] {1.5f, -2f}, w.floats(0));
        assertArrayEquals(new boolean[] {true, false, true}, w.bools(1));
        assertTrue(assertThrows(IllegalStateException.class, () -> w.longs(0)).getMessage().contains("type code 0"));
        byte[] bad = b.array().clone();
        bad[0] = 'X';
        assertThrows(IllegalStateException.class, () -> WeightsFile.of("bad", bad));
    }

    @Test
    void missingWeightsResourceNamesTheClass() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WeightsFile.load(CompiledModelBaseTest.class, "Nope.weights"));
        assertTrue(e.getMessage().contains("Nope.weights") && e.getMessage().contains("CompiledModelBaseTest"), e.getMessage());
    }
}
