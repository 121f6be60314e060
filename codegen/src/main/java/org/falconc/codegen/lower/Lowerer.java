package org.falconc.codegen.lower;

import org.falconc.ir.Node;

/**
 * Turns the nodes of one op family into kernel calls. Lowerers are stateless; every attribute is
 * resolved here, at compile time, so the generated code passes only constants.
 */
public interface Lowerer {
    /** Appends the node's kernel calls to {@code layer}; throws {@link UnsupportedNodeException} for what it cannot lower. */
    void lower(Node node, LayerBuilder layer);

    /**
     * Whether output 0 is input 0's data under another shape (Reshape, Flatten, ...): the output
     * shares the input's buffer and the node emits no code.
     */
    default boolean isView(Node node) {
        return false;
    }

    /**
     * Inputs whose buffer output 0 may reuse when the input dies at this node (same element type and
     * size): the kernel must allow its output to be exactly that input, at the same offset.
     */
    default int[] inPlaceInputs(Node node) {
        return new int[0];
    }

    /**
     * When the node's inputs (or outputs) are contiguous parts of its output (input), where each part
     * lies; null otherwise. The memory plan may then place parts inside the whole, and the lowerer
     * skips the copy of every part that {@link LayerBuilder#isPlacedAt} reports in place.
     */
    default Partition partition(Node node) {
        return null;
    }

    /**
     * Whether the node's kernel can read input {@code input} (or, with {@code input == -1}, write
     * output 0) stored with a pixel stride larger than its channel count: the rows of its last axis
     * lie every {@link LayerBuilder#pixelStride} elements, inside an interleaved Concat's output
     * ({@link Partition#interleaved()}). The lowerer then passes that stride to its kernel.
     */
    default boolean pixelStrided(Node node, int input) {
        return false;
    }
}
