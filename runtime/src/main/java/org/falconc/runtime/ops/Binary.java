package org.falconc.runtime.ops;

/**
 * Two-input elementwise kernels with numpy broadcasting, op chosen by a {@link BinaryOp} code.
 * Every kernel takes the output shape {@code shape} (dense row-major at {@code y, yOff}) and for
 * each input its broadcast strides ({@link BroadcastLoop#strides}). The output may alias an input
 * that is not broadcast (same offset), so a residual Add can run in place.
 *
 * <p>Variadic Sum/Max/Min fold the inputs with repeated ADD/MAX/MIN calls (the first call reads
 * inputs 0 and 1, later ones the running result); Mean adds {@link UnaryOp#DIVIDE_BY} the count.
 */
public final class Binary {
    private Binary() {
    }

    /** f32 arithmetic (ADD .. PRELU). */
    public static void floats(int op, float[] a, int aOff, int[] aStrides, float[] b, int bOff, int[] bStrides,
                              float[] y, int yOff, int[] shape) {
        BinaryOp.FloatFunction f = BinaryOp.floatFunction(op);
        BroadcastLoop.forEach(shape, aStrides, bStrides, null, (yi, ai, as, bi, bs, unused, unusedStep, n) ->
                floatRow(op, f, a, aOff + ai, as, b, bOff + bi, bs, y, yOff + yi, n));
    }

    /** i64 arithmetic. */
    public static void longs(int op, long[] a, int aOff, int[] aStrides, long[] b, int bOff, int[] bStrides,
                             long[] y, int yOff, int[] shape) {
        BinaryOp.IntegerFunction f = BinaryOp.integerFunction(op);
        BroadcastLoop.forEach(shape, aStrides, bStrides, null, (yi, ai, as, bi, bs, unused, unusedStep, n) -> {
            for (int k = 0; k < n; k++) {
                y[yOff + yi + k] = f.apply(a[aOff + ai + k * as], b[bOff + bi + k * bs]);
            }
        });
    }

    /** i32 arithmetic, computed in long and wrapped to 32 bits (what C int arithmetic gives). */
    public static void ints(int op, int[] a, int aOff, int[] aStrides, int[] b, int bOff, int[] bStrides,
                            int[] y, int yOff, int[] shape) {
        BinaryOp.IntegerFunction f = BinaryOp.integerFunction(op);
        BroadcastLoop.forEach(shape, aStrides, bStrides, null, (yi, ai, as, bi, bs, unused, unusedStep, n) -> {
            for (int k = 0; k < n; k++) {
                y[yOff + yi + k] = (int) f.apply(a[aOff + ai + k * as], b[bOff + bi + k * bs]);
            }
        });
    }

    /** f32 comparison (EQUAL .. GREATER_OR_EQUAL) into bools; NaN fails every test. */
    public static void compareFloats(int op, float[] a, int aOff, int[] aStrides, float[] b, int bOff, int[] bStrides,
                                     boolean[] y, int yOff, int[] shape) {
        BinaryOp.FloatTest f = BinaryOp.floatTest(op);
        BroadcastLoop.forEach(shape, aStrides, bStrides, null, (yi, ai, as, bi, bs, unused, unusedStep, n) -> {
            for (int k = 0; k < n; k++) {
                y[yOff + yi + k] = f.test(a[aOff + ai + k * as], b[bOff + bi + k * bs]);
            }
        });
    }

    /** i64 comparison into bools. */
    public static void compareLongs(int op, long[] a, int aOff, int[] aStrides, long[] b, int bOff, int[] bStrides,
                                    boolean[] y, int yOff, int[] shape) {
        BinaryOp.IntegerTest f = BinaryOp.integerTest(op);
        BroadcastLoop.forEach(shape, aStrides, bStrides, null, (yi, ai, as, bi, bs, unused, unusedStep, n) -> {
            for (int k = 0; k < n; k++) {
                y[yOff + yi + k] = f.test(a[aOff + ai + k * as], b[bOff + bi + k * bs]);
            }
        });
    }

    /** i32 comparison into bools. */
    public static void compareInts(int op, int[] a, int aOff, int[] aStrides, int[] b, int bOff, int[] bStrides,
                                   boolean[] y, int yOff, int[] shape) {
        BinaryOp.IntegerTest f = BinaryOp.integerTest(op);
        BroadcastLoop.forEach(shape, aStrides, bStrides, null, (yi, ai, as, bi, bs, unused, unusedStep, n) -> {
            for (int k = 0; k < n; k++) {
                y[yOff + yi + k] = f.test(a[aOff + ai + k * as], b[bOff + bi + k * bs]);
            }
        });
    }

    /** And, Or, Xor and Equal on bools. */
    public static void logic(int op, boolean[] a, int aOff, int[] aStrides, boolean[] b, int bOff, int[] bStrides,
                             boolean[] y, int yOff, int[] shape) {
        BinaryOp.BoolFunction f = BinaryOp.boolFunction(op);
        BroadcastLoop.forEach(shape, aStrides, bStrides, null, (yi, ai, as, bi, bs, unused, unusedStep, n) -> {
            for (int k = 0; k < n; k++) {
                y[yOff + yi + k] = f.apply(a[aOff + ai + k * as], b[bOff + bi + k * bs]);
            }
        });
    }

    /**
     * One f32 row. Add/Sub/Mul/Div with a contiguous first operand get dedicated loops (the JIT
     * vectorises them; float arithmetic equals the table's double-then-round for these four ops);
     * everything else goes through the op table.
     */
    private static void floatRow(int op, BinaryOp.FloatFunction f, float[] a, int ai, int as, float[] b, int bi, int bs,
                                 float[] y, int yi, int n) {
        if (as == 1 && bs == 1 && op <= BinaryOp.DIV) {
            switch (op) {
                case BinaryOp.ADD -> {
                    for (int k = 0; k < n; k++) {
                        y[yi + k] = a[ai + k] + b[bi + k];
                    }
                }
                case BinaryOp.SUB -> {
                    for (int k = 0; k < n; k++) {
                        y[yi + k] = a[ai + k] - b[bi + k];
                    }
                }
                case BinaryOp.MUL -> {
                    for (int k = 0; k < n; k++) {
                        y[yi + k] = a[ai + k] * b[bi + k];
                    }
                }
                default -> {
                    for (int k = 0; k < n; k++) {
                        y[yi + k] = a[ai + k] / b[bi + k];
                    }
                }
            }
            return;
        }
        if (as == 1 && bs == 0 && op <= BinaryOp.DIV) {
            float v = b[bi];
            switch (op) {
                case BinaryOp.ADD -> {
                    for (int k = 0; k < n; k++) {
                        y[yi + k] = a[ai + k] + v;
                    }
                }
                case BinaryOp.SUB -> {
                    for (int k = 0; k < n; k++) {
                        y[yi + k] = a[ai + k] - v;
                    }
                }
                case BinaryOp.MUL -> {
                    for (int k = 0; k < n; k++) {
                        y[yi + k] = a[ai + k] * v;
                    }
                }
                default -> {
                    for (int k = 0; k < n; k++) {
                        y[yi + k] = a[ai + k] / v;
                    }
                }
            }
            return;
        }
        for (int k = 0; k < n; k++) {
            y[yi + k] = (float) f.apply(a[ai + k * as], b[bi + k * bs]);
        }
    }
}
