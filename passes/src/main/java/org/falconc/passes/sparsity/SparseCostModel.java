package org.falconc.passes.sparsity;

/**
 * The cost model of schedule-sparsity, in abstract cycles. Dense: MACs / rate, plus packing the
 * im2col matrix (one cycle per element) unless the convolution is 1x1, stride 1, unpadded (read in
 * place). Sparse: live * MACs / rate, plus packing the live rows (always, 1x1 too), plus the mask
 * checks (every channel of a conv group checks every block its tile covers), plus overheads per tile
 * (one compacted GEMM per tile), per unit (loop) and per live range (a run of consecutive live units
 * packed as one K range; expected count tiles + units * live * (1 - live)). A layer goes sparse only
 * when its best sparse cost is below {@link #SPARSE_MARGIN} x the dense cost.
 */
public final class SparseCostModel {
    /** MACs per cycle of the GEMM micro-kernel. */
    public static final double MACS_PER_CYCLE = 16;
    /** Cycles per packed element. */
    public static final double PACK = 1;
    /** Cycles per (channel, block) mask check. */
    public static final double CHECK = 1;
    public static final double PER_TILE = 64;
    public static final double PER_UNIT = 2;
    public static final double PER_RANGE = 32;
    /** Columns of the micro-kernel's tile: a unit tile narrower than this leaves the rest of it idle. */
    public static final int KERNEL_COLUMNS = 32;
    /** Sparse must beat dense by 3%. */
    public static final double SPARSE_MARGIN = 0.97;

    private SparseCostModel() {
    }

    public static double dense(SparseConvGeometry g) {
        double cost = g.denseMacs() / MACS_PER_CYCLE;
        if (g.im2col()) {
            cost += g.im2colElements() * PACK;
        }
        return cost;
    }

    /** Sparse cost with unit {@code u} whose live fraction is {@code live}; input mask block {@code block}. */
    public static double sparse(SparseConvGeometry g, Unit u, double live, int block) {
        long perGroup = (long) g.batch * g.group;
        int[][] covered = g.coveredBlocksPerTile(u.pixels(), block);
        long coveredBlocks = 0;
        for (int[] c : covered) {
            coveredBlocks += c.length;
        }
        double tiles = (double) perGroup * covered.length;
        double units = tiles * ((g.channelsPerGroup + u.channels() - 1) / u.channels());
        double checks = (double) perGroup * g.channelsPerGroup * coveredBlocks;
        double ranges = (live > 0 ? tiles : 0) + units * live * (1 - live);
        double narrow = Math.max(1.0, (double) KERNEL_COLUMNS / u.pixels());
        return live * g.denseMacs() / MACS_PER_CYCLE * narrow
                + live * g.im2colElements() * PACK * narrow
                + checks * CHECK
                + tiles * PER_TILE
                + units * PER_UNIT
                + ranges * PER_RANGE;
    }

    /**
     * The live fraction assumed for a unit when there is no calibration: 1, so without measured
     * sparsity every layer stays dense. Where zeros fall depends on the inputs, and a sparse layer whose
     * units are all live costs more than the dense one (masks, packing per tile), so the scheduler
     * only goes sparse on evidence: statistics measured by --calibrate (which also times the
     * chosen layers against dense).
     */
    public static double priorLive(Unit u, boolean readsGraphInput) {
        return 1.0;
    }

    private static double log2(int v) {
        return 31 - Integer.numberOfLeadingZeros(v);
    }
}
