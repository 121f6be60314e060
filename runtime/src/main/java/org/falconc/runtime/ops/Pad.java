package org.falconc.runtime.ops;

/**
 * Pad with resolved per-axis amounts (negative amounts crop): the input is cropped by the negative
 * amounts, then padded by the positive ones. Outside the kept data, CONSTANT writes the value,
 * EDGE repeats the border element, REFLECT mirrors without repeating it, WRAP wraps around; the
 * latter three read the cropped data (as ir's PadPlan defines). Every axis is given. The constant is
 * a compile-time value, or (overloads taking {@code value, valueOff}) the one element of a buffer
 * when constant_value is a graph input or computed.
 */
public final class Pad {
    public static final int CONSTANT = 0;
    public static final int REFLECT = 1;
    public static final int EDGE = 2;
    public static final int WRAP = 3;

    private Pad() {
    }

    /** The mode code of an ONNX mode attribute value. */
    public static int mode(String onnxMode) {
        return switch (onnxMode) {
            case "constant" -> CONSTANT;
            case "reflect" -> REFLECT;
            case "edge" -> EDGE;
            case "wrap" -> WRAP;
            default -> throw new IllegalArgumentException("unknown Pad mode '" + onnxMode + "'");
        };
    }

    public static void run(float[] x, int xOff, float[] y, int yOff, int[] inShape, int[] padsBegin, int[] padsEnd,
                           int mode, float value) {
        pad(x, xOff, y, yOff, inShape, padsBegin, padsEnd, mode, new float[] {value});
    }

    public static void run(long[] x, int xOff, long[] y, int yOff, int[] inShape, int[] padsBegin, int[] padsEnd,
                           int mode, long value) {
        pad(x, xOff, y, yOff, inShape, padsBegin, padsEnd, mode, new long[] {value});
    }

    public static void run(int[] x, int xOff, int[] y, int yOff, int[] inShape, int[] padsBegin, int[] padsEnd,
                           int mode, int value) {
        pad(x, xOff, y, yOff, inShape, padsBegin, padsEnd, mode, new int[] {value});
    }

    public static void run(boolean[] x, int xOff, boolean[] y, int yOff, int[] inShape, int[] padsBegin, int[] padsEnd,
                           int mode, boolean value) {
        pad(x, xOff, y, yOff, inShape, padsBegin, padsEnd, mode, new boolean[] {value});
    }

    public static void run(float[] x, int xOff, float[] y, int yOff, int[] inShape, int[] padsBegin, int[] padsEnd,
                           int mode, float[] value, int valueOff) {
        run(x, xOff, y, yOff, inShape, padsBegin, padsEnd, mode, value[valueOff]);
    }

    public static void run(long[] x, int xOff, long[] y, int yOff, int[] inShape, int[] padsBegin, int[] padsEnd,
                           int mode, long[] value, int valueOff) {
        run(x, xOff, y, yOff, inShape, padsBegin, padsEnd, mode, value[valueOff]);
    }

    public static void run(int[] x, int xOff, int[] y, int yOff, int[] inShape, int[] padsBegin, int[] padsEnd,
                           int mode, int[] value, int valueOff) {
        run(x, xOff, y, yOff, inShape, padsBegin, padsEnd, mode, value[valueOff]);
    }

    public static void run(boolean[] x, int xOff, boolean[] y, int yOff, int[] inShape, int[] padsBegin, int[] padsEnd,
                           int mode, boolean[] value, int valueOff) {
        run(x, xOff, y, yOff, inShape, padsBegin, padsEnd, mode, value[valueOff]);
    }

    private static void pad(Object x, int xOff, Object y, int yOff, int[] inShape, int[] begin, int[] end, int mode,
                            Object value) {
        int rank = inShape.length;
        int[] outShape = new int[rank];
        for (int a = 0; a < rank; a++) {
            outShape[a] = inShape[a] + begin[a] + end[a];
        }
        if (Rows.volume(outShape) == 0) {
            return;
        }
        if (rank == 0) {
            Rows.copy(x, xOff, 1, y, yOff, 1, 1);
            return;
        }
        Geometry g = new Geometry(inShape, begin, end, outShape, mode, value);
        g.axis(x, xOff, y, yOff, 0);
    }

    /** The per-call constants of one Pad, and the recursion over axes. */
    private static final class Geometry {
        final int[] inShape;
        final int[] begin;
        final int[] end;
        final int[] inStrides;
        final int[] outStrides;
        final int mode;
        final Object value;

        Geometry(int[] inShape, int[] begin, int[] end, int[] outShape, int mode, Object value) {
            this.inShape = inShape;
            this.begin = begin;
            this.end = end;
            this.inStrides = Rows.contiguousStrides(inShape);
            this.outStrides = Rows.contiguousStrides(outShape);
            this.mode = mode;
            this.value = value;
        }

        /** Fills the output block at {@code yi} of axis {@code a}, whose outer coordinates read input offset {@code xi}. */
        void axis(Object x, int xi, Object y, int yi, int a) {
            int keptStart = Math.max(0, -begin[a]);
            int kept = inShape[a] + Math.min(0, begin[a]) + Math.min(0, end[a]);
            int lead = Math.max(0, begin[a]);
            int outLen = inShape[a] + begin[a] + end[a];
            int block = outStrides[a];
            boolean last = a == inShape.length - 1;
            int o = 0;
            while (o < outLen) {
                int r = sourceIndex(mode, o - lead, kept);
                if (r < 0) {
                    // constant mode: the run of padding up to the kept data (or the end) in one fill
                    int runEnd = o < lead ? Math.min(lead, outLen) : outLen;
                    Rows.fill(y, yi + o * block, (runEnd - o) * block, value);
                    o = runEnd;
                } else if (last && o >= lead && o < lead + kept) {
                    int run = Math.min(lead + kept, outLen) - o;
                    Rows.copy(x, xi + keptStart + r, 1, y, yi + o, 1, run);
                    o += run;
                } else {
                    int src = xi + (keptStart + r) * inStrides[a];
                    if (last) {
                        Rows.copy(x, src, 1, y, yi + o, 1, 1);
                    } else {
                        axis(x, src, y, yi + o * block, a + 1);
                    }
                    o++;
                }
            }
        }
    }

    /** Position within the kept range of length {@code n} that supplies position {@code i}, or -1 for the constant. */
    static int sourceIndex(int mode, int i, int n) {
        if (i >= 0 && i < n) {
            return i;
        }
        return switch (mode) {
            case EDGE -> i < 0 ? 0 : n - 1;
            case WRAP -> Math.floorMod(i, n);
            case REFLECT -> {
                if (n == 1) {
                    yield 0;
                }
                int period = 2 * (n - 1);
                int r = Math.floorMod(i, period);
                yield r < n ? r : period - r;
            }
            default -> -1;
        };
    }
}
