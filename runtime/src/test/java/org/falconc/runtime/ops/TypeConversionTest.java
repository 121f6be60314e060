package org.falconc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.Random;
import org.falconc.ir.DType;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.junit.jupiter.api.Test;

/** Cast (every source/target pair) and Fill against the reference interpreter, on random and edge values. */
class TypeConversionTest {
    private final Random rnd = new Random(11);

    /** ONNX TensorProto codes of the IR's element types. */
    private static int onnxCode(DType t) {
        return switch (t) {
            case F32 -> 1;
            case I64 -> 7;
            case I32 -> 6;
            case BOOL -> 9;
        };
    }

    private Tensor random(DType t, int n) {
        Shape s = Shape.of(n);
        return switch (t) {
            case F32 -> {
                float[] v = TestData.floats(rnd, n);
                float[] edges = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 3e9f, -3e9f, 1e20f, -2.5f, 2.5f};
                for (int i = 0; i < Math.min(n, edges.length); i++) {
                    v[i] = edges[i];
                }
                yield Tensor.ofFloats(s, v);
            }
            case I64 -> {
                long[] v = TestData.longs(rnd, n, 1000);
                v[0] = Long.MAX_VALUE;
                v[1] = Long.MIN_VALUE;
                v[2] = 1L << 40 | 5;
                yield Tensor.ofLongs(s, v);
            }
            case I32 -> {
                int[] v = TestData.ints(rnd, n, 1000);
                v[0] = Integer.MIN_VALUE;
                v[1] = 16777217; // not exact in f32
                yield Tensor.ofInts(s, v);
            }
            case BOOL -> Tensor.ofBools(s, TestData.bools(rnd, n));
        };
    }

    private static Object array(Tensor t) {
        return switch (t.dtype()) {
            case F32 -> t.floats();
            case I64 -> t.longs();
            case I32 -> t.ints();
            case BOOL -> t.bools();
        };
    }

    private static Class<?> arrayClass(DType t) {
        return switch (t) {
            case F32 -> float[].class;
            case I64 -> long[].class;
            case I32 -> int[].class;
            case BOOL -> boolean[].class;
        };
    }

    @Test
    void castMatchesTheInterpreterForEveryPair() throws Exception {
        int n = 40;
        for (DType from : DType.values()) {
            for (DType to : DType.values()) {
                Tensor x = random(from, n);
                Tensor expected = Oracle.run("Cast", a -> a.setInt("to", onnxCode(to)), 1, x).get(0);
                // Write at an offset, so offsets are honoured.
                Tensor y = Tensor.zeros(new org.falconc.ir.TensorType(to, Shape.of(n + 3)));
                Method run = Cast.class.getMethod("run", arrayClass(from), int.class, arrayClass(to), int.class, int.class);
                run.invoke(null, array(x), 0, array(y), 3, n);
                for (int i = 0; i < n; i++) {
                    assertEquals(expected.getDouble(i), y.getDouble(i + 3), 0.0, from + " -> " + to + " element " + i);
                    if (to != DType.F32) {
                        assertEquals(expected.getLong(i), y.getLong(i + 3), from + " -> " + to + " element " + i);
                    }
                }
            }
        }
    }

    @Test
    void fillWritesExactlyTheRange() {
        float[] f = new float[6];
        Fill.floats(f, 1, 4, 2.5f);
        assertArrayEquals(new float[] {0, 2.5f, 2.5f, 2.5f, 2.5f, 0}, f);
        long[] l = new long[3];
        Fill.longs(l, 0, 2, -7);
        assertArrayEquals(new long[] {-7, -7, 0}, l);
        int[] i = new int[3];
        Fill.ints(i, 2, 1, 9);
        assertArrayEquals(new int[] {0, 0, 9}, i);
        boolean[] b = new boolean[3];
        Fill.bools(b, 1, 2, true);
        assertArrayEquals(new boolean[] {false, true, true}, b);
    }
}
