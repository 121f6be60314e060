package org.falconc.runtime.ops;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PixelCombiner} on the Vector API: one vector of channels at a time, folded over all pixels
 * in a register and stored once. FloatVector.max is Math.max lane-wise, so the bits equal the
 * scalar loops'. Only loaded by {@link PixelCombiners} when jdk.incubator.vector is present.
 */
final class VectorPixelCombiner implements PixelCombiner {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Doubles of the preferred shape, and floats as many per vector (half as wide) for F2D. */
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> HALF = VectorSpecies.of(float.class,
            VectorShape.forBitSize(D.length() * Float.SIZE));
    private static final int LD = D.length();

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
    public void averageOfPixels(float[] x, int[] pixels, int count, double divisor, float[] y, int dst, int c,
                                double[] sums) {
        // Lane-wise the same double operations in the same order as the scalar loops: F2D is exact,
        // the final D2F rounds to nearest as the (float) cast does.
        int ch = 0;
        for (; ch <= c - LD; ch += LD) {
            DoubleVector sum = DoubleVector.zero(D);
            for (int i = 0; i < count; i++) {
                FloatVector v = FloatVector.fromArray(HALF, x, pixels[i] + ch);
                sum = sum.add((DoubleVector) v.convertShape(VectorOperators.F2D, D, 0));
            }
            ((FloatVector) sum.div(divisor).convertShape(VectorOperators.D2F, HALF, 0)).intoArray(y, dst + ch);
        }
        for (; ch < c; ch++) {
            double sum = 0;
            for (int i = 0; i < count; i++) {
                sum += x[pixels[i] + ch];
            }
            y[dst + ch] = (float) (sum / divisor);
        }
    }

    @Override
    public String name() {
        return "vector (" + S + ")";
    }
}
