package org.falconc.runtime.ops;

/**
 * DepthToSpace and SpaceToDepth on NCHW as 6-D transposes (block size b, C' = C / b²).
 * DepthToSpace DCR views x as [N, b, b, C', H, W] and CRD as [N, C', b, b, H, W], both producing
 * [N, C', H, b, W, b] = [N, C', H·b, W·b]; SpaceToDepth views x as [N, C, H', b, W', b] and
 * produces [N, b, b, C, H', W'] (the inverse of DCR).
 */
public final class DepthSpace {
    private DepthSpace() {
    }

    /** x is [n, c, h, w] with c divisible by blocksize²; y is [n, c / b², h·b, w·b]. */
    public static void depthToSpace(float[] x, int xOff, float[] y, int yOff, int n, int c, int h, int w, int blocksize,
                                    boolean crd) {
        toSpace(x, xOff, y, yOff, n, c, h, w, blocksize, crd);
    }

    public static void depthToSpace(long[] x, int xOff, long[] y, int yOff, int n, int c, int h, int w, int blocksize,
                                    boolean crd) {
        toSpace(x, xOff, y, yOff, n, c, h, w, blocksize, crd);
    }

    public static void depthToSpace(int[] x, int xOff, int[] y, int yOff, int n, int c, int h, int w, int blocksize,
                                    boolean crd) {
        toSpace(x, xOff, y, yOff, n, c, h, w, blocksize, crd);
    }

    /** x is [n, c, h, w] with h, w divisible by blocksize; y is [n, c·b², h / b, w / b]. */
    public static void spaceToDepth(float[] x, int xOff, float[] y, int yOff, int n, int c, int h, int w, int blocksize) {
        toDepth(x, xOff, y, yOff, n, c, h, w, blocksize);
    }

    public static void spaceToDepth(long[] x, int xOff, long[] y, int yOff, int n, int c, int h, int w, int blocksize) {
        toDepth(x, xOff, y, yOff, n, c, h, w, blocksize);
    }

    public static void spaceToDepth(int[] x, int xOff, int[] y, int yOff, int n, int c, int h, int w, int blocksize) {
        toDepth(x, xOff, y, yOff, n, c, h, w, blocksize);
    }

    private static void toSpace(Object x, int xOff, Object y, int yOff, int n, int c, int h, int w, int b, boolean crd) {
        int cc = c / (b * b);
        // input view: DCR [N, b1, b2, C', H, W], CRD [N, C', b1, b2, H, W]; permute to [N, C', H, b1, W, b2]
        int[] view = crd ? new int[] {n, cc, b, b, h, w} : new int[] {n, b, b, cc, h, w};
        int[] perm = crd ? new int[] {0, 1, 4, 2, 5, 3} : new int[] {0, 3, 4, 1, 5, 2};
        permute(x, xOff, y, yOff, view, perm);
    }

    private static void toDepth(Object x, int xOff, Object y, int yOff, int n, int c, int h, int w, int b) {
        // input view [N, C, H', b1, W', b2]; permute to [N, b1, b2, C, H', W']
        permute(x, xOff, y, yOff, new int[] {n, c, h / b, b, w / b, b}, new int[] {0, 3, 5, 1, 2, 4});
    }

    private static void permute(Object x, int xOff, Object y, int yOff, int[] view, int[] perm) {
        int[] strides = Rows.contiguousStrides(view);
        int[] shape = new int[6];
        int[] src = new int[6];
        for (int a = 0; a < 6; a++) {
            shape[a] = view[perm[a]];
            src[a] = strides[perm[a]];
        }
        StridedCopy.copy(x, xOff, src, y, yOff, null, shape);
    }
}
