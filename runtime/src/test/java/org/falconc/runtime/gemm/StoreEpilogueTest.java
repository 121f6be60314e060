package org.falconc.runtime.gemm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.falconc.runtime.Approx;
import org.falconc.runtime.Epilogue;
import org.falconc.runtime.KernelTolerance;
import org.junit.jupiter.api.Test;

/**
 * The kernels' fused stores (vector rows and scalar edges) and the scalar {@link GemmEpilogue#store}
 * against a plain loop: c = act((accumulate ? c : 0) + acc + bias[row] + residual), the activation from
 * its ONNX definition.
 */
class StoreEpilogueTest {

    /** A store of one tile through {@code kernel} (null: element by element through GemmEpilogue.store). */
    private static void store(MicroKernel kernel, float[] tile, int nr, float[] c, int cOff, int ldc, int rows,
                              int cols, boolean accumulate, boolean finish, GemmEpilogue epi, int row0) {
        if (kernel != null) {
            kernel.store(tile, c, cOff, ldc, rows, cols, accumulate, finish, epi, row0);
            return;
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                epi.store(tile[r * nr + j], c, cOff + r * ldc + j, accumulate, finish, row0 + r);
            }
        }
    }

    @Test
    void storesAddBiasAndResidualThenApplyTheActivation() {
        Random rnd = new Random(9);
        int mr = PackedMatrix.MR;
        for (MicroKernel kernel : new MicroKernel[] {MicroKernels.best(), MicroKernels.scalar(), null}) {
            int nr = kernel == null ? MicroKernels.best().nr() : kernel.nr();
            String name = kernel == null ? "GemmEpilogue.store" : kernel.name();
            for (int trial = 0; trial < 300; trial++) {
                int act = Approx.ACTIVATIONS[trial % Approx.ACTIVATIONS.length];
                float p0 = Approx.p0(act);
                float p1 = Approx.p1(act);
                int ldc = nr + rnd.nextInt(3 * nr);       // pixels of a plane
                int planes = mr + 2;
                int rows = trial % 3 == 0 ? 1 + rnd.nextInt(mr) : mr;
                int cols = trial % 4 == 0 ? 1 + rnd.nextInt(nr) : nr;
                int col0 = rnd.nextInt(ldc - cols + 1);
                int row0 = rnd.nextInt(planes - rows + 1);
                int cOrigin = 3;
                float[] tile = Approx.random(rnd, mr * nr + 64);
                for (int i = 0; i < tile.length; i++) {
                    if (rnd.nextInt(3) == 0) {
                        tile[i] = 0f;
                    }
                }
                if (trial % 5 == 0) {
                    tile[rnd.nextInt(mr * nr)] = Float.NaN;
                }
                float[] bias = trial % 2 == 0 ? null : Approx.random(rnd, planes);
                float[] residual = trial % 3 == 1 ? Approx.random(rnd, cOrigin + planes * ldc) : null;
                boolean accumulate = trial % 6 == 5;
                boolean finish = trial % 7 != 6;
                float[] c0 = Approx.random(rnd, cOrigin + planes * ldc + 1);
                float[] c = c0.clone();
                int cOff = cOrigin + row0 * ldc + col0;
                store(kernel, tile, nr, c, cOff, ldc, rows, cols, accumulate, finish,
                        new GemmEpilogue(bias, 0, residual, 0, act, p0, p1), row0);
                String what = name + " trial " + trial + " act " + act + " finish " + finish;
                for (int i = 0; i < c.length; i++) {
                    int r = Math.floorDiv(i - cOff, ldc);
                    int j = i - cOff - r * ldc;
                    if (r < 0 || r >= rows || j < 0 || j >= cols) {
                        assertEquals(Float.floatToIntBits(c0[i]), Float.floatToIntBits(c[i]), what + " wrote " + i);
                        continue;
                    }
                    // the exact sum of the addends, its magnitude and count
                    double[] addends = {
                        tile[r * nr + j],
                        accumulate ? c0[i] : 0,
                        finish && bias != null ? bias[row0 + r] : 0,
                        finish && residual != null ? residual[i] : 0,
                    };
                    double exact = 0;
                    double magnitude = 0;
                    int count = 0;
                    for (double v : addends) {
                        exact += v;
                        magnitude += Math.abs(v);
                        count += v != 0 ? 1 : 0;
                    }
                    double error = count <= 1 ? 0 : KernelTolerance.gamma(count - 1) * magnitude;
                    int applied = finish ? act : Epilogue.NONE;
                    if (!KernelTolerance.admits(applied, p0, p1, exact, error, c[i])) {
                        fail(what + " row " + r + " col " + j + ": addends " + java.util.Arrays.toString(addends)
                                + " got " + c[i]);
                    }
                }
            }
        }
    }

    @Test
    void thresholdedReluVectorActivation() {
        // A full vector tile through the vector store, every value vs the definition (x > alpha ? x : 0).
        MicroKernel kernel = MicroKernels.best();
        int nr = kernel.nr();
        int mr = PackedMatrix.MR;
        float[] tile = new float[mr * nr];
        for (int i = 0; i < tile.length; i++) {
            tile[i] = (i % 7 - 3) * 0.25f; // hits the threshold exactly too
        }
        float[] c = new float[mr * nr];
        GemmEpilogue epi = new GemmEpilogue(null, 0, null, 0, Epilogue.THRESHOLDED_RELU, 0.25f, 0f);
        kernel.store(tile, c, 0, nr, mr, nr, false, true, epi, 0);
        for (int i = 0; i < tile.length; i++) {
            assertEquals(tile[i] > 0.25f ? tile[i] : 0f, c[i], "element " + i);
        }
    }
}
