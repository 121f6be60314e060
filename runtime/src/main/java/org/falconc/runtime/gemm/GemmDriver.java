package org.falconc.runtime.gemm;

import org.falconc.runtime.parallel.ExecutionContext;

/**
 * Blocking and parallel schedule of a (batched) GEMM {@code C_b[M, N] = A_g[M, K] x B_b[K, N]}.
 *
 * <p>Work is cut into tasks of (problem, block of MC rows, chunk of NC columns), handed out
 * dynamically by the pool. A task walks K in blocks of at most {@link #KC_MAX} (split evenly), packs
 * its KC x NC block of B into NR-wide strips in its lane's scratch (so B is read from memory once
 * per block and then from L2), and for each strip runs the micro-kernel down the MR-row panels of
 * its rows: the strip (KC x NR, 32 KB) stays in L1, the A block (MC x KC) in L2. The first K block
 * stores, later ones accumulate, the last one applies the epilogue, so C is touched once per block.
 */
final class GemmDriver {

    /** Largest K block: a KC x NR strip (32 KB for NR = 32) fits L1 beside the A panel slice. */
    static final int KC_MAX = 256;
    /** Widest column chunk per task: the packed B block KC_MAX x NC_MAX (256 KB) stays in L2. */
    static final int NC_MAX = 256;
    /** Largest B packed once and shared by the tasks of a row-split product (16 MB). */
    static final long SHARED_B_MAX_FLOATS = 4L << 20;
    /** Fewest rows per task when M is split for parallelism. */
    static final int MC_MIN = 32;

    private GemmDriver() {
    }

    /**
     * Runs {@code batches} independent problems. Problem b uses {@code a[b % a.length]} (groups),
     * B from {@code src} (batch index b), and C at {@code c[cOff + b * cBatchStride + m * ldc + n]};
     * the epilogue's bias is offset by {@code (b % a.length) * M} (per-group channels).
     *
     * @param k0, k1       the K range of A (and rows of B) to multiply; usually [0, K)
     * @param accumulate   add to C instead of overwriting it (for split-K callers)
     */
    static void run(ExecutionContext ctx, MicroKernel kernel, PackedMatrix[] a, int batches,
                    BPanelSource src, int n, int k0, int k1,
                    float[] c, int cOff, int cBatchStride, int ldc,
                    GemmEpilogue epi, boolean accumulate) {
        int m = a[0].rows();
        if (n <= 0 || m <= 0 || batches <= 0) {
            return;
        }
        if (k1 <= k0) {
            throw new IllegalArgumentException("empty K range [" + k0 + ", " + k1 + ")");
        }
        int nr = kernel.nr();
        int mr = PackedMatrix.MR;
        int threads = ctx.threads();
        int panels = (m + mr - 1) / mr;
        int strips = (n + nr - 1) / nr;

        int stripsPerChunk = Math.min(strips, NC_MAX / nr);
        int panelsPerBlock = panels;
        if (threads > 1) {
            // Aim for ~4 tasks per thread so dynamic scheduling absorbs uneven progress: first
            // split M (keeps B packing per task large), then narrow the column chunks.
            int target = 4 * threads;
            int tasks = ceilDiv(strips, stripsPerChunk) * batches;
            if (tasks < target) {
                int blocks = Math.min(ceilDiv(target, tasks), Math.max(1, panels * mr / MC_MIN));
                panelsPerBlock = ceilDiv(panels, blocks);
                tasks *= ceilDiv(panels, panelsPerBlock);
            }
            if (tasks < target) {
                int otherTasks = batches * ceilDiv(panels, panelsPerBlock);
                int chunksWanted = ceilDiv(target, otherTasks);
                stripsPerChunk = Math.max(1, ceilDiv(strips, chunksWanted));
            }
        }
        int nChunks = ceilDiv(strips, stripsPerChunk);
        int mBlocks = ceilDiv(panels, panelsPerBlock);
        int kBlocks = ceilDiv(k1 - k0, KC_MAX);
        int kcStep = ceilDiv(k1 - k0, kBlocks);
        int chunkCols = stripsPerChunk * nr;
        int panelsPerBlockF = panelsPerBlock;
        int groups = a.length;
        int tasks = batches * mBlocks * nChunks;
        GemmEpilogue[] groupEpi = new GemmEpilogue[groups];
        for (int g = 0; g < groups; g++) {
            groupEpi[g] = (g == 0 || epi.bias == null) ? epi : epi.withBiasOffset(epi.biasOff + g * m);
        }

        int kLen = k1 - k0;
        long sharedFloats = (long) batches * kLen * strips * nr;
        if (mBlocks > 1 && sharedFloats <= SHARED_B_MAX_FLOATS) {
            // Rows are split across tasks: every M block would pack the same B again (for an im2col
            // source, as costly as a good part of the product), so B is packed once, in parallel,
            // into one shared buffer that all tasks read.
            float[] shared = ctx.scratch(ScratchSlots.SHARED_B, (int) sharedFloats);
            int perBatch = kLen * strips * nr;
            int packChunks = Math.max(1, Math.min(strips, ceilDiv(2 * threads, batches * kBlocks)));
            int stripsPerPack = ceilDiv(strips, packChunks);
            ctx.pool().parallelFor(batches * kBlocks * packChunks, (task, lane) -> {
                int chunk = task % packChunks;
                int rest = task / packChunks;
                int kb = rest % kBlocks;
                int batch = rest / kBlocks;
                int ks = k0 + kb * kcStep;
                int ke = Math.min(k1, ks + kcStep);
                int kc = ke - ks;
                int sLo = chunk * stripsPerPack;
                int sHi = Math.min(strips, sLo + stripsPerPack);
                if (sLo < sHi) {
                    src.pack(batch, ks, ke, sLo * nr, Math.min(n, sHi * nr), shared,
                            batch * perBatch + (ks - k0) * strips * nr + sLo * kc * nr, kc * nr, nr);
                }
            });
            ctx.pool().parallelFor(tasks, (task, lane) -> {
                int chunk = task % nChunks;
                int rest = task / nChunks;
                int mBlock = rest % mBlocks;
                int batch = rest / mBlocks;
                int g = batch % groups;
                int nLo = chunk * chunkCols;
                int nHi = Math.min(n, nLo + chunkCols);
                int pLo = mBlock * panelsPerBlockF;
                int pHi = Math.min(panels, pLo + panelsPerBlockF);
                float[] tile = ctx.scratch(lane, ScratchSlots.TILE, mr * nr + 64);
                runBlockShared(kernel, a[g], k0, k1, kcStep, strips, nLo, nHi, pLo, pHi, c,
                        cOff + batch * cBatchStride, ldc, groupEpi[g], accumulate, shared, batch * perBatch, tile);
            });
            return;
        }

        ctx.pool().parallelFor(tasks, (task, lane) -> {
            int chunk = task % nChunks;
            int rest = task / nChunks;
            int mBlock = rest % mBlocks;
            int batch = rest / mBlocks;
            int g = batch % groups;
            PackedMatrix ag = a[g];
            GemmEpilogue e = groupEpi[g];
            int nLo = chunk * chunkCols;
            int nHi = Math.min(n, nLo + chunkCols);
            int pLo = mBlock * panelsPerBlockF;
            int pHi = Math.min(panels, pLo + panelsPerBlockF);
            float[] bPanel = ctx.scratch(lane, ScratchSlots.B_PANEL, kcStep * chunkCols);
            float[] tile = ctx.scratch(lane, ScratchSlots.TILE, mr * nr + 64);
            int cBase = cOff + batch * cBatchStride;
            runBlock(kernel, ag, src, batch, k0, k1, kcStep, nLo, nHi, pLo, pHi,
                    c, cBase, ldc, e, accumulate, bPanel, tile);
        });
    }

