package org.falconc.interp.tensor;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.falconc.interp.Elements;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.DType;
import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.Infer;

/**
 * Reference kernels of the two-input broadcasting ops. Each op is a table row giving its f32
 * function (in double, rounded once), its integer function (exact, wrapping at the type's width
 * like C) and, for comparisons and logic, its bool-valued predicate.
 */
final class BinaryKernels {
    private BinaryKernels() {
    }

    @FunctionalInterface
    private interface FloatOp {
        double apply(double a, double b);
    }

    @FunctionalInterface
    private interface IntOp {
        long apply(Node node, long a, long b);
    }

    @FunctionalInterface
    private interface Predicate {
        boolean test(Tensor a, int i, Tensor b, int j);
    }

    /** An arithmetic op: its f32 and integer forms. */
    private record Arithmetic(FloatOp onFloats, IntOp onIntegers) {
    }

    private static final Map<String, Arithmetic> ARITHMETIC = Map.of(
            "Add", new Arithmetic((a, b) -> a + b, (n, a, b) -> a + b),
            "Sub", new Arithmetic((a, b) -> a - b, (n, a, b) -> a - b),
            "Mul", new Arithmetic((a, b) -> a * b, (n, a, b) -> a * b),
            "Div", new Arithmetic((a, b) -> a / b, (n, a, b) -> a / nonZero(n, b)), // Java truncates like C
            "Pow", new Arithmetic(BinaryKernels::floatPower, BinaryKernels::integerPower));

    @FunctionalInterface
    private interface FloatTest {
        boolean test(double a, double b);
    }

    @FunctionalInterface
    private interface IntTest {
        boolean test(long a, long b);
    }

    /** A comparison evaluated on doubles for f32 (so NaN fails every test) and on longs for integers and bools. */
    private static Predicate comparison(FloatTest onFloats, IntTest onIntegers) {
        return (a, i, b, j) -> a.dtype() == DType.F32
                ? onFloats.test(a.getDouble(i), b.getDouble(j))
                : onIntegers.test(a.getLong(i), b.getLong(j));
    }

    private static final Map<String, Predicate> PREDICATES = Map.of(
            "Equal", comparison((a, b) -> a == b, (a, b) -> a == b),
            "Less", comparison((a, b) -> a < b, (a, b) -> a < b),
            "LessOrEqual", comparison((a, b) -> a <= b, (a, b) -> a <= b),
            "Greater", comparison((a, b) -> a > b, (a, b) -> a > b),
            "GreaterOrEqual", comparison((a, b) -> a >= b, (a, b) -> a >= b),
            "And", (a, i, b, j) -> a.bools()[i] && b.bools()[j],
            "Or", (a, i, b, j) -> a.bools()[i] || b.bools()[j],
            "Xor", (a, i, b, j) -> a.bools()[i] ^ b.bools()[j]);

    static void register(BiConsumer<String, ReferenceKernel> r) {
        for (Map.Entry<String, Arithmetic> e : ARITHMETIC.entrySet()) {
            r.accept(e.getKey(), (node, in) -> arithmetic(node, in, e.getValue().onFloats(), e.getValue().onIntegers()));
        }
        r.accept("Mod", (node, in) -> {
            boolean fmod = node.attrs().getInt("fmod", 0) == 1;
            // fmod=1: C fmod (sign of the dividend, Java's %); fmod=0: sign of the divisor, like Python
            IntOp intMod = fmod ? (n, a, b) -> a % nonZero(n, b) : (n, a, b) -> Math.floorMod(a, nonZero(n, b));
            return arithmetic(node, in, (a, b) -> a % b, intMod);
        });
        for (Map.Entry<String, Predicate> e : PREDICATES.entrySet()) {
            r.accept(e.getKey(), (node, in) -> predicate(node, in, e.getValue()));
        }
    }

    private static List<Tensor> arithmetic(Node node, List<Tensor> in, FloatOp onFloats, IntOp onIntegers) {
        Tensor a = in.get(0);
        Tensor b = in.get(1);
        Shape shape = Infer.broadcast(node, List.of(a.shape(), b.shape()));
        Tensor out = Outputs.allocate(node, 0, shape);
        int[] ia = Broadcast.sourceIndices(shape, a.shape());
        int[] ib = Broadcast.sourceIndices(shape, b.shape());
        for (int i = 0; i < out.numElements(); i++) {
            // operands share one type except for Pow, whose integer base may take an f32 exponent
            if (a.dtype().isInteger() && b.dtype().isInteger()) {
                Elements.setLong(out, i, onIntegers.apply(node, a.getLong(ia[i]), b.getLong(ib[i])));
            } else {
                Elements.setDouble(out, i, onFloats.apply(a.getDouble(ia[i]), b.getDouble(ib[i])));
            }
        }
        return List.of(out);
    }

    private static List<Tensor> predicate(Node node, List<Tensor> in, Predicate p) {
        Tensor a = in.get(0);
        Tensor b = in.get(1);
        Shape shape = Infer.broadcast(node, List.of(a.shape(), b.shape()));
        Tensor out = Outputs.allocate(node, 0, shape);
        int[] ia = Broadcast.sourceIndices(shape, a.shape());
        int[] ib = Broadcast.sourceIndices(shape, b.shape());
        for (int i = 0; i < out.numElements(); i++) {
            out.bools()[i] = p.test(a, ia[i], b, ib[i]);
        }
        return List.of(out);
    }

    private static long nonZero(Node node, long divisor) {
        if (divisor == 0) {
            throw IrException.atNode(node, "integer division by zero");
        }
        return divisor;
    }

    /**
     * x^y as C's pow (ONNX's reference is numpy's power, which follows C): Java's Math.pow gives NaN for
     * pow(1, NaN) and pow(-1, +-inf), where C gives 1; everything else agrees.
     */
    private static double floatPower(double x, double y) {
        if (x == 1 || (x == -1 && Double.isInfinite(y))) {
            return 1;
        }
        return Math.pow(x, y);
    }

    /** Integer base to a non-negative integer power by repeated squaring (wrapping like repeated C multiplication). */
    private static long integerPower(Node node, long base, long exponent) {
        if (exponent < 0) {
            throw IrException.atNode(node, "integer base raised to a negative integer power " + exponent);
        }
        long result = 1;
        long square = base;
        for (long e = exponent; e > 0; e >>= 1) {
            if ((e & 1) != 0) {
                result *= square;
            }
            square *= square;
        }
        return result;
    }
}
