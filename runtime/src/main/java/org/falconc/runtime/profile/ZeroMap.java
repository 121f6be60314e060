package org.falconc.runtime.profile;

/**
 * Where a convolution's input is zero: per pixel of one image, the share of its channels that are
 * exactly zero (0 = no zero channel, 1 = every channel zero). Captured by a {@link Profile} with
 * {@link Profile#captureZeroMaps} on, from the input the compiled layer read (its layout, channel
 * slice and pixel stride), so the map shows what that layer saw. Immutable.
 */
public final class ZeroMap {

    private final int height;
    private final int width;
    private final int channels;
    /** Zero channels per pixel, row-major [height, width]. */
    private final int[] zeros;

    private ZeroMap(int height, int width, int channels, int[] zeros) {
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.zeros = zeros;
    }

    /**
     * The map of the first image of a channels-last input [N, H, W, C] at {@code x[xOff]} whose
     * pixels lie {@code pixelStride} (>= C) elements apart; the elements between a pixel's C channels
     * and the next pixel are not read.
     */
    public static ZeroMap ofNhwc(float[] x, int xOff, int c, int h, int w, int pixelStride) {
        check(c, h, w);
        if (pixelStride < c) {
            throw new IllegalArgumentException("pixel stride " + pixelStride + " smaller than the channels " + c);
        }
        int[] zeros = new int[h * w];
        for (int p = 0; p < h * w; p++) {
            int at = xOff + p * pixelStride;
            int z = 0;
            for (int ch = 0; ch < c; ch++) {
                z += x[at + ch] == 0f ? 1 : 0;
            }
            zeros[p] = z;
        }
        return new ZeroMap(h, w, c, zeros);
    }

    /** The map of the first image of an NCHW input [N, C, H, W] at {@code x[xOff]}. */
    public static ZeroMap ofNchw(float[] x, int xOff, int c, int h, int w) {
        check(c, h, w);
        int[] zeros = new int[h * w];
        for (int ch = 0; ch < c; ch++) {
            int plane = xOff + ch * h * w;
            for (int p = 0; p < h * w; p++) {
                zeros[p] += x[plane + p] == 0f ? 1 : 0;
            }
        }
        return new ZeroMap(h, w, c, zeros);
    }

    private static void check(int c, int h, int w) {
        if (c < 1 || h < 1 || w < 1) {
            throw new IllegalArgumentException("bad feature map: " + c + " channels, " + h + "x" + w);
        }
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The channels of the input (the denominator of every share). */
    public int channels() {
        return channels;
    }

    /** Zero channels of pixel (y, x). */
    public int zeros(int y, int x) {
        return zeros[index(y, x)];
    }

    /** The share of zero channels of pixel (y, x), in [0, 1]. */
    public float share(int y, int x) {
        return (float) zeros[index(y, x)] / channels;
    }

    /** Every pixel's share of zero channels, row-major [height * width] (a copy). */
    public float[] shares() {
        float[] s = new float[zeros.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) zeros[i] / channels;
        }
        return s;
    }

    /** The zero fraction of the whole image (zero elements / elements). */
    public double zeroFraction() {
        long z = 0;
        for (int v : zeros) {
            z += v;
        }
        return (double) z / ((long) channels * zeros.length);
    }

    private int index(int y, int x) {
        if (y < 0 || y >= height || x < 0 || x >= width) {
            throw new IndexOutOfBoundsException("pixel (" + y + ", " + x + ") of a " + height + "x" + width + " map");
        }
        return y * width + x;
    }
}
