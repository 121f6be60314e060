package org.falconc.runtime.gemm;

/**
 * The compacted GEMM of one output tile of a sparse (decomposed) convolution: {@code C[rows, n0..n1)
 * = epi(A[rows, ranges] x B[ranges, n0..n1))}, where {@code ranges} are the K ranges of the live
 * units (input-channel groups). Only those rows of B are packed, back to back, into the panel, and
 * the micro-kernel runs {@link MicroKernel#computeIndexed} on the matching rows of the k-major A
 * panels (gathered through a K index), so skipped units cost nothing. K is blocked by {@link GemmDriver#KC_MAX} over the
 * compacted depth, columns by {@link GemmDriver#NC_MAX}. A tile with no live K range stores the
 * epilogue alone ({@code act(bias + residual)}, and its mask).
 */
public final class CompactedGemm {

    private CompactedGemm() {
    }

    /** Floats of B panel scratch {@link #runTile} needs for a tile of {@code cols} columns. */
    public static int panelFloats(MicroKernel kernel, int cols) {
        int nr = kernel.nr();
        int chunk = Math.min(cols, GemmDriver.NC_MAX);
        return GemmDriver.KC_MAX * ((chunk + nr - 1) / nr) * nr;
    }

    /** Ints of the K index scratch of {@link #runTile}. */
    public static int indexLength() {
        return GemmDriver.KC_MAX;
    }

    /** Floats of the accumulator tile scratch of {@link #runTile}. */
    public static int tileFloats(MicroKernel kernel) {
        return PackedMatrix.MR * kernel.nr() + 64;
    }

    /**
     * Runs one tile: rows of A panels {@code [pLo, pHi)}, columns {@code [n0, n1)} of problem
     * {@code batch}, C at {@code c[cBase + row * ldc + col]}.
     *
     * @param ranges      {@code nRanges} K ranges {@code [ranges[2q], ranges[2q + 1])} of A, ascending
     * @param bPanel      scratch of at least {@link #panelFloats} floats
     * @param tile        scratch of at least {@link #tileFloats} floats
     * @param blockRanges scratch of at least {@code 2 * nRanges} ints
     * @param kIndex      scratch of at least {@link GemmDriver#KC_MAX} ints
     */
    public static void runTile(MicroKernel kernel, PackedMatrix a, BPanelSource src, int batch,
                               int[] ranges, int nRanges, int n0, int n1, int pLo, int pHi,
                               float[] c, int cBase, int ldc, GemmEpilogue epi,
                               float[] bPanel, float[] tile, int[] blockRanges, int[] kIndex) {
        int nr = kernel.nr();
        int mr = PackedMatrix.MR;
        int m = a.rows();
        int panelStride = a.panelStride();
        float[] ad = a.data;
        int total = 0;
        for (int q = 0; q < nRanges; q++) {
            total += ranges[2 * q + 1] - ranges[2 * q];
        }
        if (total == 0) {
            java.util.Arrays.fill(tile, 0, mr * nr, 0f);
            for (int col = n0; col < n1; col += nr) {
                int cols = Math.min(nr, n1 - col);
                for (int p = pLo; p < pHi; p++) {
                    int row0 = p * mr;
                    kernel.store(tile, c, cBase + row0 * ldc + col, ldc, Math.min(mr, m - row0), cols,
                            false, true, epi, row0);
                }
            }
            return;
        }
        int kBlocks = (total + GemmDriver.KC_MAX - 1) / GemmDriver.KC_MAX;
        int kcStep = (total + kBlocks - 1) / kBlocks;
        for (int nc0 = n0; nc0 < n1; nc0 += GemmDriver.NC_MAX) {
            int nc1 = Math.min(n1, nc0 + GemmDriver.NC_MAX);
            int q = 0;
            int qk = ranges[0];
            for (int done = 0; done < total; ) {
                int kc = Math.min(kcStep, total - done);
                // The block's pieces of the ranges, in order.
                int nb = 0;
                int need = kc;
                while (need > 0) {
                    int end = ranges[2 * q + 1];
                    int take = Math.min(need, end - qk);
                    if (take > 0) {
                        blockRanges[2 * nb] = qk;
                        blockRanges[2 * nb + 1] = qk + take;
                        nb++;
                        qk += take;
                        need -= take;
                    }
                    if (qk == end && ++q < nRanges) {
                        qk = ranges[2 * q];
                    }
                }
                int stripStride = kc * nr;
                for (int i = 0, rows = 0; i < nb; i++) {
                    int k0 = blockRanges[2 * i];
                    int k1 = blockRanges[2 * i + 1];
                    src.pack(batch, k0, k1, nc0, nc1, bPanel, rows * nr, stripStride, nr);
                    for (int k = k0; k < k1; k++) {
                        kIndex[rows++] = k;
                    }
                }
                boolean acc = done > 0;
                done += kc;
                boolean finish = done == total;
                for (int col = nc0, strip = 0; col < nc1; col += nr, strip++) {
                    int cols = Math.min(nr, nc1 - col);
                    int bOff = strip * stripStride;
                    for (int p = pLo; p < pHi; p++) {
                        int row0 = p * mr;
                        kernel.computeIndexed(ad, a.base + p * panelStride, kIndex, 0, kc, bPanel, bOff, tile);
                        kernel.store(tile, c, cBase + row0 * ldc + col, ldc, Math.min(mr, m - row0), cols,
                                acc, finish, epi, row0);
                    }
                }
            }
        }
    }
}
