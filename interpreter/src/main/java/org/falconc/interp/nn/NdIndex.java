package org.falconc.interp.nn;

/** Row-major multi-index arithmetic for the reference kernels. */
final class NdIndex {
    private NdIndex() {
    }

    /** Writes into {@code idx} the multi-index of row-major position {@code flat} in an array of shape {@code dims}. */
    static void unravel(int flat, int[] dims, int[] idx) {
        for (int a = dims.length - 1; a >= 0; a--) {
            idx[a] = flat % dims[a];
            flat /= dims[a];
        }
    }

    /** Number of elements of an array of shape {@code dims}. */
    static int volume(int[] dims) {
        int v = 1;
        for (int d : dims) {
            v *= d;
        }
        return v;
    }
}
