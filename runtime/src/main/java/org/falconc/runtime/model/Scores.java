package org.falconc.runtime.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A classifier's output as the model jar's {@code --image} reports it: which outputs are class scores,
 * when softmax is applied, and the top classes.
 *
 * <p>Softmax rule: the scores are shown as they are when they already form a probability vector (every
 * value within [0, 1] and the sum within {@link #SUM_TOLERANCE} of 1, as after a Softmax layer), and
 * after softmax otherwise (logits, e.g. MNIST's or ResNet-20's Gemm head).
 */
public final class Scores {
    /** How far from 1 the sum of a probability vector may be (float rounding over many classes, fp16 outputs). */
    public static final double SUM_TOLERANCE = 0.01;

    private Scores() {
    }

    /**
     * The number of classes when {@code shape} holds one score per class: at least 2 elements, at most one
     * dimension above 1 ([1, 1000], [1, 1000, 1, 1], [10]); 0 otherwise.
     */
    public static int classCount(int[] shape) {
        int n = 1;
        int above1 = 0;
        for (int d : shape) {
            n *= d;
            if (d > 1) {
                above1++;
            }
        }
        return n >= 2 && above1 == 1 ? n : 0;
    }

    /** Whether every value is within [0, 1] and they sum to 1 within {@link #SUM_TOLERANCE}. */
    public static boolean isProbabilities(float[] v) {
        double sum = 0;
        for (float x : v) {
            if (!(x >= 0f && x <= 1f)) {
                return false;
            }
            sum += x;
        }
        return Math.abs(sum - 1) <= SUM_TOLERANCE;
    }

    /** exp(v - max) / sum, in double, rounded to float. */
    public static float[] softmax(float[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (float x : v) {
            max = Math.max(max, x);
        }
        double[] e = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            e[i] = Math.exp(v[i] - max);
            sum += e[i];
        }
        float[] p = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            p[i] = (float) (e[i] / sum);
        }
        return p;
    }

    /** The values to rank and show: {@code v} itself when it is a probability vector, else its softmax. */
    public static float[] probabilities(float[] v) {
        return isProbabilities(v) ? v : softmax(v);
    }

    /** The indices of the {@code k} highest values (fewer when there are fewer), highest first, ties by index. */
    public static int[] top(float[] v, int k) {
        return IntStream.range(0, v.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -v[i]).thenComparingInt(i -> i))
                .limit(Math.max(0, k)).mapToInt(Integer::intValue).toArray();
    }

    /** For messages: the shape as {@code [1,1000,1,1]}. */
    static String shape(int[] shape) {
        return Arrays.toString(shape).replace(" ", "");
    }
}
