package org.falconc.runtime.sparse;

import org.falconc.runtime.parallel.ExecutionContext;

/**
 * The non-zero pattern of a channels-last tensor [P pixels, C channels] (pixel stride >= C), one
 * bit per element, for {@link SparseConvNhwc}.
 *
 * <p>Each pixel owns {@link #wordsPerPixel} whole longs, so producers writing different pixels in
 * parallel never share a word. Bit {@code ci & 63} of word {@code pixel * wordsPerPixel(C) + (ci >> 6)}
 * is set iff {@code x[pixel, ci] != 0}: NaN counts as non-zero, -0.0 as zero; the bits after channel
 * C - 1 of a pixel's last word are zero. Built with Vector API compares when
 * jdk.incubator.vector is present, one comparison at a time otherwise.
 */
public final class ActivationBits {

    /** Below this many elements {@link #buildAll} stays on the calling thread. */
    private static final int PARALLEL_MIN_ELEMENTS = 1 << 15;

    private ActivationBits() {
    }

    /** Longs per pixel: {@code ceil(c / 64)}. */
    public static int wordsPerPixel(int c) {
        if (c < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + c);
        }
        return (c + 63) >>> 6;
    }

    /** Longs of the bits of {@code pixels} pixels of {@code c} channels. */
    public static int words(int pixels, int c) {
        long words = (long) pixels * wordsPerPixel(c);
        if (pixels < 0 || words > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("no bit array for " + pixels + " pixels of " + c + " channels");
        }
        return (int) words;
    }

    /**
     * Writes the bits of pixels {@code [pixelStart, pixelEnd)} (pixel p's channels at
     * {@code x[xOff + p * pixelStride ..]}) to their words at {@code bits[bitsOff + p * wordsPerPixel(c)]}
     * and returns the number of zero elements in that range.
     */
    public static long build(float[] x, int xOff, int pixelStart, int pixelEnd, int c, int pixelStride,
                             long[] bits, int bitsOff) {
        return build(SparseKernels.bits(), x, xOff, pixelStart, pixelEnd, c, pixelStride, bits, bitsOff);
    }

    /** {@link #build} with an explicit builder (tests force the scalar one). */
    static long build(BitsBuilder builder, float[] x, int xOff, int pixelStart, int pixelEnd, int c,
                      int pixelStride, long[] bits, int bitsOff) {
        check(x, xOff, pixelStart, pixelEnd, c, pixelStride, bits, bitsOff);
        return builder.build(x, xOff, pixelStart, pixelEnd, c, pixelStride, bits, bitsOff);
    }

    /**
     * {@link #build} of pixels {@code [0, pixels)}, in parallel over pixel ranges on the context's
     * pool; returns the total number of zero elements.
     */
    public static long buildAll(ExecutionContext ctx, float[] x, int xOff, int pixels, int c, int pixelStride,
                                long[] bits, int bitsOff) {
        return buildAll(ctx, SparseKernels.bits(), x, xOff, pixels, c, pixelStride, bits, bitsOff);
    }

    static long buildAll(ExecutionContext ctx, BitsBuilder builder, float[] x, int xOff, int pixels, int c,
                         int pixelStride, long[] bits, int bitsOff) {
        check(x, xOff, 0, pixels, c, pixelStride, bits, bitsOff);
        int threads = ctx.threads();
        if (threads == 1 || (long) pixels * c < PARALLEL_MIN_ELEMENTS) {
            return builder.build(x, xOff, 0, pixels, c, pixelStride, bits, bitsOff);
        }
        // A few ranges per thread so a thread delayed by the JIT or another process does not stall the call.
        int tasks = Math.min(pixels, 4 * threads);
        long[] zeros = new long[tasks];
        ctx.pool().parallelFor(tasks, (task, lane) -> {
            int start = (int) ((long) pixels * task / tasks);
            int end = (int) ((long) pixels * (task + 1) / tasks);
            zeros[task] = builder.build(x, xOff, start, end, c, pixelStride, bits, bitsOff);
        });
        long total = 0;
        for (long z : zeros) {
            total += z;
        }
        return total;
    }

    /**
     * The bits of {@code count <= 64} consecutive values {@code y[at ..]} (bit i for {@code y[at + i]}),
     * for a producer's store epilogue that writes one word of a pixel's bits as it stores the pixel.
     */
    public static long pixelBits(float[] y, int at, int count) {
        if (count < 0 || count > 64) {
            throw new IllegalArgumentException("a word holds 0..64 values, got " + count);
        }
        return SparseKernels.bits().word(y, at, count);
    }

    private static void check(float[] x, int xOff, int pixelStart, int pixelEnd, int c, int pixelStride,
                              long[] bits, int bitsOff) {
        int wpp = wordsPerPixel(c);
        if (pixelStride < c || pixelStart < 0 || pixelEnd < pixelStart) {
            throw new IllegalArgumentException("pixels [" + pixelStart + ", " + pixelEnd + ") of " + c
                    + " channels, pixel stride " + pixelStride);
        }
        if (pixelEnd == pixelStart) {
            return;
        }
        if (xOff < 0 || xOff + (long) (pixelEnd - 1) * pixelStride + c > x.length) {
            throw new IllegalArgumentException("input of " + x.length + " floats too short for pixels ["
                    + pixelStart + ", " + pixelEnd + ") of stride " + pixelStride + " at " + xOff);
        }
        if (bitsOff < 0 || bitsOff + (long) pixelEnd * wpp > bits.length) {
            throw new IllegalArgumentException("bits of " + bits.length + " words too short for pixels up to "
                    + pixelEnd + " of " + c + " channels at " + bitsOff);
        }
    }
}
