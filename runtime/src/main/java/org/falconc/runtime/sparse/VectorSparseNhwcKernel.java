package org.falconc.runtime.sparse;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API {@link SparseNhwcKernel}: per live entry one broadcast of the activation and
 * {@code nv} weight-vector FMAs. Entries alternate between two sets of accumulators, so 4 vectors
 * keep 8 independent FMA chains in flight (one set would stall on the FMA latency). Only loaded by
 * {@link SparseKernels} when the jdk.incubator.vector module is present.
 */
final class VectorSparseNhwcKernel extends SparseNhwcKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int PANEL = 16;

    VectorSparseNhwcKernel() {
        if (L > PANEL || PANEL % L != 0) {
            throw new IllegalStateException("vector species does not tile a weight panel: " + S);
        }
    }

    @Override
    int lanes() {
        return L;
    }

    @Override
    String name() {
        return "vector (" + S + ")";
    }

    @Override
    void accumulate(int nv, float[] xv, int[] wo, int n, float[] w, int o1, int o2, int o3, float[] acc, int ai) {
        if (nv == 4) {
            accumulate4(xv, wo, n, w, o1, o2, o3, acc, ai);
        } else if (nv == 2) {
            accumulate2(xv, wo, n, w, o1, acc, ai);
        } else if (nv == 1) {
            accumulate1(xv, wo, n, w, acc, ai);
        } else {
            throw new IllegalArgumentException("no sparse kernel of " + nv + " vectors");
        }
    }

    private static void accumulate4(float[] xv, int[] wo, int n, float[] w, int o1, int o2, int o3,
                                    float[] acc, int ai) {
        FloatVector a0 = FloatVector.fromArray(S, acc, ai);
        FloatVector a1 = FloatVector.fromArray(S, acc, ai + L);
        FloatVector a2 = FloatVector.fromArray(S, acc, ai + 2 * L);
        FloatVector a3 = FloatVector.fromArray(S, acc, ai + 3 * L);
        FloatVector b0 = FloatVector.zero(S);
        FloatVector b1 = FloatVector.zero(S);
        FloatVector b2 = FloatVector.zero(S);
        FloatVector b3 = FloatVector.zero(S);
        int pairs = n >> 1;
        for (int p = 0; p < pairs; p++) {
            int i = 2 * p;
            int wa = wo[i];
            FloatVector xa = FloatVector.broadcast(S, xv[i]);
            a0 = xa.fma(FloatVector.fromArray(S, w, wa), a0);
            a1 = xa.fma(FloatVector.fromArray(S, w, wa + o1), a1);
            a2 = xa.fma(FloatVector.fromArray(S, w, wa + o2), a2);
            a3 = xa.fma(FloatVector.fromArray(S, w, wa + o3), a3);
            int wb = wo[i + 1];
            FloatVector xb = FloatVector.broadcast(S, xv[i + 1]);
            b0 = xb.fma(FloatVector.fromArray(S, w, wb), b0);
            b1 = xb.fma(FloatVector.fromArray(S, w, wb + o1), b1);
            b2 = xb.fma(FloatVector.fromArray(S, w, wb + o2), b2);
            b3 = xb.fma(FloatVector.fromArray(S, w, wb + o3), b3);
        }
        if ((n & 1) != 0) { // straight-line code, not a second loop
            int wa = wo[n - 1];
            FloatVector xa = FloatVector.broadcast(S, xv[n - 1]);
            a0 = xa.fma(FloatVector.fromArray(S, w, wa), a0);
            a1 = xa.fma(FloatVector.fromArray(S, w, wa + o1), a1);
            a2 = xa.fma(FloatVector.fromArray(S, w, wa + o2), a2);
            a3 = xa.fma(FloatVector.fromArray(S, w, wa + o3), a3);
        }
        a0.add(b0).intoArray(acc, ai);
        a1.add(b1).intoArray(acc, ai + L);
        a2.add(b2).intoArray(acc, ai + 2 * L);
        a3.add(b3).intoArray(acc, ai + 3 * L);
    }

    private static void accumulate2(float[] xv, int[] wo, int n, float[] w, int o1, float[] acc, int ai) {
        FloatVector a0 = FloatVector.fromArray(S, acc, ai);
        FloatVector a1 = FloatVector.fromArray(S, acc, ai + L);
        FloatVector b0 = FloatVector.zero(S);
        FloatVector b1 = FloatVector.zero(S);
        int pairs = n >> 1;
        for (int p = 0; p < pairs; p++) {
            int i = 2 * p;
            int wa = wo[i];
            FloatVector xa = FloatVector.broadcast(S, xv[i]);
            a0 = xa.fma(FloatVector.fromArray(S, w, wa), a0);
            a1 = xa.fma(FloatVector.fromArray(S, w, wa + o1), a1);
            int wb = wo[i + 1];
            FloatVector xb = FloatVector.broadcast(S, xv[i + 1]);
            b0 = xb.fma(FloatVector.fromArray(S, w, wb), b0);
            b1 = xb.fma(FloatVector.fromArray(S, w, wb + o1), b1);
        }
        if ((n & 1) != 0) {
            int wa = wo[n - 1];
            FloatVector xa = FloatVector.broadcast(S, xv[n - 1]);
            a0 = xa.fma(FloatVector.fromArray(S, w, wa), a0);
            a1 = xa.fma(FloatVector.fromArray(S, w, wa + o1), a1);
        }
        a0.add(b0).intoArray(acc, ai);
        a1.add(b1).intoArray(acc, ai + L);
    }

    private static void accumulate1(float[] xv, int[] wo, int n, float[] w, float[] acc, int ai) {
        FloatVector a0 = FloatVector.fromArray(S, acc, ai);
        FloatVector b0 = FloatVector.zero(S);
        int pairs = n >> 1;
        for (int p = 0; p < pairs; p++) {
            int i = 2 * p;
            a0 = FloatVector.broadcast(S, xv[i]).fma(FloatVector.fromArray(S, w, wo[i]), a0);
            b0 = FloatVector.broadcast(S, xv[i + 1]).fma(FloatVector.fromArray(S, w, wo[i + 1]), b0);
        }
        if ((n & 1) != 0) {
            a0 = FloatVector.broadcast(S, xv[n - 1]).fma(FloatVector.fromArray(S, w, wo[n - 1]), a0);
        }
        a0.add(b0).intoArray(acc, ai);
    }
}
