package org.falconc.runtime.gemm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.falconc.runtime.Approx;
import org.falconc.runtime.Epilogue;
import org.junit.jupiter.api.Test;

/** The kernels' fused stores (vector rows and scalar edges): activation values. */
class StoreEpilogueTest {

    @Test
    void storesApplyActivation() {
        Random rnd = new Random(9);
        int mr = PackedMatrix.MR;
        int[] acts = {Epilogue.NONE, Epilogue.RELU, Epilogue.CLIP, Epilogue.LEAKY_RELU, Epilogue.HARD_SWISH,
            Epilogue.SIGMOID, Epilogue.THRESHOLDED_RELU};
        for (MicroKernel kernel : new MicroKernel[] {MicroKernels.best(), MicroKernels.scalar()}) {
            int nr = kernel.nr();
            for (int trial = 0; trial < 300; trial++) {
                int act = acts[trial % acts.length];
                float p0 = act == Epilogue.THRESHOLDED_RELU ? 0.25f : Approx.p0(act);
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
                float[] bias = trial % 2 == 0 ? null : new float[planes];
                float[] residual = trial % 3 == 1 ? Approx.random(rnd, cOrigin + planes * ldc) : null;
                boolean accumulate = trial % 6 == 5;
                float[] c0 = Approx.random(rnd, cOrigin + planes * ldc + 1);
                GemmEpilogue plain = new GemmEpilogue(bias, 0, residual, 0, act, p0, p1);
                float[] expected = c0.clone();
                float[] actual = c0.clone();
                int cOff = cOrigin + row0 * ldc + col0;
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < cols; j++) {
                        plain.store(tile[r * nr + j], expected, cOff + r * ldc + j, accumulate, true, row0 + r);
                    }
                }
                kernel.store(tile, actual, cOff, ldc, rows, cols, accumulate, true, plain, row0);
                String what = kernel.name() + " trial " + trial + " act " + act;
                for (int i = 0; i < expected.length; i++) {
                    float e = expected[i];
                    float a = actual[i];
                    // The vector HardSwish rounds once less (fma): allow an ulp or so.
                    if (!(Float.compare(e, a) == 0 || Math.abs(e - a) <= 1e-6f * (1 + Math.abs(e)))) {
                        assertEquals(e, a, what + " element " + i);
                    }
                }
            }
        }
    }

    @Test
    void thresholdedReluVectorActivation() {
        // A full vector tile through the vector store, every value vs the scalar definition.
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
