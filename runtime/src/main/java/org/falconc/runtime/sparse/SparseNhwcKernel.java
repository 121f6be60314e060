package org.falconc.runtime.sparse;

/**
 * The inner loop of {@link SparseConvNhwc}: one output pixel's sums over the live activations of a
 * weight group. Two implementations: {@link ScalarSparseNhwcKernel} (always available) and
 * {@code VectorSparseNhwcKernel} (Vector API, loaded reflectively by {@link SparseKernels}).
 *
 * <p>The driver describes the live activations as segments, one per non-empty 64-bit word of
 * activation bits (a tap's input pixel and a word of its channels): {@link #SEGMENT_INTS} ints at
 * {@code seg[4 * i]}: the word's low and high halves, the input offset of the word's channel 0 and
 * the weight offset of that channel in the dense kernel's packed panels. Set bit b of segment i is
 * the activation {@code x[seg[4i + 2] + b]} with weight vector j at
 * {@code w[seg[4i + 3] + b * ws + o_j]}, {@code ws} the panel width, {@code o_j = j * lanes()} within
 * the block's first 64-channel panel and {@code wo + j * lanes() - 64} in the next (blocks of 128). The kernel walks the bits in one counted
 * loop over the live activations, refilling the word from the next segment with a branch, not a
 * nested loop: C2 on JDK 17 boxes vectors carried through nested loops.
 */
abstract class SparseNhwcKernel {

    /** Ints per segment. */
    static final int SEGMENT_INTS = 4;
    /** Channels of the scalar kernel's "vector". */
    static final int PANEL = 16;

    /** Floats per vector (the scalar kernel works on whole 16-channel panels). */
    abstract int lanes();

    abstract String name();

    /** The widest block, in vectors (at most 128 output channels). */
    abstract int maxVectors();

    /**
     * {@code acc[ai + j * lanes() + l] += x * w[.. + o_j + l]} over the {@code count} set bits of the
     * segments (at least one, all non-empty, {@code count} their total), vectors {@code j < nv},
     * lanes {@code l < lanes()}.
     */
    abstract void accumulate(int nv, int[] seg, int count, float[] x, float[] w, int ws, int wo,
                             float[] acc, int ai);

    /** The word of segment i. */
    static long word(int[] seg, int i) {
        return (seg[SEGMENT_INTS * i] & 0xffffffffL) | (long) seg[SEGMENT_INTS * i + 1] << 32;
    }
}
