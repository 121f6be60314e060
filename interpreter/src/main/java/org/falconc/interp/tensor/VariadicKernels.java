package org.falconc.interp.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;
import org.falconc.interp.Elements;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.Infer;

/**
 * Reference kernels of Max, Min, Sum and Mean over one or more broadcast inputs: a left fold of
 * the inputs element by element (Mean divides the sum by the input count). NaN propagates through
 * Max and Min, as in numpy.
 */
final class VariadicKernels {
    private VariadicKernels() {
    }

    static void register(BiConsumer<String, ReferenceKernel> r) {
        r.accept("Max", (node, in) -> fold(node, in, Math::max, Math::max, false));
        r.accept("Min", (node, in) -> fold(node, in, Math::min, Math::min, false));
        r.accept("Sum", (node, in) -> fold(node, in, Double::sum, Long::sum, false));
        r.accept("Mean", (node, in) -> fold(node, in, Double::sum, Long::sum, true));
    }

    private static List<Tensor> fold(Node node, List<Tensor> in, DoubleBinaryOperator onFloats,
                                     LongBinaryOperator onIntegers, boolean divideByCount) {
        List<Shape> shapes = new ArrayList<>();
        for (Tensor t : in) {
            shapes.add(t.shape());
        }
        Shape shape = Infer.broadcast(node, shapes);
        Tensor out = Outputs.allocate(node, 0, shape);
        int[][] sources = new int[in.size()][];
        for (int k = 0; k < in.size(); k++) {
            sources[k] = Broadcast.sourceIndices(shape, in.get(k).shape());
        }
        for (int i = 0; i < out.numElements(); i++) {
            if (out.dtype().isInteger()) {
                long acc = in.get(0).getLong(sources[0][i]);
                for (int k = 1; k < in.size(); k++) {
                    acc = onIntegers.applyAsLong(acc, in.get(k).getLong(sources[k][i]));
                }
                Elements.setLong(out, i, divideByCount ? acc / in.size() : acc);
            } else {
                double acc = in.get(0).getDouble(sources[0][i]);
                for (int k = 1; k < in.size(); k++) {
                    acc = onFloats.applyAsDouble(acc, in.get(k).getDouble(sources[k][i]));
                }
                Elements.setDouble(out, i, divideByCount ? acc / in.size() : acc);
            }
        }
        return List.of(out);
    }
}
