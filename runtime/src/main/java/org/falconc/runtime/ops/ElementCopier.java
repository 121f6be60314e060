package org.falconc.runtime.ops;

/**
 * Copies element {@code from} of a source array to element {@code to} of a destination array of the
 * same type; lets index-computing kernels (GatherElements, Trilu) share one loop across the element
 * types.
 */
@FunctionalInterface
interface ElementCopier {
    void copy(int from, int to);

    /** {@code y[to] = x[from]} for arrays of one element type, or zero ({@code false}) when {@code x} is null. */
    static ElementCopier of(Object x, Object y) {
        if (y instanceof float[] fy) {
            float[] fx = (float[]) x;
            return fx == null ? (from, to) -> fy[to] = 0f : (from, to) -> fy[to] = fx[from];
        } else if (y instanceof long[] ly) {
            long[] lx = (long[]) x;
            return lx == null ? (from, to) -> ly[to] = 0L : (from, to) -> ly[to] = lx[from];
        } else if (y instanceof int[] iy) {
            int[] ix = (int[]) x;
            return ix == null ? (from, to) -> iy[to] = 0 : (from, to) -> iy[to] = ix[from];
        } else if (y instanceof boolean[] by) {
            boolean[] bx = (boolean[]) x;
            return bx == null ? (from, to) -> by[to] = false : (from, to) -> by[to] = bx[from];
        }
        throw new IllegalArgumentException("not a tensor array: " + y);
    }
}
