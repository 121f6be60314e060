package org.falconc.runtime.ops;

/**
 * Op codes of {@link Reduce}, one table row per op: the accumulator's start value, how it folds in
 * an element, and how it becomes the result given the element count, all in double for f32 data (as
 * the reference does). LOG_SUM_EXP is computed as max + log(sum exp(x - max)) by the kernel itself.
 * Integer data (i64, i32) supports SUM, MAX, MIN and PROD, exactly.
 */
public final class ReduceOp {
    public static final int SUM = 0;
    public static final int MEAN = 1;
    public static final int MAX = 2;
    public static final int MIN = 3;
    public static final int PROD = 4;
    public static final int L1 = 5;
    public static final int L2 = 6;
    public static final int SUM_SQUARE = 7;
    public static final int LOG_SUM = 8;
    public static final int LOG_SUM_EXP = 9;
    public static final int COUNT = 10;

    @FunctionalInterface
    public interface Step {
        double apply(double acc, double x);
    }

    @FunctionalInterface
    public interface Finish {
        double apply(double acc, int count);
    }

    /** One op: start value, fold step and finishing function. */
    public record Reducer(double initial, Step step, Finish finish) {
    }

    private static final Finish AS_IS = (acc, n) -> acc;
    private static final String[] NAMES = {"ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd",
        "ReduceL1", "ReduceL2", "ReduceSumSquare", "ReduceLogSum", "ReduceLogSumExp"};
    private static final Reducer[] FLOAT = new Reducer[COUNT];

    static {
        FLOAT[SUM] = new Reducer(0, Double::sum, AS_IS);
        FLOAT[MEAN] = new Reducer(0, Double::sum, (acc, n) -> acc / n);
        FLOAT[MAX] = new Reducer(Double.NEGATIVE_INFINITY, Math::max, AS_IS);
        FLOAT[MIN] = new Reducer(Double.POSITIVE_INFINITY, Math::min, AS_IS);
        FLOAT[PROD] = new Reducer(1, (acc, x) -> acc * x, AS_IS);
        FLOAT[L1] = new Reducer(0, (acc, x) -> acc + Math.abs(x), AS_IS);
        FLOAT[L2] = new Reducer(0, (acc, x) -> acc + x * x, (acc, n) -> Math.sqrt(acc));
        FLOAT[SUM_SQUARE] = new Reducer(0, (acc, x) -> acc + x * x, AS_IS);
        FLOAT[LOG_SUM] = new Reducer(0, Double::sum, (acc, n) -> Math.log(acc));
    }

    private ReduceOp() {
    }

    /** The table row of a float reduction (not LOG_SUM_EXP). */
    public static Reducer floatReducer(int code) {
        Reducer r = code >= 0 && code < COUNT ? FLOAT[code] : null;
        if (r == null) {
            throw new IllegalArgumentException("reduce op code " + code + " has no table row");
        }
        return r;
    }

    /** The code of ONNX op {@code onnxName} (e.g. "ReduceMean"), or -1. */
    public static int code(String onnxName) {
        return java.util.Arrays.asList(NAMES).indexOf(onnxName);
    }
}
