package org.falconc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Both copies of erf, the reference interpreter's and the runtime's (the runtime depends on the JDK
 * only, so they cannot share one), against erf computed to 40 digits with mpmath at the exact double
 * argument: within 32 double ulps (the series' rounding grows with its term count: about 15 ulps near
 * |x| = 5), and the f32 Erf op correctly rounded.
 */
class ErfTest {
    /** {x, erf(x)}: mpmath.erf(mpf(x)) at 40 digits, printed to 22. */
    private static final double[][] TABLE = {
        {1e-300, 1.128379167095512602172e-300},
        {1e-10, 1.128379167095512615002e-10},
        {1e-05, 1.128379167057900027299e-5},
        {0.001, 0.001128378790969236403438},
        {0.01, 0.01128341555584961715078},
        {0.1, 0.1124629160182848984047},
        {0.2, 0.2227025892104784661765},
        {0.25, 0.2763263901682369329851},
        {0.5, 0.5204998778130465376827},
        {0.75, 0.7111556336535151315989},
        {0.9, 0.7969082124228321396647},
        {1.0, 0.8427007929497148693412},
        {1.25, 0.9229001282564582301365},
        {1.5, 0.966105146475310727067},
        {1.75, 0.9866716712191824437722},
        {2.0, 0.9953222650189527341621},
        {2.25, 0.9985372834133188483021},
        {2.5, 0.9995930479825550410604},
        {2.75, 0.9998993780778803631631},
        {3.0, 0.9999779095030014145586},
        {3.5, 0.9999992569016276585873},
        {4.0, 0.99999998458274209972},
        {4.5, 0.9999999998033839558457},
        {5.0, 0.9999999999984625402056},
        {5.5, 0.9999999999999926421521},
        {5.9, 0.9999999999999999280959},
        {5.99, 0.9999999999999999756995},
        {6.0, 0.9999999999999999784803},
        {6.5, 0.9999999999999999999616},
        {8.0, 1.0},
        {27.0, 1.0},
    };

    private static final DoubleUnaryOperator[] IMPLEMENTATIONS = {
        org.falconc.interp.tensor.Erf::erf, Erf::erf,
    };
    private static final String[] NAMES = {"interpreter", "runtime"};

    /** The double error bound, in ulps of the exact value: 2^29 times below a float ulp. */
    private static final double ULPS = 32;

    @Test
    void matchesHighPrecisionValues() {
        for (int impl = 0; impl < IMPLEMENTATIONS.length; impl++) {
            for (double[] row : TABLE) {
                for (double sign : new double[] {1, -1}) {
                    double x = sign * row[0];
                    double exact = sign * row[1];
                    double got = IMPLEMENTATIONS[impl].applyAsDouble(x);
                    assertTrue(Math.abs(got - exact) <= ULPS * Math.ulp(exact),
                            NAMES[impl] + " erf(" + x + ") = " + got + ", exact " + exact + ": "
                                    + Math.abs(got - exact) / Math.ulp(exact) + " ulps");
                }
            }
        }
    }

    @Test
    void specialArguments() {
        for (int impl = 0; impl < IMPLEMENTATIONS.length; impl++) {
            DoubleUnaryOperator erf = IMPLEMENTATIONS[impl];
            assertEquals(0.0, erf.applyAsDouble(0.0), NAMES[impl]);
            assertEquals(-0.0, erf.applyAsDouble(-0.0), NAMES[impl]); // odd: the sign of zero stays
            assertEquals(1.0, erf.applyAsDouble(Double.POSITIVE_INFINITY), NAMES[impl]);
            assertEquals(-1.0, erf.applyAsDouble(Double.NEGATIVE_INFINITY), NAMES[impl]);
            assertEquals(1.0, erf.applyAsDouble(Double.MAX_VALUE), NAMES[impl]);
            assertTrue(Double.isNaN(erf.applyAsDouble(Double.NaN)), NAMES[impl]);
        }
    }

    @Test
    void erfOpRoundsToTheNearestFloat() {
        float[] x = new float[2 * TABLE.length];
        for (int i = 0; i < TABLE.length; i++) {
            x[2 * i] = (float) TABLE[i][0];
            x[2 * i + 1] = -(float) TABLE[i][0];
        }
        float[] runtime = new float[x.length];
        Unary.floats(UnaryOp.ERF, 0, 0, x, 0, runtime, 0, x.length);
        float[] interpreter = Oracle.run("Erf", a -> { }, 1, Oracle.floats(new int[] {x.length}, x)).get(0).floats();
        for (int i = 0; i < TABLE.length; i++) {
            if ((float) TABLE[i][0] != TABLE[i][0]) {
                continue; // the table's x is not a float: no exact value for the float argument
            }
            for (int s = 0; s < 2; s++) {
                float exact = (float) ((s == 0 ? 1 : -1) * TABLE[i][1]);
                assertEquals(exact, runtime[2 * i + s], "runtime Erf op of " + x[2 * i + s]);
                assertEquals(exact, interpreter[2 * i + s], "interpreter Erf op of " + x[2 * i + s]);
            }
        }
    }
}
