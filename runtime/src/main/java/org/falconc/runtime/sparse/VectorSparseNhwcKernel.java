package org.falconc.runtime.sparse;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API {@link SparseNhwcKernel}: per live activation one broadcast and {@code nv}
 * weight-vector FMAs, the weights of one (tap, channel) contiguous in the 64-channel panels (C2
 * merges the range checks of the 4 loads into two; with the old 16-channel panels each load was a
 * panel apart and kept its own check). 8 vectors (128 channels, two panels) feed 8 independent FMA
 * chains per broadcast; 4 vectors alternate activations between two sets of accumulators (one set
 * would stall on the FMA latency). Each step takes the next set bit of its own word, refilled from
 * the next segment by a branch (one counted loop per call, the accumulators live only across it).
 * Only loaded by {@link SparseKernels} when the jdk.incubator.vector module is present.
 */
final class VectorSparseNhwcKernel extends SparseNhwcKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

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
    int maxVectors() {
        return L == 16 ? 8 : 4;
    }

    @Override
    String name() {
        return "vector (" + S + ")";
    }

    @Override
    void accumulate(int nv, int[] seg, int count, float[] x, float[] w, int ws, int wo, float[] acc, int ai) {
        if (nv == 8) {
            accumulate8(seg, count, x, w, ws, wo, acc, ai);
        } else if (nv == 4) {
            accumulate4(seg, count, x, w, ws, acc, ai);
        } else if (nv == 2) {
            accumulate2(seg, count, x, w, ws, acc, ai);
        } else if (nv == 1) {
            accumulate1(seg, count, x, w, ws, acc, ai);
        } else {
            throw new IllegalArgumentException("no sparse kernel of " + nv + " vectors");
        }
    }

    /**
     * 8 vectors (128 output channels at 16 lanes, two weight panels {@code wo} apart): each broadcast
     * feeds 8 FMAs, and the 8 accumulators are enough independent chains on their own.
     */
    private static void accumulate8(int[] seg, int count, float[] x, float[] w, int ws, int wo, float[] acc, int ai) {
        FloatVector a0 = FloatVector.fromArray(S, acc, ai + 0 * L);
        FloatVector a1 = FloatVector.fromArray(S, acc, ai + 1 * L);
        FloatVector a2 = FloatVector.fromArray(S, acc, ai + 2 * L);
        FloatVector a3 = FloatVector.fromArray(S, acc, ai + 3 * L);
        FloatVector a4 = FloatVector.fromArray(S, acc, ai + 4 * L);
        FloatVector a5 = FloatVector.fromArray(S, acc, ai + 5 * L);
        FloatVector a6 = FloatVector.fromArray(S, acc, ai + 6 * L);
        FloatVector a7 = FloatVector.fromArray(S, acc, ai + 7 * L);
        int si = 0;
        long m = word(seg, 0);
        int xBase = seg[2];
        int wBase = seg[3];
        for (int p = 0; p < count; p++) {
            if (m == 0) {
                si += SEGMENT_INTS;
                m = (seg[si] & 0xffffffffL) | (long) seg[si + 1] << 32;
                xBase = seg[si + 2];
                wBase = seg[si + 3];
            }
            int bit = Long.numberOfTrailingZeros(m);
            m &= m - 1;
            int wa = wBase + bit * ws;
            int wc = wa + wo;
            FloatVector xa = FloatVector.broadcast(S, x[xBase + bit]);
            a0 = xa.fma(FloatVector.fromArray(S, w, wa), a0);
            a1 = xa.fma(FloatVector.fromArray(S, w, wa + 1 * L), a1);
            a2 = xa.fma(FloatVector.fromArray(S, w, wa + 2 * L), a2);
            a3 = xa.fma(FloatVector.fromArray(S, w, wa + 3 * L), a3);
            a4 = xa.fma(FloatVector.fromArray(S, w, wc), a4);
            a5 = xa.fma(FloatVector.fromArray(S, w, wc + 1 * L), a5);
            a6 = xa.fma(FloatVector.fromArray(S, w, wc + 2 * L), a6);
            a7 = xa.fma(FloatVector.fromArray(S, w, wc + 3 * L), a7);
        }
        a0.intoArray(acc, ai + 0 * L);
        a1.intoArray(acc, ai + 1 * L);
        a2.intoArray(acc, ai + 2 * L);
        a3.intoArray(acc, ai + 3 * L);
        a4.intoArray(acc, ai + 4 * L);
        a5.intoArray(acc, ai + 5 * L);
        a6.intoArray(acc, ai + 6 * L);
        a7.intoArray(acc, ai + 7 * L);
    }

    private static void accumulate4(int[] seg, int count, float[] x, float[] w, int ws, float[] acc, int ai) {
        FloatVector a0 = FloatVector.fromArray(S, acc, ai + 0 * L);
        FloatVector a1 = FloatVector.fromArray(S, acc, ai + 1 * L);
        FloatVector a2 = FloatVector.fromArray(S, acc, ai + 2 * L);
        FloatVector a3 = FloatVector.fromArray(S, acc, ai + 3 * L);
        FloatVector b0 = FloatVector.zero(S);
        FloatVector b1 = FloatVector.zero(S);
        FloatVector b2 = FloatVector.zero(S);
        FloatVector b3 = FloatVector.zero(S);
        int si = 0;
        long m = word(seg, 0);
        int xBase = seg[2];
        int wBase = seg[3];
        int pairs = count >> 1;
        for (int p = 0; p < pairs; p++) {
            if (m == 0) {
                si += SEGMENT_INTS;
                m = (seg[si] & 0xffffffffL) | (long) seg[si + 1] << 32;
                xBase = seg[si + 2];
                wBase = seg[si + 3];
            }
            int bita = Long.numberOfTrailingZeros(m);
            m &= m - 1;
            int wa = wBase + bita * ws;
            FloatVector xa = FloatVector.broadcast(S, x[xBase + bita]);
            a0 = xa.fma(FloatVector.fromArray(S, w, wa), a0);
            a1 = xa.fma(FloatVector.fromArray(S, w, wa + 1 * L), a1);
            a2 = xa.fma(FloatVector.fromArray(S, w, wa + 2 * L), a2);
            a3 = xa.fma(FloatVector.fromArray(S, w, wa + 3 * L), a3);
            if (m == 0) {
                si += SEGMENT_INTS;
                m = (seg[si] & 0xffffffffL) | (long) seg[si + 1] << 32;
                xBase = seg[si + 2];
                wBase = seg[si + 3];
            }
            int bitb = Long.numberOfTrailingZeros(m);
            m &= m - 1;
            int wb = wBase + bitb * ws;
            FloatVector xb = FloatVector.broadcast(S, x[xBase + bitb]);
            b0 = xb.fma(FloatVector.fromArray(S, w, wb), b0);
            b1 = xb.fma(FloatVector.fromArray(S, w, wb + 1 * L), b1);
            b2 = xb.fma(FloatVector.fromArray(S, w, wb + 2 * L), b2);
            b3 = xb.fma(FloatVector.fromArray(S, w, wb + 3 * L), b3);
        }
        if ((count & 1) != 0) { // straight-line code, not a second loop
            if (m == 0) {
                si += SEGMENT_INTS;
                m = (seg[si] & 0xffffffffL) | (long) seg[si + 1] << 32;
                xBase = seg[si + 2];
                wBase = seg[si + 3];
            }
            int bit = Long.numberOfTrailingZeros(m);
            int wa = wBase + bit * ws;
            FloatVector xa = FloatVector.broadcast(S, x[xBase + bit]);
            a0 = xa.fma(FloatVector.fromArray(S, w, wa), a0);
            a1 = xa.fma(FloatVector.fromArray(S, w, wa + 1 * L), a1);
            a2 = xa.fma(FloatVector.fromArray(S, w, wa + 2 * L), a2);
            a3 = xa.fma(FloatVector.fromArray(S, w, wa + 3 * L), a3);
        }
        a0.add(b0).intoArray(acc, ai + 0 * L);
        a1.add(b1).intoArray(acc, ai + 1 * L);
        a2.add(b2).intoArray(acc, ai + 2 * L);
        a3.add(b3).intoArray(acc, ai + 3 * L);
    }

    private static void accumulate2(int[] seg, int count, float[] x, float[] w, int ws, float[] acc, int ai) {
        FloatVector a0 = FloatVector.fromArray(S, acc, ai + 0 * L);
        FloatVector a1 = FloatVector.fromArray(S, acc, ai + 1 * L);
        FloatVector b0 = FloatVector.zero(S);
        FloatVector b1 = FloatVector.zero(S);
        int si = 0;
        long m = word(seg, 0);
        int xBase = seg[2];
        int wBase = seg[3];
        int pairs = count >> 1;
        for (int p = 0; p < pairs; p++) {
            if (m == 0) {
                si += SEGMENT_INTS;
                m = (seg[si] & 0xffffffffL) | (long) seg[si + 1] << 32;
                xBase = seg[si + 2];
                wBase = seg[si + 3];
            }
            int bita = Long.numberOfTrailingZeros(m);
            m &= m - 1;
            int wa = wBase + bita * ws;
            FloatVector xa = FloatVector.broadcast(S, x[xBase + bita]);
            a0 = xa.fma(FloatVector.fromArray(S, w, wa), a0);
            a1 = xa.fma(FloatVector.fromArray(S, w, wa + 1 * L), a1);
            if (m == 0) {
                si += SEGMENT_INTS;
                m = (seg[si] & 0xffffffffL) | (long) seg[si + 1] << 32;
                xBase = seg[si + 2];
                wBase = seg[si + 3];
            }
            int bitb = Long.numberOfTrailingZeros(m);
            m &= m - 1;
            int wb = wBase + bitb * ws;
            FloatVector xb = FloatVector.broadcast(S, x[xBase + bitb]);
            b0 = xb.fma(FloatVector.fromArray(S, w, wb), b0);
            b1 = xb.fma(FloatVector.fromArray(S, w, wb + 1 * L), b1);
        }
        if ((count & 1) != 0) { // straight-line code, not a second loop
            if (m == 0) {
                si += SEGMENT_INTS;
                m = (seg[si] & 0xffffffffL) | (long) seg[si + 1] << 32;
                xBase = seg[si + 2];
                wBase = seg[si + 3];
            }
            int bit = Long.numberOfTrailingZeros(m);
            int wa = wBase + bit * ws;
            FloatVector xa = FloatVector.broadcast(S, x[xBase + bit]);
            a0 = xa.fma(FloatVector.fromArray(S, w, wa), a0);
            a1 = xa.fma(FloatVector.fromArray(S, w, wa + 1 * L), a1);
        }
        a0.add(b0).intoArray(acc, ai + 0 * L);
        a1.add(b1).intoArray(acc, ai + 1 * L);
    }

    private static void accumulate1(int[] seg, int count, float[] x, float[] w, int ws, float[] acc, int ai) {
        FloatVector a0 = FloatVector.fromArray(S, acc, ai + 0 * L);
        FloatVector b0 = FloatVector.zero(S);
        int si = 0;
        long m = word(seg, 0);
        int xBase = seg[2];
        int wBase = seg[3];
        int pairs = count >> 1;
        for (int p = 0; p < pairs; p++) {
            if (m == 0) {
                si += SEGMENT_INTS;
                m = (seg[si] & 0xffffffffL) | (long) seg[si + 1] << 32;
                xBase = seg[si + 2];
                wBase = seg[si + 3];
            }
            int bita = Long.numberOfTrailingZeros(m);
            m &= m - 1;
            int wa = wBase + bita * ws;
            FloatVector xa = FloatVector.broadcast(S, x[xBase + bita]);
            a0 = xa.fma(FloatVector.fromArray(S, w, wa), a0);
            if (m == 0) {
                si += SEGMENT_INTS;
                m = (seg[si] & 0xffffffffL) | (long) seg[si + 1] << 32;
                xBase = seg[si + 2];
                wBase = seg[si + 3];
            }
            int bitb = Long.numberOfTrailingZeros(m);
            m &= m - 1;
            int wb = wBase + bitb * ws;
            FloatVector xb = FloatVector.broadcast(S, x[xBase + bitb]);
            b0 = xb.fma(FloatVector.fromArray(S, w, wb), b0);
        }
        if ((count & 1) != 0) { // straight-line code, not a second loop
            if (m == 0) {
                si += SEGMENT_INTS;
                m = (seg[si] & 0xffffffffL) | (long) seg[si + 1] << 32;
                xBase = seg[si + 2];
                wBase = seg[si + 3];
            }
            int bit = Long.numberOfTrailingZeros(m);
            int wa = wBase + bit * ws;
            FloatVector xa = FloatVector.broadcast(S, x[xBase + bit]);
            a0 = xa.fma(FloatVector.fromArray(S, w, wa), a0);
        }
        a0.add(b0).intoArray(acc, ai + 0 * L);
    }
}
