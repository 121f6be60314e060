package org.falconc.interp.tensor;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import org.falconc.interp.Elements;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;

/**
 * Reference kernels of the one-input elementwise ops, one table row per op: the scalar function
 * for f32 (evaluated in double, rounded once to f32) built from the node's attributes, and for the
 * ops that accept integers, the integer function. Defaults follow the ONNX operator definitions.
 */
final class UnaryKernels {
    private UnaryKernels() {
    }

    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    private static final Map<String, Function<Node, DoubleUnaryOperator>> FLOAT_FUNCTIONS = Map.ofEntries(
            Map.entry("Relu", n -> x -> Math.max(x, 0)),
            Map.entry("LeakyRelu", n -> {
                double alpha = n.attrs().getFloat("alpha", 0.01f);
                return x -> x < 0 ? alpha * x : x;
            }),
            Map.entry("Elu", n -> {
                double alpha = n.attrs().getFloat("alpha", 1f);
                return x -> x < 0 ? alpha * Math.expm1(x) : x;
            }),
            Map.entry("Selu", n -> {
                double alpha = n.attrs().getFloat("alpha", 1.67326319217681884765625f);
                double gamma = n.attrs().getFloat("gamma", 1.05070102214813232421875f);
                return x -> x > 0 ? gamma * x : gamma * alpha * Math.expm1(x);
            }),
            Map.entry("Celu", n -> {
                double alpha = n.attrs().getFloat("alpha", 1f);
                return x -> Math.max(0, x) + Math.min(0, alpha * Math.expm1(x / alpha));
            }),
            Map.entry("Sigmoid", n -> UnaryKernels::sigmoid),
            Map.entry("HardSigmoid", n -> {
                double alpha = n.attrs().getFloat("alpha", 0.2f);
                double beta = n.attrs().getFloat("beta", 0.5f);
                return x -> Math.max(0, Math.min(1, alpha * x + beta));
            }),
            Map.entry("HardSwish", n -> x -> x * Math.max(0, Math.min(1, x / 6 + 0.5))),
            Map.entry("Tanh", n -> Math::tanh),
            Map.entry("Softplus", n -> UnaryKernels::softplus),
            Map.entry("Softsign", n -> x -> x / (1 + Math.abs(x))),
            Map.entry("Mish", n -> x -> x * Math.tanh(softplus(x))),
            Map.entry("ThresholdedRelu", n -> {
                double alpha = n.attrs().getFloat("alpha", 1f);
                return x -> x > alpha ? x : 0;
            }),
            Map.entry("Gelu", n -> n.attrs().getString("approximate", "none").equals("tanh")
                    ? x -> 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)))
                    : x -> 0.5 * x * (1 + Erf.erf(x / Math.sqrt(2)))),
            Map.entry("Erf", n -> Erf::erf),
            Map.entry("Exp", n -> Math::exp),
            Map.entry("Log", n -> Math::log),
            Map.entry("Sqrt", n -> Math::sqrt),
            Map.entry("Reciprocal", n -> x -> 1 / x),
            Map.entry("Floor", n -> Math::floor),
            Map.entry("Ceil", n -> Math::ceil),
            Map.entry("Round", n -> Math::rint), // halves round to even, as ONNX specifies
            Map.entry("Sin", n -> Math::sin),
            Map.entry("Cos", n -> Math::cos),
            Map.entry("Neg", n -> x -> -x),
            Map.entry("Abs", n -> Math::abs),
            Map.entry("Sign", n -> Math::signum));

    private static final Map<String, LongUnaryOperator> INTEGER_FUNCTIONS = Map.of(
            "Relu", x -> Math.max(x, 0),
            "Neg", x -> -x,
            "Abs", Math::abs,
            "Sign", Long::signum);

    static void register(BiConsumer<String, ReferenceKernel> r) {
        for (String op : FLOAT_FUNCTIONS.keySet()) {
            r.accept(op, UnaryKernels::compute);
        }
        r.accept("Not", (node, in) -> {
            Tensor x = in.get(0);
            Tensor y = Outputs.allocate(node, 0);
            for (int i = 0; i < x.numElements(); i++) {
                y.bools()[i] = !x.bools()[i];
            }
            return List.of(y);
        });
    }

    private static List<Tensor> compute(Node node, List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        Tensor y = Outputs.allocate(node, 0, x.shape());
        if (x.dtype().isInteger()) {
            LongUnaryOperator f = INTEGER_FUNCTIONS.get(node.op());
            for (int i = 0; i < x.numElements(); i++) {
                Elements.setLong(y, i, f.applyAsLong(x.getLong(i)));
            }
        } else {
            DoubleUnaryOperator f = FLOAT_FUNCTIONS.get(node.op()).apply(node);
            for (int i = 0; i < x.numElements(); i++) {
                y.floats()[i] = (float) f.applyAsDouble(x.floats()[i]);
            }
        }
        return List.of(y);
    }

    private static double sigmoid(double x) {
        // written so that exp never overflows
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    private static double softplus(double x) {
        // log(1 + exp(x)) without overflow for large x
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }
}
