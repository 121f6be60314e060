package org.falconc.codegen.lower.ops;

/**
 * A shape viewed as {@code [outer, n, inner]} around one axis: what Softmax, Concat, Split, Gather
 * and ArgMax kernels take.
 */
record AxisView(int outer, int n, int inner) {
    static AxisView of(int[] shape, int axis) {
        int outer = 1;
        int inner = 1;
        for (int a = 0; a < axis; a++) {
            outer *= shape[a];
        }
        for (int a = axis + 1; a < shape.length; a++) {
            inner *= shape[a];
        }
        return new AxisView(outer, shape[axis], inner);
    }
}
