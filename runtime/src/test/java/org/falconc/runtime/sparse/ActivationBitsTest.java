package org.falconc.runtime.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;
import org.junit.jupiter.api.Test;

class ActivationBitsTest {

    private static final int[] CHANNELS = {1, 3, 15, 16, 17, 48, 63, 64, 65, 70, 128, 130, 200};
    private static final long SENTINEL = 0x5a5a5a5a5a5a5a5aL;

    private static BitsBuilder[] builders() {
        return new BitsBuilder[] {SparseKernels.bits(), new ScalarBitsBuilder()};
    }

    /** Random values with a fraction of zeros, and the special values mixed in. */
    private static float[] sparse(Random rnd, int length, double zeros) {
        float[] special = {Float.NaN, -0f, 0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
            -Float.MIN_VALUE, 1e-40f};
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            double u = rnd.nextDouble();
            x[i] = u < zeros ? (rnd.nextBoolean() ? 0f : -0f)
                    : rnd.nextInt(20) == 0 ? special[rnd.nextInt(special.length)] : rnd.nextFloat() - 0.5f;
        }
        return x;
    }

    @Test
    void bitsAndZeroCountsMatchNaive() {
        Random rnd = new Random(31);
        for (BitsBuilder builder : builders()) {
            for (int c : CHANNELS) {
                for (double zeros : new double[] {0, 0.3, 0.6, 0.9, 1}) {
                    int pixels = 1 + rnd.nextInt(40);
                    int stride = c + rnd.nextInt(3);
                    int xOff = rnd.nextInt(5);
                    int bitsOff = rnd.nextInt(5);
                    float[] x = sparse(rnd, xOff + pixels * stride, zeros);
                    long[] count = new long[1];
                    long[] expected = NaiveActivationBits.build(x, xOff, pixels, c, stride, count);
                    long[] bits = new long[bitsOff + ActivationBits.words(pixels, c) + 3];
                    Arrays.fill(bits, SENTINEL);
                    long z = ActivationBits.build(builder, x, xOff, 0, pixels, c, stride, bits, bitsOff);
                    String what = builder.name() + " C" + c + " stride " + stride + " zeros " + zeros;
                    assertEquals(count[0], z, what);
                    assertArrayEquals(expected, Arrays.copyOfRange(bits, bitsOff, bitsOff + expected.length), what);
                    for (int i = 0; i < bits.length; i++) {
                        if (i < bitsOff || i >= bitsOff + expected.length) {
                            assertEquals(SENTINEL, bits[i], what + ": word " + i + " outside the range written");
                        }
                    }
                }
            }
        }
    }

    @Test
    void nanIsLiveAndNegativeZeroIsZero() {
        float[] x = {Float.NaN, -0f, 0f, Float.MIN_VALUE, Float.NEGATIVE_INFINITY, -1e-45f, Float.intBitsToFloat(0x7fc12345)};
        for (BitsBuilder builder : builders()) {
            long[] bits = new long[1];
            assertEquals(2, ActivationBits.build(builder, x, 0, 0, 1, x.length, x.length, bits, 0), builder.name());
            assertEquals(0b1111001L, bits[0], builder.name());
        }
        // The vector path too: 64 channels of NaN and -0.0 alternating.
        float[] wide = new float[64];
        for (int i = 0; i < 64; i++) {
            wide[i] = i % 2 == 0 ? Float.NaN : -0f;
        }
        for (BitsBuilder builder : builders()) {
            long[] bits = new long[1];
            assertEquals(32, ActivationBits.build(builder, wide, 0, 0, 1, 64, 64, bits, 0), builder.name());
            assertEquals(0x5555555555555555L, bits[0], builder.name());
        }
    }

    @Test
    void rangesBuiltSeparatelyEqualOneBuild() {
        Random rnd = new Random(37);
        for (int c : new int[] {5, 64, 130}) {
            int pixels = 97;
            int stride = c + 2;
            float[] x = sparse(rnd, pixels * stride, 0.5);
            long[] whole = new long[ActivationBits.words(pixels, c)];
            long all = ActivationBits.build(x, 0, 0, pixels, c, stride, whole, 0);
            long[] pieces = new long[whole.length];
            long sum = 0;
            for (int start = 0; start < pixels; ) {
                int end = Math.min(pixels, start + 1 + rnd.nextInt(20));
                sum += ActivationBits.build(x, 0, start, end, c, stride, pieces, 0);
                start = end;
            }
            assertEquals(all, sum, "C" + c);
            assertArrayEquals(whole, pieces, "C" + c);
        }
    }

    @Test
    void buildAllInParallelEqualsOneBuild() {
        Random rnd = new Random(41);
        int pixels = 30 * 31;
        for (int c : new int[] {48, 70}) { // enough elements for the parallel path
            float[] x = sparse(rnd, 3 + pixels * c, 0.6);
            long[] count = new long[1];
            long[] expected = NaiveActivationBits.build(x, 3, pixels, c, c, count);
            for (ThreadPool pool : new ThreadPool[] {ThreadPool.of(1), ThreadPool.of(2)}) {
                for (BitsBuilder builder : builders()) {
                    long[] bits = new long[1 + expected.length];
                    long z = ActivationBits.buildAll(new ExecutionContext(pool), builder, x, 3, pixels, c, c, bits, 1);
                    assertEquals(count[0], z);
                    assertArrayEquals(expected, Arrays.copyOfRange(bits, 1, bits.length));
                }
            }
        }
    }

    @Test
    void pixelBitsOfEveryCount() {
        Random rnd = new Random(43);
        float[] y = sparse(rnd, 200, 0.5);
        for (int count = 0; count <= 64; count++) {
            int at = rnd.nextInt(100);
            long expected = 0;
            for (int i = 0; i < count; i++) {
                if (Float.isNaN(y[at + i]) || y[at + i] != 0f) {
                    expected |= 1L << i;
                }
            }
            assertEquals(expected, ActivationBits.pixelBits(y, at, count), "count " + count);
            for (BitsBuilder builder : builders()) {
                assertEquals(expected, builder.word(y, at, count), builder.name() + " count " + count);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> ActivationBits.pixelBits(y, 0, 65));
    }

    @Test
    void sizesAndBadArguments() {
        assertEquals(1, ActivationBits.wordsPerPixel(1));
        assertEquals(1, ActivationBits.wordsPerPixel(64));
        assertEquals(2, ActivationBits.wordsPerPixel(65));
        assertEquals(3 * 10, ActivationBits.words(10, 130));
        assertThrows(IllegalArgumentException.class, () -> ActivationBits.wordsPerPixel(0));
        assertThrows(IllegalArgumentException.class,
                () -> ActivationBits.build(new float[10], 0, 0, 2, 5, 4, new long[2], 0)); // stride < C
        assertThrows(IllegalArgumentException.class,
                () -> ActivationBits.build(new float[9], 0, 0, 2, 5, 5, new long[2], 0)); // x too short
        assertThrows(IllegalArgumentException.class,
                () -> ActivationBits.build(new float[10], 0, 0, 2, 5, 5, new long[1], 0)); // bits too short
    }
}
