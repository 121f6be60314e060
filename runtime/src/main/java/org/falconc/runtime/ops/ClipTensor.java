package org.falconc.runtime.ops;

/**
 * Clip whose bounds are scalar tensors read at run time (graph inputs or computed values):
 * {@code y = min(max(x, lo), hi)}, an absent bound ({@code null, 0}) does not clip. When lo &gt; hi
 * every element becomes hi, as ONNX specifies. {@code y} may be {@code x} (in place). Clip with
 * compile-time bounds runs {@code Unary} CLIP instead.
 */
public final class ClipTensor {
    private ClipTensor() {
    }

    public static void floats(float[] x, int xOff, float[] y, int yOff, int n, float[] min, int minOff, float[] max,
                              int maxOff) {
        float lo = min == null ? Float.NEGATIVE_INFINITY : min[minOff];
        float hi = max == null ? Float.POSITIVE_INFINITY : max[maxOff];
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.min(Math.max(x[xOff + i], lo), hi);
        }
    }

    public static void longs(long[] x, int xOff, long[] y, int yOff, int n, long[] min, int minOff, long[] max,
                             int maxOff) {
        long lo = min == null ? Long.MIN_VALUE : min[minOff];
        long hi = max == null ? Long.MAX_VALUE : max[maxOff];
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.min(Math.max(x[xOff + i], lo), hi);
        }
    }

    public static void ints(int[] x, int xOff, int[] y, int yOff, int n, int[] min, int minOff, int[] max, int maxOff) {
        int lo = min == null ? Integer.MIN_VALUE : min[minOff];
        int hi = max == null ? Integer.MAX_VALUE : max[maxOff];
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.min(Math.max(x[xOff + i], lo), hi);
        }
    }
}