    /** {@link #runBlock} on B packed ahead into {@code shared} (K block at (ks - k0) x strips x nr, strip s at s x kc x nr). */
    static void runBlockShared(MicroKernel kernel, PackedMatrix a, int k0, int k1, int kcStep, int strips,
                               int nLo, int nHi, int pLo, int pHi, float[] c, int cBase, int ldc, GemmEpilogue epi,
                               boolean accumulate, float[] shared, int sharedBase, float[] tile) {
        int nr = kernel.nr();
        for (int ks = k0; ks < k1; ks += kcStep) {
            int kc = Math.min(k1, ks + kcStep) - ks;
            int firstStrip = sharedBase + (ks - k0) * strips * nr + (nLo / nr) * kc * nr;
            multiplyBlock(kernel, a, ks, kc, shared, firstStrip, nLo, nHi, pLo, pHi, c, cBase, ldc, epi,
                    accumulate || ks > k0, ks + kc == k1, tile);
        }
    }

    /** One task: rows of panels [pLo, pHi), columns [nLo, nHi), all K blocks. */
    static void runBlock(MicroKernel kernel, PackedMatrix a, BPanelSource src, int batch,
                         int k0, int k1, int kcStep, int nLo, int nHi, int pLo, int pHi,
                         float[] c, int cBase, int ldc, GemmEpilogue epi, boolean accumulate,
                         float[] bPanel, float[] tile) {
        int nr = kernel.nr();
        for (int ks = k0; ks < k1; ks += kcStep) {
            int ke = Math.min(k1, ks + kcStep);
            src.pack(batch, ks, ke, nLo, nHi, bPanel, nr);
            multiplyBlock(kernel, a, ks, ke - ks, bPanel, 0, nLo, nHi, pLo, pHi, c, cBase, ldc, epi,
                    accumulate || ks > k0, ke == k1, tile);
        }
    }

    /**
     * One K block [ks, ks + kc) of a task: for each packed B strip of columns [nLo, nHi) (strip i at
     * {@code b[firstStrip + i * kc * nr]}), the micro-kernel down the panels [pLo, pHi), then the store.
     */
    private static void multiplyBlock(MicroKernel kernel, PackedMatrix a, int ks, int kc, float[] b, int firstStrip,
                                      int nLo, int nHi, int pLo, int pHi, float[] c, int cBase, int ldc,
                                      GemmEpilogue epi, boolean acc, boolean finish, float[] tile) {
        int nr = kernel.nr();
        int mr = PackedMatrix.MR;
        int m = a.rows();
        int panelStride = a.panelStride();
        float[] ad = a.data;
        for (int n0 = nLo, bOff = firstStrip; n0 < nHi; n0 += nr, bOff += kc * nr) {
            int cols = Math.min(nr, nHi - n0);
            for (int p = pLo; p < pHi; p++) {
                int row0 = p * mr;
                int rows = Math.min(mr, m - row0);
                kernel.compute(ad, a.base + p * panelStride + ks * mr, b, bOff, kc, tile);
                kernel.store(tile, c, cBase + row0 * ldc + n0, ldc, rows, cols, acc, finish, epi, row0);
            }
        }
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
