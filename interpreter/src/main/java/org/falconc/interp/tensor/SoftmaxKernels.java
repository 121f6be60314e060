package org.falconc.interp.tensor;

import java.util.List;
import java.util.function.BiConsumer;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.tensor.SoftmaxFamily;

/**
 * Reference kernels of Softmax, LogSoftmax and Hardmax along one axis. The input is viewed as
 * [outer, n, inner] around the axis; each of the outer*inner lines of n elements is normalised on
 * its own, subtracting the line's maximum first so exp cannot overflow.
 */
final class SoftmaxKernels {
    private SoftmaxKernels() {
    }

    static void register(BiConsumer<String, ReferenceKernel> r) {
        r.accept("Softmax", (node, in) -> compute(node, in.get(0), SoftmaxKernels::softmax));
        r.accept("LogSoftmax", (node, in) -> compute(node, in.get(0), SoftmaxKernels::logSoftmax));
        r.accept("Hardmax", (node, in) -> compute(node, in.get(0), SoftmaxKernels::hardmax));
    }

    @FunctionalInterface
    private interface LineFunction {
        void apply(double[] line, double[] result);
    }

    private static List<Tensor> compute(Node node, Tensor x, LineFunction f) {
        Shape s = x.shape();
        int axis = SoftmaxFamily.axis(node, s.rank());
        int n = s.dim(axis);
        int inner = 1;
        for (int i = axis + 1; i < s.rank(); i++) {
            inner *= s.dim(i);
        }
        int outer = n == 0 || inner == 0 ? 0 : x.numElements() / (n * inner);
        Tensor y = Outputs.allocate(node, 0, s);
        double[] line = new double[n];
        double[] result = new double[n];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                for (int k = 0; k < n; k++) {
                    line[k] = x.floats()[(o * n + k) * inner + in];
                }
                f.apply(line, result);
                for (int k = 0; k < n; k++) {
                    y.floats()[(o * n + k) * inner + in] = (float) result[k];
                }
            }
        }
        return List.of(y);
    }

    private static double max(double[] line) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : line) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static void softmax(double[] line, double[] result) {
        double m = max(line);
        double sum = 0;
        for (int k = 0; k < line.length; k++) {
            result[k] = Math.exp(line[k] - m);
            sum += result[k];
        }
        for (int k = 0; k < line.length; k++) {
            result[k] /= sum;
        }
    }

    private static void logSoftmax(double[] line, double[] result) {
        double m = max(line);
        double sum = 0;
        for (double v : line) {
            sum += Math.exp(v - m);
        }
        double logSum = Math.log(sum);
        for (int k = 0; k < line.length; k++) {
            result[k] = line[k] - m - logSum;
        }
    }

    /** 1 at the first maximum of the line, 0 elsewhere. */
    private static void hardmax(double[] line, double[] result) {
        int best = 0;
        for (int k = 1; k < line.length; k++) {
            if (line[k] > line[best]) {
                best = k;
            }
        }
        for (int k = 0; k < line.length; k++) {
            result[k] = k == best ? 1 : 0;
        }
    }
}
