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
 */
public record Partition(boolean partsAreInputs, int[] offsets) {
    public Partition {
        offsets = offsets.clone();
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
