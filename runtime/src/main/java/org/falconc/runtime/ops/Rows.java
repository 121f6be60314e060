package org.falconc.runtime.ops;

import java.util.Arrays;

/**
 * Element-type-generic row operations for the data-movement kernels, which are written once over
 * {@code Object} arrays (float[], long[], int[] or boolean[]): a contiguous row is one
 * System.arraycopy, a strided row one typed loop chosen by the array's class.
 */
final class Rows {
    private Rows() {
    }

    /** {@code dst[di + k*dStep] = src[si + k*sStep]} for k &lt; n; src and dst have the same array type. */
    static void copy(Object src, int si, int sStep, Object dst, int di, int dStep, int n) {
        if (sStep == 1 && dStep == 1) {
            System.arraycopy(src, si, dst, di, n);
        } else if (src instanceof float[] s) {
            float[] d = (float[]) dst;
            for (int k = 0; k < n; k++) {
                d[di + k * dStep] = s[si + k * sStep];
            }
        } else if (src instanceof long[] s) {
            long[] d = (long[]) dst;
            for (int k = 0; k < n; k++) {
                d[di + k * dStep] = s[si + k * sStep];
            }
        } else if (src instanceof int[] s) {
            int[] d = (int[]) dst;
            for (int k = 0; k < n; k++) {
                d[di + k * dStep] = s[si + k * sStep];
            }
        } else if (src instanceof boolean[] s) {
            boolean[] d = (boolean[]) dst;
            for (int k = 0; k < n; k++) {
                d[di + k * dStep] = s[si + k * sStep];
            }
        } else {
            throw new IllegalArgumentException("unsupported array type " + src.getClass().getSimpleName());
        }
    }

    /** Fills {@code dst[from, from + n)} with the single element of {@code value} (an array of dst's type). */
    static void fill(Object dst, int from, int n, Object value) {
        if (dst instanceof float[] d) {
            Arrays.fill(d, from, from + n, ((float[]) value)[0]);
        } else if (dst instanceof long[] d) {
            Arrays.fill(d, from, from + n, ((long[]) value)[0]);
        } else if (dst instanceof int[] d) {
            Arrays.fill(d, from, from + n, ((int[]) value)[0]);
        } else if (dst instanceof boolean[] d) {
            Arrays.fill(d, from, from + n, ((boolean[]) value)[0]);
        } else {
            throw new IllegalArgumentException("unsupported array type " + dst.getClass().getSimpleName());
        }
    }

    /** Row-major element strides of {@code shape}. */
    static int[] contiguousStrides(int[] shape) {
        int[] s = new int[shape.length];
        int stride = 1;
        for (int a = shape.length - 1; a >= 0; a--) {
            s[a] = stride;
            stride *= shape[a];
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
}
