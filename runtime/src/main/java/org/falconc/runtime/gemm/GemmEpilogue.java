package org.falconc.runtime.gemm;

import org.falconc.runtime.Epilogue;

/**
 * What a GEMM store adds to the accumulator on the last K block:
 * {@code c = act(acc + bias[biasOff + row] + residual[cIndex + residualDelta])}, and optionally the
 * mask of what it stored.
 *
 * <p>The residual has C's layout (same leading dimension), so it is addressed by C's index plus a
 * constant delta ({@code residualOff - cOff}). Bias and residual may be null.
 *
 * <p>Mask output (see docs/sparsity.md): C is read as planes of {@code ldc} pixels starting at
 * {@code cOrigin} (a convolution's output [N, K, P] with ldc = P), and the store sets
 * {@code mask[maskOff + plane * nb + col / maskBlock]} for every non-zero value it writes (NaN
 * counts as non-zero). It only ever writes {@code true} (and only to bytes still false), so tasks
 * sharing a block need no synchronisation; the caller clears the mask first.
 */
public final class GemmEpilogue {

    static final GemmEpilogue NONE = new GemmEpilogue(null, 0, null, 0, Epilogue.NONE, 0f, 0f);

    final float[] bias;
    final int biasOff;
    final float[] residual;
    final int residualDelta;
    final int act;
    final float p0;
    final float p1;
    /** Mask to set, or null. */
    final boolean[] mask;
    final int maskOff;
    final int maskBlock;
    final int maskNb;
    final int cOrigin;
    final int ldc;

    GemmEpilogue(float[] bias, int biasOff, float[] residual, int residualDelta, int act, float p0, float p1) {
        this(bias, biasOff, residual, residualDelta, act, p0, p1, null, 0, 1, 0, 0, 1);
    }

    private GemmEpilogue(float[] bias, int biasOff, float[] residual, int residualDelta, int act, float p0, float p1,
                         boolean[] mask, int maskOff, int maskBlock, int maskNb, int cOrigin, int ldc) {
        this.bias = bias;
        this.biasOff = biasOff;
        this.residual = residual;
        this.residualDelta = residualDelta;
        this.act = act;
        this.p0 = p0;
        this.p1 = p1;
        this.mask = mask;
        this.maskOff = maskOff;
        this.maskBlock = maskBlock;
        this.maskNb = maskNb;
        this.cOrigin = cOrigin;
        this.ldc = ldc;
    }

    /** An epilogue for callers outside this package (the sparse convolution). */
    public static GemmEpilogue of(float[] bias, int biasOff, float[] residual, int residualDelta,
                                  int act, float p0, float p1) {
        return new GemmEpilogue(bias, biasOff, residual, residualDelta, act, p0, p1);
    }

    /**
     * This epilogue also writing the mask of C: C element {@code cOrigin + plane * ldc + col} sets
     * {@code mask[maskOff + plane * ceil(ldc / block) + col / block]} when non-zero.
     */
    public GemmEpilogue withMask(boolean[] mask, int maskOff, int block, int cOrigin, int ldc) {
        if (mask == null) {
            return new GemmEpilogue(bias, biasOff, residual, residualDelta, act, p0, p1);
        }
        if (block < 1) {
            throw new IllegalArgumentException("mask block must be >= 1, got " + block);
        }
        return new GemmEpilogue(bias, biasOff, residual, residualDelta, act, p0, p1,
                mask, maskOff, block, (ldc + block - 1) / block, cOrigin, ldc);
    }

    /** Same epilogue with the bias shifted by {@code rows} (next group of output channels). */
    public GemmEpilogue withBiasOffset(int biasOffset) {
        return new GemmEpilogue(bias, biasOffset, residual, residualDelta, act, p0, p1,
                mask, maskOff, maskBlock, maskNb, cOrigin, ldc);
    }

    float bias(int row) {
        return bias == null ? 0f : bias[biasOff + row];
    }

    /** The scalar store used for edge tiles and the scalar kernel (the mask is marked per row after it, {@link #markRow}). */
    void store(float acc, float[] c, int ci, boolean accumulate, boolean finish, int row) {
        float v = accumulate ? c[ci] + acc : acc;
        if (finish) {
            v += bias(row);
            if (residual != null) {
                v += residual[ci + residualDelta];
            }
            v = Epilogue.apply(act, p0, p1, v);
        }
        c[ci] = v;
    }

    /** Marks one stored element (the GEMV store). */
    void markElement(float[] c, int ci) {
        if (c[ci] != 0f) { // NaN != 0 too
            int rel = ci - cOrigin;
            int plane = rel / ldc;
            int mi = maskOff + plane * maskNb + (rel - plane * ldc) / maskBlock;
            if (!mask[mi]) {
                mask[mi] = true;
            }
        }
    }

    /**
     * Sets {@code mask[rowMask + (col0 + j) / block]} for every j in [0, cols) with
     * {@code c[ci + j] != 0} (NaN included), skipping the rest of a block once it is marked.
     */
    public static void markRow(float[] c, int ci, int cols, boolean[] mask, int rowMask, int col0, int block) {
        int j = 0;
        while (j < cols) {
            float v = c[ci + j];
            if (v != 0f) { // NaN != 0 too
                int b = (col0 + j) / block;
                if (!mask[rowMask + b]) {
                    mask[rowMask + b] = true;
                }
                j = (b + 1) * block - col0;
            } else {
                j++;
            }
        }
    }
}
