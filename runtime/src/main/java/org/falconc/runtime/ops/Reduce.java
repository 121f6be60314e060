package org.falconc.runtime.ops;

/**
 * Reductions over a set of axes. The input has shape {@code inShape}; {@code axes} lists the
 * reduced axes (non-negative, any order, no repeats). The output holds the kept axes in order
 * (keepdims only changes the shape, not the layout). Each output element folds its elements in
 * row-major order of the reduced axes, which is the reference's order, so f32 results agree bit for
 * bit. A reduction over zero elements gives the op's identity (NaN for MEAN). noop_with_empty_axes
 * is a copy and not this kernel's business.
 */
public final class Reduce {
    private Reduce() {
    }

    public static void floats(int op, float[] x, int xOff, float[] y, int yOff, int[] inShape, int[] axes) {
        Layout l = new Layout(inShape, axes);
        if (op == ReduceOp.LOG_SUM_EXP) {
            for (int o = 0; o < l.outVolume; o++) {
                int base = xOff + l.keptOffset(o);
                double m = foldFloats(x, base, l, 0, Double.NEGATIVE_INFINITY, Math::max);
                if (m == Double.NEGATIVE_INFINITY) {
                    y[yOff + o] = (float) m;
                    continue;
                }
                double sum = foldFloats(x, base, l, 0, 0, (acc, v) -> acc + Math.exp(v - m));
                boolean finiteMax = !Double.isInfinite(m) && !Double.isNaN(m);
                y[yOff + o] = (float) (finiteMax ? m + Math.log(sum) : m);
            }
            return;
        }
        ReduceOp.Reducer r = ReduceOp.floatReducer(op);
        for (int o = 0; o < l.outVolume; o++) {
            double acc = foldFloats(x, xOff + l.keptOffset(o), l, 0, r.initial(), r.step());
            y[yOff + o] = (float) r.finish().apply(acc, l.reducedVolume);
        }
    }

    /** i64 data: SUM, MAX, MIN, PROD (wrapping). */
    public static void longs(int op, long[] x, int xOff, long[] y, int yOff, int[] inShape, int[] axes) {
        Layout l = new Layout(inShape, axes);
        java.util.function.LongBinaryOperator f = integerStep(op);
        for (int o = 0; o < l.outVolume; o++) {
            y[yOff + o] = foldLongs(x, null, xOff + l.keptOffset(o), l, 0, integerInitial(op, false), f);
        }
    }

    /** i32 data: SUM, MAX, MIN, PROD (accumulated in long, wrapped to 32 bits). */
    public static void ints(int op, int[] x, int xOff, int[] y, int yOff, int[] inShape, int[] axes) {
        Layout l = new Layout(inShape, axes);
        java.util.function.LongBinaryOperator f = integerStep(op);
        for (int o = 0; o < l.outVolume; o++) {
            y[yOff + o] = (int) foldLongs(null, x, xOff + l.keptOffset(o), l, 0, integerInitial(op, true), f);
        }
    }

    private static java.util.function.LongBinaryOperator integerStep(int op) {
        return switch (op) {
            case ReduceOp.SUM -> Long::sum;
            case ReduceOp.MAX -> Math::max;
            case ReduceOp.MIN -> Math::min;
            case ReduceOp.PROD -> (a, b) -> a * b;
            default -> throw new IllegalArgumentException("reduce op code " + op + " has no integer form");
        };
    }

    private static long integerInitial(int op, boolean i32) {
        return switch (op) {
            case ReduceOp.MAX -> i32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
            case ReduceOp.MIN -> i32 ? Integer.MAX_VALUE : Long.MAX_VALUE;
            case ReduceOp.PROD -> 1;
            default -> 0;
        };
    }

    /** Folds the reduced sub-space at {@code base}, axes {@code r..} of the reduced list, row-major. */
    private static double foldFloats(float[] x, int base, Layout l, int r, double acc, ReduceOp.Step step) {
        if (r == l.rowAxis) {
            for (int k = 0, at = base; k < l.rowLength; k++, at += l.rowStride) {
                acc = step.apply(acc, x[at]);
            }
            return acc;
        }
        for (int c = 0; c < l.reducedDims[r]; c++) {
            acc = foldFloats(x, base + c * l.reducedStrides[r], l, r + 1, acc, step);
        }
        return acc;
    }

    private static long foldLongs(long[] xl, int[] xi, int base, Layout l, int r, long acc,
                                  java.util.function.LongBinaryOperator step) {
        if (r == l.rowAxis) {
            for (int k = 0, at = base; k < l.rowLength; k++, at += l.rowStride) {
                acc = step.applyAsLong(acc, xl != null ? xl[at] : xi[at]);
            }
            return acc;
        }
        for (int c = 0; c < l.reducedDims[r]; c++) {
            acc = foldLongs(xl, xi, base + c * l.reducedStrides[r], l, r + 1, acc, step);
        }
        return acc;
    }

    /** Kept and reduced axes with their input strides; trailing reduced axes that are contiguous form one row. */
    private static final class Layout {
        final int[] keptDims;
        final int[] keptStrides;
        final int[] reducedDims;
        final int[] reducedStrides;
        final int outVolume;
        final int reducedVolume;
        final int rowAxis;
        final int rowLength;
        final int rowStride;

        Layout(int[] inShape, int[] axes) {
            boolean[] reduced = new boolean[inShape.length];
            for (int a : axes) {
                reduced[a] = true;
            }
            int[] strides = Rows.contiguousStrides(inShape);
            int nr = axes.length;
            keptDims = new int[inShape.length - nr];
            keptStrides = new int[keptDims.length];
            reducedDims = new int[nr];
            reducedStrides = new int[nr];
            for (int a = 0, k = 0, r = 0; a < inShape.length; a++) {
                if (reduced[a]) {
                    reducedDims[r] = inShape[a];
                    reducedStrides[r++] = strides[a];
                } else {
                    keptDims[k] = inShape[a];
                    keptStrides[k++] = strides[a];
                }
            }
            outVolume = Rows.volume(keptDims);
            reducedVolume = Rows.volume(reducedDims);
            if (nr == 0) {
                rowAxis = 0;
                rowLength = 1;
                rowStride = 1;
                return;
            }
            int first = nr - 1;
            int length = reducedDims[first];
            while (first > 0 && reducedStrides[first - 1] == reducedStrides[nr - 1] * length) {
                first--;
                length *= reducedDims[first];
            }
            rowAxis = first;
            rowLength = length;
            rowStride = reducedStrides[nr - 1];
        }

        /** Input offset of the first element that output position {@code o} reduces. */
        int keptOffset(int o) {
            int offset = 0;
            for (int k = keptDims.length - 1; k >= 0; k--) {
                offset += (o % keptDims[k]) * keptStrides[k];
                o /= keptDims[k];
            }
            return offset;
        }
    }
}
