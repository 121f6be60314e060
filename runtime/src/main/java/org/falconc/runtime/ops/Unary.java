package org.falconc.runtime.ops;

/**
 * One-input elementwise kernels: {@code y[yOff + i] = f(x[xOff + i])} for {@code i < n}, f chosen by
 * an {@link UnaryOp} code. {@code y} may be {@code x} at the same offset (in place). The cheap
 * activations run as dedicated loops the JIT can vectorise; the rest go through the op table.
 */
public final class Unary {
    private Unary() {
    }

    public static void floats(int op, float p0, float p1, float[] x, int xOff, float[] y, int yOff, int n) {
        switch (op) {
            case UnaryOp.IDENTITY -> System.arraycopy(x, xOff, y, yOff, n);
            case UnaryOp.RELU -> {
                for (int i = 0; i < n; i++) {
                    y[yOff + i] = Math.max(x[xOff + i], 0f);
                }
            }
            case UnaryOp.CLIP -> {
                for (int i = 0; i < n; i++) {
                    y[yOff + i] = Math.min(Math.max(x[xOff + i], p0), p1);
                }
            }
            case UnaryOp.NEG -> {
                for (int i = 0; i < n; i++) {
                    y[yOff + i] = -x[xOff + i];
                }
            }
            default -> {
                UnaryOp.FloatFunction f = UnaryOp.floatFunction(op);
                double a = p0;
                double b = p1;
                for (int i = 0; i < n; i++) {
                    y[yOff + i] = (float) f.apply(x[xOff + i], a, b);
                }
            }
        }
    }

    /** i64 data; CLIP bounds are {@code p0, p1}. */
    public static void longs(int op, long p0, long p1, long[] x, int xOff, long[] y, int yOff, int n) {
        UnaryOp.IntegerFunction f = UnaryOp.integerFunction(op);
        for (int i = 0; i < n; i++) {
            y[yOff + i] = f.apply(x[xOff + i], p0, p1);
        }
    }

    /** i32 data, wrapping like C (Neg and Abs of Integer.MIN_VALUE stay MIN_VALUE). */
    public static void ints(int op, long p0, long p1, int[] x, int xOff, int[] y, int yOff, int n) {
        UnaryOp.IntegerFunction f = UnaryOp.integerFunction(op);
        for (int i = 0; i < n; i++) {
            y[yOff + i] = (int) f.apply(x[xOff + i], p0, p1);
        }
    }

    /** Not on bool data. */
    public static void not(boolean[] x, int xOff, boolean[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = !x[xOff + i];
        }
    }
}
