package org.falconc.runtime.ops;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PixelCombiner} on the Vector API: one vector of channels at a time, folded over all pixels
 * in a register and stored once. FloatVector.max is Math.max lane-wise, so the bits equal the
 * scalar loops'. Only loaded by {@link PixelCombiners} when jdk.incubator.vector is present.
 */
final class VectorPixelCombiner implements PixelCombiner {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public boolean maxOfPixels(float[] x, int[] pixels, int count, float[] y, int dst, int c) {
        boolean nan = false;
        int ch = 0;
        for (; ch <= c - L; ch += L) {
            FloatVector m = FloatVector.fromArray(S, x, pixels[0] + ch);
            for (int i = 1; i < count; i++) {
                m = m.max(FloatVector.fromArray(S, x, pixels[i] + ch));
            }
            m.intoArray(y, dst + ch);
            nan |= m.compare(VectorOperators.NE, m).anyTrue();
        }
        for (; ch < c; ch++) {
            float m = x[pixels[0] + ch];
            for (int i = 1; i < count; i++) {
                m = Math.max(m, x[pixels[i] + ch]);
            }
            y[dst + ch] = m;
            nan |= Float.isNaN(m);
        }
        return nan;
    }

    @Override
    public void maxInto(float[] acc, int accOff, float[] x, int xOff, int c) {
        int ch = 0;
        for (; ch <= c - L; ch += L) {
            FloatVector.fromArray(S, acc, accOff + ch).max(FloatVector.fromArray(S, x, xOff + ch))
                    .intoArray(acc, accOff + ch);
        }
        for (; ch < c; ch++) {
            acc[accOff + ch] = Math.max(acc[accOff + ch], x[xOff + ch]);
        }
    }

    @Override
    public String name() {
        return "vector (" + S + ")";
    }
}
