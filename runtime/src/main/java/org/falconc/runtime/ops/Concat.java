package org.falconc.runtime.ops;

/**
 * Concat, one call per input: copies input x, viewed as [outer, inAxis, inner] around the axis,
 * into positions {@code [axisStart, axisStart + inAxis)} of the output viewed as
 * [outer, outAxis, inner]. When outer == 1 the region is contiguous, so a producer can write
 * straight into the concat buffer at offset {@code yOff + axisStart * inner} instead.
 */
public final class Concat {
    private Concat() {
    }

    public static void copyInto(float[] x, int xOff, float[] y, int yOff, int outer, int inner, int inAxis, int outAxis,
                                int axisStart) {
        AxisBlocks.copy(x, xOff, y, yOff, outer, inner, inAxis, outAxis, axisStart, true);
    }

    public static void copyInto(long[] x, int xOff, long[] y, int yOff, int outer, int inner, int inAxis, int outAxis,
                                int axisStart) {
        AxisBlocks.copy(x, xOff, y, yOff, outer, inner, inAxis, outAxis, axisStart, true);
    }

    public static void copyInto(int[] x, int xOff, int[] y, int yOff, int outer, int inner, int inAxis, int outAxis,
                                int axisStart) {
        AxisBlocks.copy(x, xOff, y, yOff, outer, inner, inAxis, outAxis, axisStart, true);
    }

    public static void copyInto(boolean[] x, int xOff, boolean[] y, int yOff, int outer, int inner, int inAxis,
                                int outAxis, int axisStart) {
        AxisBlocks.copy(x, xOff, y, yOff, outer, inner, inAxis, outAxis, axisStart, true);
    }
}
