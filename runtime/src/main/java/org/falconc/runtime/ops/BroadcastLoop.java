package org.falconc.runtime.ops;

/**
 * Numpy-broadcast iteration for elementwise kernels with up to three inputs. The output is dense
 * row-major of shape {@code shape}; input j is described by its <b>broadcast strides</b>: one entry
 * per output axis, the element stride of that axis in the input, 0 where the input is broadcast
 * (size 1 or a missing leading axis). {@link #strides} computes them from the shapes.
 *
 * <p>The trailing axes that every operand walks contiguously (or not at all) are merged into one
 * row, so same-shape operands are a single row of the whole volume, and a scalar or per-channel
 * operand is a row with step 0. {@link Row} is called once per row, not per element.
 */
public final class BroadcastLoop {
    private BroadcastLoop() {
    }

    /** One row of n elements: output at {@code y + k}, input j at {@code ij + k * sj} (offsets relative to the bases). */
    @FunctionalInterface
    public interface Row {
        void run(int y, int i0, int s0, int i1, int s1, int i2, int s2, int n);
    }

    /**
     * Broadcast strides of an input of shape {@code in} within an output of shape {@code out}
     * (numpy rules, aligned at the trailing axis). A size-1 axis that is also size 1 in the output
     * keeps its natural stride, so that it never prevents axes from merging into one row.
     */
    public static int[] strides(int[] in, int[] out) {
        int shift = out.length - in.length;
        if (shift < 0) {
            throw new IllegalArgumentException("rank " + in.length + " input does not broadcast to rank " + out.length);
        }
        int[] s = new int[out.length];
        int stride = 1;
        for (int a = in.length - 1; a >= 0; a--) {
            int d = in[a];
            int o = out[a + shift];
            if (d != o && d != 1) {
                throw new IllegalArgumentException("axis " + a + " of size " + d + " does not broadcast to " + o);
            }
            s[a + shift] = d == 1 && o != 1 ? 0 : stride;
            stride *= d;
        }
        for (int a = 0; a < shift; a++) {
            s[a] = out[a] == 1 ? stride : 0;
        }
        return s;
    }

    /** Visits the rows of {@code shape}; {@code st1}, {@code st2} may be null for absent inputs. */
    public static void forEach(int[] shape, int[] st0, int[] st1, int[] st2, Row row) {
        int rank = shape.length;
        int volume = 1;
        for (int d : shape) {
            volume *= d;
        }
        if (volume == 0) {
            return;
        }
        if (rank == 0) {
            row.run(0, 0, 0, 0, 0, 0, 0, 1);
            return;
        }
        // Merge trailing axes into one row while every operand stays a single arithmetic progression.
        int first = rank - 1;
        int rowLength = shape[first];
        while (first > 0 && mergeable(st0, first, rowLength) && mergeable(st1, first, rowLength)
                && mergeable(st2, first, rowLength)) {
            first--;
            rowLength *= shape[first];
        }
        walk(shape, st0, st1, st2, 0, first, volume, 0, 0, 0, 0, rowLength, row);
    }

    /** Whether axis {@code first - 1} continues the progression of the merged axes [first, rank). */
    private static boolean mergeable(int[] st, int first, int mergedLength) {
        return st == null || st[first - 1] == st[st.length - 1] * mergedLength;
    }

    private static void walk(int[] shape, int[] st0, int[] st1, int[] st2, int axis, int rowAxis, int block,
                             int y, int i0, int i1, int i2, int rowLength, Row row) {
        if (axis == rowAxis) {
            int last = shape.length - 1;
            row.run(y, i0, st0[last], i1, st1 == null ? 0 : st1[last], i2, st2 == null ? 0 : st2[last], rowLength);
            return;
        }
        int inner = block / shape[axis];
        int s0 = st0[axis];
        int s1 = st1 == null ? 0 : st1[axis];
        int s2 = st2 == null ? 0 : st2[axis];
        for (int c = 0; c < shape[axis]; c++) {
            walk(shape, st0, st1, st2, axis + 1, rowAxis, inner, y + c * inner, i0 + c * s0, i1 + c * s1, i2 + c * s2,
                    rowLength, row);
        }
    }
}
