package org.falconc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

/** Random tensors, multi-index arithmetic and comparisons shared by the kernel tests. */
final class TestData {
    private TestData() {
    }

    static float[] floats(Random rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rnd.nextGaussian() * 2);
        }
        return v;
    }

    static long[] longs(Random rnd, int n, int bound) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextInt(2 * bound + 1) - bound;
        }
        return v;
    }

    static int[] ints(Random rnd, int n, int bound) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextInt(2 * bound + 1) - bound;
        }
        return v;
    }

    static boolean[] bools(Random rnd, int n) {
        boolean[] v = new boolean[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextBoolean();
        }
        return v;
    }

    /** A shape of the given rank with sizes in [1, max]. */
    static int[] shape(Random rnd, int rank, int max) {
        int[] s = new int[rank];
        for (int i = 0; i < rank; i++) {
            s[i] = 1 + rnd.nextInt(max);
        }
        return s;
    }

    static int volume(int[] shape) {
        int v = 1;
        for (int d : shape) {
            v *= d;
        }
        return v;
    }

    static void unravel(int flat, int[] dims, int[] idx) {
        for (int a = dims.length - 1; a >= 0; a--) {
            idx[a] = flat % dims[a];
            flat /= dims[a];
        }
    }

    static int ravel(int[] idx, int[] dims) {
        int flat = 0;
        for (int a = 0; a < dims.length; a++) {
            flat = flat * dims[a] + idx[a];
        }
        return flat;
    }

    /** Flat position in {@code in} that numpy broadcasting reads for output multi-index {@code o}. */
    static int broadcastSource(int[] o, int[] in) {
        int shift = o.length - in.length;
        int flat = 0;
        for (int a = 0; a < in.length; a++) {
            flat = flat * in[a] + (in[a] == 1 ? 0 : o[a + shift]);
        }
        return flat;
    }

    /** Equal bit patterns (so NaN equals NaN, and -0 differs from 0). */
    static void assertBitsEqual(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                fail(what + ": element " + i + " expected " + expected[i] + " got " + actual[i]);
            }
        }
    }

    /** |a - e| &lt;= tol·(1 + |e|), NaN matching NaN. */
    static void assertClose(float[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i];
            float a = actual[i];
            if (Float.isNaN(e) && Float.isNaN(a) || e == a) {
                continue;
            }
            if (!(Math.abs(a - e) <= tol * (1 + Math.abs(e)))) {
                fail(what + ": element " + i + " expected " + e + " got " + a);
            }
        }
    }

    static String describe(int[] shape) {
        return java.util.Arrays.toString(shape);
    }
}
