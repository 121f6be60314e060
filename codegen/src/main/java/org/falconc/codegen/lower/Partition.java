package org.falconc.codegen.lower;

/**
 * A node whose values are side-by-side parts of one buffer: Concat's inputs laid end to end make its
 * output, Split's outputs are consecutive slices of its input. When the parts are contiguous (nothing
 * outer to the axis), the memory plan may place each part inside the whole, so the producers of a
 * Concat's inputs write straight into the concat buffer, and a Split's outputs read their slice of
 * the input, without copies.
 *
 * @param partsAreInputs true: the parts are the node's inputs and the whole is output 0 (Concat);
 *                       false: the parts are its outputs and the whole is input 0 (Split)
 * @param offsets        element offset of each part (input or output i) within the whole
 * @param rowStride      0: each part is one contiguous range of the whole; otherwise the parts are
 *                       interleaved along the whole's last axis (a channels-last Concat of channels):
 *                       each part is a run of rows of {@code lastDim(part)} elements, one every
 *                       {@code rowStride} elements of the whole, starting at its offset. Such a part
 *                       is placed only where its producer writes, and its readers read, with that
 *                       pixel stride ({@link Lowerer#pixelStrided})
 */
public record Partition(boolean partsAreInputs, int[] offsets, int rowStride) {
    public Partition {
        offsets = offsets.clone();
    }

    /** Contiguous parts. */
    public Partition(boolean partsAreInputs, int[] offsets) {
        this(partsAreInputs, offsets, 0);
    }

    public boolean interleaved() {
        return rowStride > 0;
    }

    @Override
    public int[] offsets() {
        return offsets.clone();
    }

    public int offset(int part) {
        return offsets[part];
    }

    public int parts() {
        return offsets.length;
    }
}
