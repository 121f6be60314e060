package org.falconc.runtime.gemm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.falconc.runtime.Epilogue;

/**
 * The Vector API micro-kernel: an 8 x (2 * vector length) register block (8 x 32 with AVX-512),
 * 16 FMA accumulators, each K step loading two B vectors and broadcasting eight A values. Only
 * loaded by {@link MicroKernels} when the jdk.incubator.vector module is present.
 */
final class VectorMicroKernel extends MicroKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int NR = 2 * L;
    private static final int MR = PackedMatrix.MR;

    VectorMicroKernel() {
        super(NR);
        if (L < MR / 2) {
            throw new IllegalStateException("vector species too narrow: " + S);
        }
    }

    @Override
    public String name() {
        return "vector " + MR + "x" + NR + " (" + S + ")";
    }

    @Override
    void compute(float[] a, int aOff, float[] b, int bOff, int kc, float[] tile) {
        block(a, aOff, b, bOff, kc, tile, false);
    }

    /** The register block over kc steps of K, starting from zero or (load) from the tile. */
    private static void block(float[] a, int aOff, float[] b, int bOff, int kc, float[] tile, boolean load) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (load) {
            c00 = FloatVector.fromArray(S, tile, 0 * NR);
            c01 = FloatVector.fromArray(S, tile, 0 * NR + L);
            c10 = FloatVector.fromArray(S, tile, 1 * NR);
            c11 = FloatVector.fromArray(S, tile, 1 * NR + L);
            c20 = FloatVector.fromArray(S, tile, 2 * NR);
            c21 = FloatVector.fromArray(S, tile, 2 * NR + L);
            c30 = FloatVector.fromArray(S, tile, 3 * NR);
            c31 = FloatVector.fromArray(S, tile, 3 * NR + L);
            c40 = FloatVector.fromArray(S, tile, 4 * NR);
            c41 = FloatVector.fromArray(S, tile, 4 * NR + L);
            c50 = FloatVector.fromArray(S, tile, 5 * NR);
            c51 = FloatVector.fromArray(S, tile, 5 * NR + L);
            c60 = FloatVector.fromArray(S, tile, 6 * NR);
            c61 = FloatVector.fromArray(S, tile, 6 * NR + L);
            c70 = FloatVector.fromArray(S, tile, 7 * NR);
            c71 = FloatVector.fromArray(S, tile, 7 * NR + L);
        } else {
            c00 = FloatVector.zero(S);
            c01 = FloatVector.zero(S);
            c10 = FloatVector.zero(S);
            c11 = FloatVector.zero(S);
            c20 = FloatVector.zero(S);
            c21 = FloatVector.zero(S);
            c30 = FloatVector.zero(S);
            c31 = FloatVector.zero(S);
            c40 = FloatVector.zero(S);
            c41 = FloatVector.zero(S);
            c50 = FloatVector.zero(S);
            c51 = FloatVector.zero(S);
            c60 = FloatVector.zero(S);
            c61 = FloatVector.zero(S);
            c70 = FloatVector.zero(S);
            c71 = FloatVector.zero(S);
        }
        for (int k = 0; k < kc; k++) {
            // Indices linear in k (no extra induction variables) so C2 hoists the range checks.
            int ai = aOff + k * MR;
            int bi = bOff + k * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector a0 = FloatVector.broadcast(S, a[ai + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[ai + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ai + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(S, a[ai + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(S, a[ai + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
        }
        c00.intoArray(tile, 0 * NR);
        c01.intoArray(tile, 0 * NR + L);
        c10.intoArray(tile, 1 * NR);
        c11.intoArray(tile, 1 * NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        c60.intoArray(tile, 6 * NR);
        c61.intoArray(tile, 6 * NR + L);
        c70.intoArray(tile, 7 * NR);
        c71.intoArray(tile, 7 * NR + L);
    }

    @Override
    void store(float[] tile, float[] c, int cOff, int ldc, int rows, int cols,
               boolean accumulate, boolean finish, GemmEpilogue epi, int row0) {
        if (rows == MR && cols == NR && epi.act != Epilogue.SIGMOID) {
            storeRows(tile, c, cOff, ldc, accumulate, finish, epi, row0);
        } else {
            storeTile(tile, c, cOff, ldc, rows, cols, accumulate, finish, epi, row0);
        }
    }

    private static void storeRows(float[] tile, float[] c, int cOff, int ldc,
                                  boolean accumulate, boolean finish, GemmEpilogue epi, int row0) {
        for (int r = 0; r < MR; r++) {
            FloatVector v0 = FloatVector.fromArray(S, tile, r * NR);
            FloatVector v1 = FloatVector.fromArray(S, tile, r * NR + L);
            int ci = cOff + r * ldc;
            if (accumulate) {
                v0 = v0.add(FloatVector.fromArray(S, c, ci));
                v1 = v1.add(FloatVector.fromArray(S, c, ci + L));
            }
            if (finish) {
                if (epi.bias != null) {
                    float bias = epi.bias[epi.biasOff + row0 + r];
                    v0 = v0.add(bias);
                    v1 = v1.add(bias);
                }
                if (epi.residual != null) {
                    int ri = ci + epi.residualDelta;
                    v0 = v0.add(FloatVector.fromArray(S, epi.residual, ri));
                    v1 = v1.add(FloatVector.fromArray(S, epi.residual, ri + L));
                }
                // Each activation stores its own result: no vector merges after the switch, which C2
                // compiles poorly once one call site has seen several activations.
                activateInto(v0, epi.act, epi.p0, epi.p1, c, ci);
                activateInto(v1, epi.act, epi.p0, epi.p1, c, ci + L);
            } else {
                v0.intoArray(c, ci);
                v1.intoArray(c, ci + L);
            }
        }
    }

    private static void activateInto(FloatVector v, int act, float p0, float p1, float[] c, int ci) {
        switch (act) {
            case Epilogue.RELU -> v.max(0f).intoArray(c, ci);
            case Epilogue.CLIP -> v.max(p0).min(p1).intoArray(c, ci);
            case Epilogue.LEAKY_RELU -> v.blend(v.mul(p0), v.compare(VectorOperators.LT, 0f)).intoArray(c, ci);
            case Epilogue.HARD_SWISH -> v.mul(v.fma(1f / 6f, 0.5f).max(0f).min(1f)).intoArray(c, ci);
            case Epilogue.THRESHOLDED_RELU -> FloatVector.zero(S).blend(v, v.compare(VectorOperators.GT, p0)).intoArray(c, ci);
            default -> v.intoArray(c, ci); // NONE (SIGMOID takes the scalar store)
        }
    }

    @Override
    void panelDot(float[] a, int aOff, float[] xx, int xOff, int kc, float[] out) {
        // Streams the panel as flat vectors: with L >= MR each vector holds L / MR whole K steps,
        // folded at the end; with L == MR / 2 the two accumulators hold rows 0-3 and 4-7.
        FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S);
        int n = kc * MR;
        int i = 0;
        for (; i + 2 * L <= n; i += 2 * L) {
            s0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, xx, xOff + i), s0);
            s1 = FloatVector.fromArray(S, a, aOff + i + L).fma(FloatVector.fromArray(S, xx, xOff + i + L), s1);
        }
        if (L >= MR) {
            s0.add(s1).intoArray(out, 0);
            for (int lane = MR; lane < L; lane++) {
                out[lane % MR] += out[lane];
            }
        } else {
            s0.intoArray(out, 0);
            s1.intoArray(out, L);
        }
        for (int k = i / MR; k < kc; k++) {
            float x = xx[xOff + k * MR];
            int ai = aOff + k * MR;
            for (int r = 0; r < MR; r++) {
                out[r] += a[ai + r] * x;
            }
        }
    }
}
