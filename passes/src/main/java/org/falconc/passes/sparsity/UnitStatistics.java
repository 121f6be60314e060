package org.falconc.passes.sparsity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.falconc.interp.fused.FusedKernels;
import org.falconc.ir.DType;
import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.fused.DecomposedConvInference;
import org.falconc.ir.ops.fused.SparseAttrs;

/**
 * Calibration statistics of one DecomposedConv: for every candidate unit ({@link Unit#candidates}),
 * the fraction of live units over the captured inputs X, by exactly the rule of docs/sparsity.md
 * ("Which input blocks a tile reads"; the mask of X at the node's input_mask_block). Accumulates
 * counts over several inputs: the fraction is live units / all units over everything accumulated.
 */
public final class UnitStatistics {
    private final String nodeName;
    private final TensorType inputType;
    private final SparseConvGeometry geometry;
    private final int block;
    private final List<Unit> candidates;
    private final Map<Unit, long[]> counts = new LinkedHashMap<>(); // unit -> {live, total}
    private int samples;

    /** Statistics for {@code decomposedConv}, a DecomposedConv with typed inputs. */
    public UnitStatistics(Node decomposedConv) {
        if (!decomposedConv.op().equals(DecomposedConvInference.OP)) {
            throw IrException.atNode(decomposedConv, "unit statistics are measured for DecomposedConv nodes");
        }
        nodeName = decomposedConv.name();
        inputType = decomposedConv.input(0).type();
        geometry = SparseConvGeometry.of(decomposedConv);
        block = SparseAttrs.requiredPositiveInt(decomposedConv, SparseAttrs.INPUT_MASK_BLOCK);
        candidates = Unit.candidates(geometry.channelsPerGroup);
        for (Unit u : candidates) {
            counts.put(u, new long[2]);
        }
    }

    public String nodeName() {
        return nodeName;
    }

    public List<Unit> candidates() {
        return candidates;
    }

    /** How many inputs were accumulated. */
    public int samples() {
        return samples;
    }

    /** Adds one captured input X of the node (f32, the node's input type). */
    public void accumulate(Tensor x) {
        if (x.dtype() != DType.F32 || !x.type().equals(inputType)) {
            throw new IllegalArgumentException("DecomposedConv '" + nodeName + "' reads " + inputType + ", got " + x.type());
        }
        boolean[] mask = FusedKernels.mask(x, block).bools();
        int nb = (geometry.inPixels() + block - 1) / block;
        int n = geometry.batch;
        int c = geometry.channels;
        int cg = geometry.channelsPerGroup;
        for (int pixels : Unit.CANDIDATE_PIXELS) {
            int[][] covered = geometry.coveredBlocksPerTile(pixels, block);
            int tiles = covered.length;
            // tileLive[(image * C + channel) * tiles + tile]: the channel has a live block the tile covers
            boolean[] tileLive = new boolean[n * c * tiles];
            for (int plane = 0; plane < n * c; plane++) {
                for (int t = 0; t < tiles; t++) {
                    for (int b : covered[t]) {
                        if (mask[plane * nb + b]) {
                            tileLive[plane * tiles + t] = true;
                            break;
                        }
                    }
                }
            }
            for (Unit u : candidates) {
                if (u.pixels() != pixels) {
                    continue;
                }
                long[] count = counts.get(u);
                for (int image = 0; image < n; image++) {
                    for (int g = 0; g < geometry.group; g++) {
                        for (int c0 = 0; c0 < cg; c0 += u.channels()) {
                            int c1 = Math.min(cg, c0 + u.channels());
                            for (int t = 0; t < tiles; t++) {
                                boolean live = false;
                                for (int ch = g * cg + c0; ch < g * cg + c1 && !live; ch++) {
                                    live = tileLive[(image * c + ch) * tiles + t];
                                }
                                count[0] += live ? 1 : 0;
                                count[1]++;
                            }
                        }
                    }
                }
            }
        }
        samples++;
    }

    /** The live fraction of {@code unit} over the accumulated inputs (1 when nothing was accumulated). */
    public double liveFraction(Unit unit) {
        long[] count = counts.get(unit);
        if (count == null) {
            throw new IllegalArgumentException(unit + " is not a candidate unit of '" + nodeName + "'");
        }
        return count[1] == 0 ? 1.0 : (double) count[0] / count[1];
    }

    /** Live units of {@code unit} counted so far. */
    public long liveUnits(Unit unit) {
        return counts.get(unit)[0];
    }

    /** All units of {@code unit} counted so far. */
    public long totalUnits(Unit unit) {
        return counts.get(unit)[1];
    }

    /** The live fraction of every candidate, in candidate order. */
    public Map<Unit, Double> liveFractions() {
        Map<Unit, Double> m = new LinkedHashMap<>();
        for (Unit u : candidates) {
            m.put(u, liveFraction(u));
        }
        return Collections.unmodifiableMap(m);
    }
}
