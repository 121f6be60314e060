package org.falconc.runtime.gemm;

/**
 * The innermost GEMM step: an {@link PackedMatrix#MR} x {@link #nr()} tile of C from one packed A
 * panel slice and one packed B strip, over {@code kc} steps of K ({@link #compute}), then its store
 * with the epilogue fused ({@link #store}).
 *
 * <p>Implementations: {@link ScalarMicroKernel} (plain Java, always available) and
 * {@code VectorMicroKernel} (jdk.incubator.vector), picked once by {@link MicroKernels}.
 */
public abstract class MicroKernel {

    private final int nr;

    protected MicroKernel(int nr) {
        this.nr = nr;
    }

    /** Columns per tile: the width of a packed B strip. */
    public final int nr() {
        return nr;
    }

    public abstract String name();

    /**
     * Computes one MR x nr accumulator tile {@code tile[r * nr + j] = sum_k A[r, k] B[k, j]}.
     *
     * @param a packed A: {@code a[aOff + k * MR + r]} for k in [0, kc)
     * @param b packed B strip: {@code b[bOff + k * nr + j]}
     */
    abstract void compute(float[] a, int aOff, float[] b, int bOff, int kc, float[] tile);

    /**
     * Stores an accumulator tile into C at {@code c[cOff]} (rows {@code ldc} apart):
     * {@code c = (accumulate ? c : 0) + acc}, then the epilogue if {@code finish}. Only
     * {@code rows x cols} are written; {@code row0} is the tile's first row in the bias. Kept apart
     * from {@link #compute} so each stays small enough for C2 to compile without boxing vectors.
     */
    void store(float[] tile, float[] c, int cOff, int ldc, int rows, int cols,
               boolean accumulate, boolean finish, GemmEpilogue epi, int row0) {
        storeTile(tile, c, cOff, ldc, rows, cols, accumulate, finish, epi, row0);
    }

    /**
     * GEMV on one packed A panel: {@code acc[r] = sum_k A[r, k] * x[k]} for k in [0, kc), with
     * {@code xx} the input expanded MR times ({@code xx[k * MR + r] = x[k]}, offset {@code xOff}).
     * Writes the MR sums to {@code out[0, MR)}.
     */
    abstract void panelDot(float[] a, int aOff, float[] xx, int xOff, int kc, float[] out);

    /** Element-wise store of an accumulator tile (edges, and kernels without a vector store). */
    final void storeTile(float[] tile, float[] c, int cOff, int ldc, int rows, int cols,
                         boolean accumulate, boolean finish, GemmEpilogue epi, int row0) {
        for (int r = 0; r < rows; r++) {
            int ci = cOff + r * ldc;
            int ti = r * nr;
            for (int j = 0; j < cols; j++) {
                epi.store(tile[ti + j], c, ci + j, accumulate, finish, row0 + r);
            }
        }
    }
}
