package org.falconc.runtime.ops;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PixelCombiner} on the Vector API: one vector of channels at a time, folded over all pixels
 * in a register and stored once. FloatVector.max is Math.max lane-wise, so the bits equal the
 * scalar loops'. Only loaded by {@link PixelCombiners} when jdk.incubator.vector is present.
 */
final class VectorPixelCombiner implements PixelCombiner {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /**
     * Doubles of the preferred shape: a float vector's lower and upper halves each convert to one (F2D
     * parts 0 and 1). No second float species: FloatVector's methods are shared by every caller in the
     * JVM, and a second float shape in their type profiles (this class once loaded half-width float
     * vectors) made C2 on JDK 17 compile the convolution kernels with their FMAs on the Java fallback
     * (ResNet-20: 9-25 ms per inference instead of 1.0 ms, measured on Zen 5).
     */
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int LD = D.length();
    /** The lanes of the upper half of a float vector. */
    /** A float vector is two double vectors (equal preferred shapes, as on every platform we know). */
    private static final boolean PAIRED = 2 * LD == L;
    private static final VectorMask<Float> UPPER = VectorMask.fromLong(S, ((1L << L) - 1) & ~((1L << LD) - 1));

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
        for (; PAIRED && ch <= c - L; ch += L) {
            DoubleVector lo = DoubleVector.zero(D);
            DoubleVector hi = DoubleVector.zero(D);
            for (int i = 0; i < count; i++) {
                FloatVector v = FloatVector.fromArray(S, x, pixels[i] + ch);
                lo = lo.add((DoubleVector) v.convertShape(VectorOperators.F2D, D, 0));
                hi = hi.add((DoubleVector) v.convertShape(VectorOperators.F2D, D, 1));
            }
            FloatVector low = (FloatVector) lo.div(divisor).convertShape(VectorOperators.D2F, S, 0);
            FloatVector high = (FloatVector) hi.div(divisor).convertShape(VectorOperators.D2F, S, -1);
            low.blend(high, UPPER).intoArray(y, dst + ch);
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
