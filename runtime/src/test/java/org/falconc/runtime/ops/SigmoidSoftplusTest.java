package org.falconc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Sigmoid and Softplus of the runtime ({@link Unary}) and of the reference interpreter (which keep
 * separate copies: the runtime depends on the JDK only) against values computed to 50 digits with
 * mpmath, extreme arguments included, and against plain double formulas on random arguments.
 */
class SigmoidSoftplusTest {
    /** {x, 1 / (1 + e^-x), ln(1 + e^x)}: mpmath at 50 digits, printed to 22. */
    private static final double[][] TABLE = {
        {0.0, 0.5, 0.6931471805599453094172},
        {1e-08, 0.5000000025, 0.6931471855599453219172},
        {-1e-08, 0.4999999975, 0.6931471755599453219172},
        {0.5, 0.6224593312018545646389, 0.974076984180106680873},
        {-0.5, 0.3775406687981454353611, 0.474076984180106680873},
        {1.0, 0.7310585786300048792512, 1.313261687518222834049},
        {-1.0, 0.2689414213699951207488, 0.313261687518222834049},
        {2.0, 0.8807970779778824440597, 2.126928011042972496444},
        {-2.0, 0.1192029220221175559403, 0.1269280110429724964437},
        {5.0, 0.9933071490757151444406, 5.006715348489118068616},
        {-5.0, 0.006692850924284855559362, 0.006715348489118068616417},
        {10.0, 0.9999546021312975656055, 1.000004539889921686465e+1},
        {-10.0, 4.539786870243439450478e-5, 4.539889921686464676949e-5},
        {15.0, 0.9999996940977730743753, 1.500000030590227371372e+1},
        {-15.0, 3.059022269256247251468e-7, 3.05902273713720485897e-7},
        {17.0, 0.9999999586006245260567, 1.70000000413993763309e+1},
        {-17.0, 4.139937547394330600924e-8, 4.139937633089747447708e-8},
        {20.0, 0.9999999979388463818098, 2.000000000206115362031e+1},
        {-20.0, 2.061153618190203581431e-9, 2.061153620314380703239e-9},
        {30.0, 0.9999999999999064237703, 3.000000000000009357623e+1},
        {-30.0, 9.35762296883929895384e-14, 9.357622968839736779378e-14},
        {40.0, 0.9999999999999999957516, 4.000000000000000000425e+1},
        {-40.0, 4.248354255291588977281e-18, 4.248354255291588986305e-18},
        {80.0, 1.0, 8.0e+1},
        {-80.0, 1.804851387845415172312e-35, 1.804851387845415298678e-35},
        {88.0, 1.0, 8.8e+1},
        {-88.0, 6.054601895401185884532e-39, 6.054601895401188362987e-39},
        {89.0, 1.0, 8.9e+1},
        {-89.0, 2.227363561795743739223e-39, 2.227363561796032834345e-39},
        {100.0, 1.0, 1.0e+2},
        {-100.0, 3.72007597602083596296e-44, 3.720076068853569113639e-44},
        {104.0, 1.0, 1.04e+2},
        {-104.0, 6.813556821545298513418e-46, 6.813545437202529750924e-46},
        {110.0, 1.0, 1.1e+2},
        {-110.0, 1.688911880224532335164e-48, 1.689187296778267648361e-48},
        {10000.0, 1.0, 1.0e+4},
        {-10000.0, 0.0, 0.0}, // 1.1e-4343: 0 in double
    };

    /** Both implementations of the f32 op {@code onnxName} on {@code x}: {runtime, interpreter}. */
    private static float[][] run(String onnxName, float[] x) {
        float[] runtime = new float[x.length];
        Unary.floats(UnaryOp.code(onnxName), 0, 0, x, 0, runtime, 0, x.length);
        float[] interpreter = Oracle.run(onnxName, a -> { }, 1, Oracle.floats(new int[] {x.length}, x)).get(0).floats();
        return new float[][] {runtime, interpreter};
    }

    private static final String[] WHO = {"runtime", "interpreter"};

    @Test
    void correctlyRoundedOnTheTable() {
        float[] x = new float[TABLE.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) TABLE[i][0]; // every table argument is a float
        }
        for (int column = 1; column <= 2; column++) {
            String op = column == 1 ? "Sigmoid" : "Softplus";
            float[][] got = run(op, x);
            for (int w = 0; w < 2; w++) {
                for (int i = 0; i < x.length; i++) {
                    assertEquals((float) TABLE[i][column], got[w][i], WHO[w] + " " + op + "(" + x[i] + ")");
                }
            }
        }
    }

    @Test
    void specialArguments() {
        float[] x = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, Float.MAX_VALUE, -Float.MAX_VALUE,
            Float.MIN_VALUE};
        float[][] sigmoid = run("Sigmoid", x);
        float[][] softplus = run("Softplus", x);
        for (int w = 0; w < 2; w++) {
            assertTrue(Float.isNaN(sigmoid[w][0]) && Float.isNaN(softplus[w][0]), WHO[w] + ": NaN propagates");
            assertEquals(1f, sigmoid[w][1], WHO[w]);
            assertEquals(Float.POSITIVE_INFINITY, softplus[w][1], WHO[w]);
            assertEquals(0f, sigmoid[w][2], WHO[w]);
            assertEquals(0f, softplus[w][2], WHO[w]);
            assertEquals(0.5f, sigmoid[w][3], WHO[w]);
            assertEquals((float) Math.log(2), softplus[w][3], WHO[w]);
            assertEquals(1f, sigmoid[w][4], WHO[w]);
            assertEquals(Float.MAX_VALUE, softplus[w][4], WHO[w]);
            assertEquals(0f, sigmoid[w][5], WHO[w]);
            assertEquals(0f, softplus[w][5], WHO[w]);
            assertEquals(0.5f, sigmoid[w][6], WHO[w]);
            assertEquals((float) Math.log(2), softplus[w][6], WHO[w]);
        }
    }

    @Test
    void withinAnUlpOfDoubleFormulasOnRandomArguments() {
        Random rnd = new Random(8);
        float[] x = new float[4000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextGaussian() * (i % 4 == 0 ? 40 : 6));
        }
        float[][] sigmoid = run("Sigmoid", x);
        float[][] softplus = run("Softplus", x);
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            // 1 / (1 + e^-v) has no cancellation for any v (e^-v overflowing to +inf gives 0)
            double s = 1 / (1 + Math.exp(-v));
            // ln(1 + e^v) = max(v, 0) + ln(1 + e^-|v|), the last term by log1p as it is small
            double p = Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
            for (int w = 0; w < 2; w++) {
                assertTrue(Math.abs(sigmoid[w][i] - s) <= Math.ulp((float) s), WHO[w] + " Sigmoid(" + v + ") = "
                        + sigmoid[w][i] + ", expected " + s);
                assertTrue(Math.abs(softplus[w][i] - p) <= Math.ulp((float) p), WHO[w] + " Softplus(" + v + ") = "
                        + softplus[w][i] + ", expected " + p);
            }
        }
    }
}
