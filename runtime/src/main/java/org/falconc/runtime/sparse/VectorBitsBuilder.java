package org.falconc.runtime.sparse;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API {@link BitsBuilder}: one compare per vector of channels, its mask's
 * {@code toLong()} shifted into the word; channels after the last whole vector one at a time.
 * Loaded only when jdk.incubator.vector is present.
 */
final class VectorBitsBuilder extends BitsBuilder {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    VectorBitsBuilder() {
        if (64 % L != 0) {
            throw new IllegalStateException("vector length does not divide a 64-bit word: " + S);
        }
    }

    @Override
    String name() {
        return "vector (" + S + ")";
    }

    @Override
    long word(float[] x, int at, int count) {
        long m = 0;
        int i = 0;
        for (; i + L <= count; i += L) {
            // NE is Java's !=: true for NaN, false for -0.0.
            m |= FloatVector.fromArray(S, x, at + i).compare(VectorOperators.NE, 0f).toLong() << i;
        }
        if (i < count) {
            m |= wordScalar(x, at + i, count - i) << i;
        }
        return m;
    }
}
