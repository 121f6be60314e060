package org.falconc.runtime.gemm;

import org.falconc.runtime.Epilogue;

/**
 * What a GEMM store adds to the accumulator on the last K block:
 * {@code c = act(acc + bias[biasOff + row] + residual[cIndex + residualDelta])}.
 *
 * <p>The residual has C's layout (same leading dimension), so it is addressed by C's index plus a
 * constant delta ({@code residualOff - cOff}). Bias and residual may be null.
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

    GemmEpilogue(float[] bias, int biasOff, float[] residual, int residualDelta, int act, float p0, float p1) {
        this.bias = bias;
        this.biasOff = biasOff;
        this.residual = residual;
        this.residualDelta = residualDelta;
        this.act = act;
        this.p0 = p0;
        this.p1 = p1;
    }

    /** An epilogue for callers outside this package (the sparse convolution). */
    public static GemmEpilogue of(float[] bias, int biasOff, float[] residual, int residualDelta,
                                  int act, float p0, float p1) {
        return new GemmEpilogue(bias, biasOff, residual, residualDelta, act, p0, p1);
    }

    /** Same epilogue with the bias shifted by {@code rows} (next group of output channels). */
    public GemmEpilogue withBiasOffset(int biasOffset) {
        return new GemmEpilogue(bias, biasOffset, residual, residualDelta, act, p0, p1);
    }

    float bias(int row) {
        return bias == null ? 0f : bias[biasOff + row];
    }

    /** The scalar store used for edge tiles and the scalar kernel. */
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
}
