package org.falconc.runtime.ops;

/**
 * Split, one call per output: copies positions {@code [axisStart, axisStart + outAxis)} of the
 * input viewed as [outer, inAxis, inner] into output y viewed as [outer, outAxis, inner]. When
 * outer == 1 the part is contiguous and the lowering may alias it instead of copying.
 */
public final class Split {
    private Split() {
    }

    public static void copyOut(float[] x, int xOff, float[] y, int yOff, int outer, int inner, int inAxis, int outAxis,
                               int axisStart) {
        AxisBlocks.copy(y, yOff, x, xOff, outer, inner, outAxis, inAxis, axisStart, false);
    }

    public static void copyOut(long[] x, int xOff, long[] y, int yOff, int outer, int inner, int inAxis, int outAxis,
                               int axisStart) {
        AxisBlocks.copy(y, yOff, x, xOff, outer, inner, outAxis, inAxis, axisStart, false);
    }

    public static void copyOut(int[] x, int xOff, int[] y, int yOff, int outer, int inner, int inAxis, int outAxis,
                               int axisStart) {
        AxisBlocks.copy(y, yOff, x, xOff, outer, inner, outAxis, inAxis, axisStart, false);
    }

    public static void copyOut(boolean[] x, int xOff, boolean[] y, int yOff, int outer, int inner, int inAxis,
                               int outAxis, int axisStart) {
        AxisBlocks.copy(y, yOff, x, xOff, outer, inner, outAxis, inAxis, axisStart, false);
    }
}
