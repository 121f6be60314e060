package org.falconc.runtime.sparse;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API {@link BitsBuilder}. A value is non-zero iff its bits without the sign are
 * (NaN included, -0.0 not); {@code min(that, 1)} is 0 or 1 per lane, shifted to its channel's bit
 * and OR-reduced, 32 channels per reduction. Only lane-wise operations and one reduction, all C2
 * intrinsics on JDK 17 ({@code VectorMask.toLong()} is not: it allocates there). Channels after the
 * last whole vector one at a time. Loaded only when jdk.incubator.vector is present.
 */
final class VectorBitsBuilder extends BitsBuilder {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Vectors per 32-bit reduction. */
    private static final int PER_INT = 32 / L;
    /** 0..31: shift counts of the lanes (an array load, cheaper than building an iota on JDK 17). */
    private static final int[] BIT_INDEX = new int[32];

    static {
        for (int i = 0; i < 32; i++) {
            BIT_INDEX[i] = i;
        }
    }

    VectorBitsBuilder() {
        if (I.length() != L || 32 % L != 0) {
            throw new IllegalStateException("vector length does not divide a 32-bit word: " + S);
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
        for (; i + 32 <= count; i += 32) {
            IntVector shifted = nonZero(x, at + i).lanewise(VectorOperators.LSHL, lanes(0));
            for (int j = 1; j < PER_INT; j++) {
                shifted = shifted.or(nonZero(x, at + i + j * L).lanewise(VectorOperators.LSHL, lanes(j * L)));
            }
            m |= (shifted.reduceLanes(VectorOperators.OR) & 0xffffffffL) << i;
        }
        for (; i + L <= count; i += L) {
            IntVector shifted = nonZero(x, at + i).lanewise(VectorOperators.LSHL, lanes(0));
            m |= (shifted.reduceLanes(VectorOperators.OR) & 0xffffffffL) << i;
        }
        if (i < count) {
            m |= wordScalar(x, at + i, count - i) << i;
        }
        return m;
    }

    /** 1 in each lane whose value is non-zero (or NaN), else 0. */
    private static IntVector nonZero(float[] x, int at) {
        return FloatVector.fromArray(S, x, at).reinterpretAsInts().and(0x7fffffff).min(1);
    }

    /** Lane indices plus {@code first}: each lane's bit within the 32-bit group. */
    private static IntVector lanes(int first) {
        return IntVector.fromArray(I, BIT_INDEX, first);
    }
}
