package org.falconc.runtime.ops;

/**
 * The copy behind Concat and Split. Tensors are viewed as [outer, axis, inner] around the
 * concatenation axis; the small tensor (axis length {@code smallAxis}) occupies positions
 * {@code [axisStart, axisStart + smallAxis)} of the big one (axis length {@code bigAxis}).
 */
final class AxisBlocks {
    private AxisBlocks() {
    }

    static void copy(Object small, int smallOff, Object big, int bigOff, int outer, int inner, int smallAxis,
                     int bigAxis, int axisStart, boolean intoBig) {
        int run = smallAxis * inner;
        for (int o = 0; o < outer; o++) {
            int s = smallOff + o * run;
            int b = bigOff + (o * bigAxis + axisStart) * inner;
            if (intoBig) {
                System.arraycopy(small, s, big, b, run);
            } else {
                System.arraycopy(big, b, small, s, run);
            }
        }
    }
}
