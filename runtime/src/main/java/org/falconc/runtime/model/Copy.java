package org.falconc.runtime.model;

/**
 * Copies between buffers of a compiled model, for the plumbing the memory plan cannot avoid: a graph
 * output that is a graph input or a constant, or the same value returned as two outputs.
 */
public final class Copy {
    private Copy() {
    }

    public static void floats(float[] src, int srcOffset, float[] dst, int dstOffset, int length) {
        System.arraycopy(src, srcOffset, dst, dstOffset, length);
    }

    public static void longs(long[] src, int srcOffset, long[] dst, int dstOffset, int length) {
        System.arraycopy(src, srcOffset, dst, dstOffset, length);
    }

    public static void ints(int[] src, int srcOffset, int[] dst, int dstOffset, int length) {
        System.arraycopy(src, srcOffset, dst, dstOffset, length);
    }

    public static void bools(boolean[] src, int srcOffset, boolean[] dst, int dstOffset, int length) {
        System.arraycopy(src, srcOffset, dst, dstOffset, length);
    }
}
