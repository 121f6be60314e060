package org.falconc.runtime.gemm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.falconc.runtime.Approx;
import org.junit.jupiter.api.Test;

/** {@link MicroKernel#computeIndexed} (the compacted GEMM's kernel) against a naive sum. */
class ComputeIndexedTest {

    private static MicroKernel[] kernels() {
        return new MicroKernel[] {MicroKernels.best(), MicroKernels.scalar()};
    }

    @Test
    void gatheredRowsMatchNaive() {
        Random rnd = new Random(5);
        int mr = PackedMatrix.MR;
        for (MicroKernel kernel : kernels()) {
            int nr = kernel.nr();
            for (int trial = 0; trial < 200; trial++) {
                int depth = 1 + rnd.nextInt(300);
                int rows = 1 + rnd.nextInt(2 * mr);
                float[] w = Approx.random(rnd, rows * depth);
                PackedMatrix a = PackedMatrix.pack(w, 0, rows, depth, depth);
                // Random ascending disjoint ranges (some empty, some adjacent).
                int[] ranges = new int[2 * (depth + 1)];
                int nRanges = 0;
                int k = rnd.nextInt(3);
                while (k < depth && rnd.nextInt(6) != 0) {
                    int len = rnd.nextInt(Math.min(40, depth - k) + 1);
                    ranges[2 * nRanges] = k;
                    ranges[2 * nRanges + 1] = k + len;
                    nRanges++;
                    k += len + rnd.nextInt(3);
                }
                int total = 0;
                for (int q = 0; q < nRanges; q++) {
                    total += ranges[2 * q + 1] - ranges[2 * q];
                }
                int bOff = rnd.nextInt(7);
                float[] b = Approx.random(rnd, bOff + total * nr + 3);
                int panel = rnd.nextInt(a.panels());
                float[] tile = new float[mr * nr + 64];
                java.util.Arrays.fill(tile, Float.NaN);
                int[] index = new int[total];
                for (int q = 0, kk = 0; q < nRanges; q++) {
                    for (int kq = ranges[2 * q]; kq < ranges[2 * q + 1]; kq++) {
                        index[kk++] = kq;
                    }
                }
                kernel.computeIndexed(a.data, a.base + panel * a.panelStride(), index, 0, total, b, bOff, tile);
                for (int r = 0; r < mr; r++) {
                    for (int j = 0; j < nr; j++) {
                        double e = 0;
                        int kk = 0;
                        for (int q = 0; q < nRanges; q++) {
                            for (int kq = ranges[2 * q]; kq < ranges[2 * q + 1]; kq++, kk++) {
                                int row = panel * mr + r;
                                double av = row < rows ? w[row * depth + kq] : 0;
                                e += av * b[bOff + kk * nr + j];
                            }
                        }
                        double got = tile[r * nr + j];
                        if (!(Math.abs(got - e) <= 1e-4 * Math.sqrt(total + 1) * (1 + Math.abs(e)))) {
                            fail(kernel.name() + " trial " + trial + " [" + r + ", " + j + "] expected " + e
                                    + " got " + got);
                        }
                    }
                }
            }
        }
    }

    @Test
    void contiguousIndexEqualsCompute() {
        Random rnd = new Random(6);
        int mr = PackedMatrix.MR;
        for (MicroKernel kernel : kernels()) {
            int nr = kernel.nr();
            int depth = 77;
            PackedMatrix a = PackedMatrix.pack(Approx.random(rnd, mr * depth), 0, mr, depth, depth);
            float[] b = Approx.random(rnd, 40 * nr);
            float[] t1 = new float[mr * nr];
            float[] t2 = new float[mr * nr];
            kernel.compute(a.data, a.base + 10 * mr, b, 0, 40, t1);
            int[] index = new int[45];
            for (int k = 0; k < 40; k++) {
                index[5 + k] = 10 + k;
            }
            kernel.computeIndexed(a.data, a.base, index, 5, 40, b, 0, t2);
            assertArrayEquals(t1, t2, kernel.name());
        }
    }
}
