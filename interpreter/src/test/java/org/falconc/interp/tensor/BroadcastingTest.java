package org.falconc.interp.tensor;

import static org.falconc.interp.tensor.KernelHarness.op;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Broadcasting kernels against a naive reimplementation: for every output coordinate, the input
 * coordinate is taken modulo the input's dimension (a different formulation from
 * {@link Broadcast}'s "size 1 reads index 0"), on random compatible shapes.
 */
class BroadcastingTest {
    private static final Random RND = new Random(42);

    /** A random output shape and, derived from it, an input shape that broadcasts to it. */
    private static Shape randomOutput() {
        int rank = RND.nextInt(5);
        int[] d = new int[rank];
        for (int i = 0; i < rank; i++) {
            d[i] = 1 + RND.nextInt(4);
        }
        return Shape.of(d);
    }

    private static Shape randomOperand(Shape out) {
        int drop = RND.nextInt(out.rank() + 1);
        int[] d = new int[out.rank() - drop];
        for (int i = 0; i < d.length; i++) {
            d[i] = RND.nextInt(3) == 0 ? 1 : out.dim(i + drop);
        }
        return Shape.of(d);
    }

    /** Naive: element of {@code t} that output coordinates {@code outCoords} read. */
    private static double read(Tensor t, int[] outCoords) {
        int offset = outCoords.length - t.shape().rank();
        int flat = 0;
        for (int a = 0; a < t.shape().rank(); a++) {
            flat = flat * t.shape().dim(a) + outCoords[a + offset] % t.shape().dim(a);
        }
        return t.getDouble(flat);
    }

    private static int[] coords(int flat, int[] dims) {
        int[] c = new int[dims.length];
        for (int a = dims.length - 1; a >= 0; a--) {
            c[a] = flat % dims[a];
            flat /= dims[a];
        }
        return c;
    }

    @Test
    void binaryArithmeticMatchesNaiveBroadcasting() {
        String[] ops = {"Add", "Sub", "Mul", "Div", "Max", "Min"};
        DoubleBinaryOperator[] fs = {(a, b) -> a + b, (a, b) -> a - b, (a, b) -> a * b, (a, b) -> a / b, Math::max, Math::min};
        for (int trial = 0; trial < 200; trial++) {
            Shape out = randomOutput();
            // either operand may be the one that is broadcast
            Shape sa = RND.nextBoolean() ? out : randomOperand(out);
            Shape sb = randomOperand(out);
            Tensor a = KernelHarness.random(RND, sa);
            Tensor b = KernelHarness.random(RND, sb);
            int k = trial % ops.length;
            Tensor y = op(ops[k]).in(a).in(b).run();
            int[] expectedDims = org.falconc.ir.ops.Infer.broadcast(null, java.util.List.of(sa, sb)).dims();
            assertArrayEquals(expectedDims, y.shape().dims(), ops[k] + " " + sa + " " + sb);
            for (int i = 0; i < y.numElements(); i++) {
                int[] c = coords(i, expectedDims);
                double expected = (float) fs[k].applyAsDouble(read(a, c), read(b, c));
                assertEquals(expected, y.floats()[i], 0.0, ops[k] + " " + sa + " " + sb + " at " + i);
            }
        }
    }

    @Test
    void whereAndLessMatchNaiveBroadcasting() {
        for (int trial = 0; trial < 100; trial++) {
            Shape out = randomOutput();
            Tensor x = KernelHarness.random(RND, randomOperand(out));
            Tensor y = KernelHarness.random(RND, randomOperand(out));
            Tensor z = KernelHarness.random(RND, out);
            Tensor less = op("Less").in(x).in(y).run();
            Tensor picked = op("Where").in(less).in(z).in(x).run();
            int[] dims = picked.shape().dims();
            for (int i = 0; i < picked.numElements(); i++) {
                int[] c = coords(i, dims);
                boolean cond = read(x, c) < read(y, c);
                double expected = cond ? read(z, c) : read(x, c);
                assertEquals(expected, picked.floats()[i], 0.0, "trial " + trial + " element " + i);
            }
        }
    }

    @Test
    void sourceIndicesOfAColumnAgainstAMatrix() {
        // out [2,3] from in [2,1]: every row reads its single element
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, Broadcast.sourceIndices(Shape.of(2, 3), Shape.of(2, 1)));
        // from a row [3]: every row reads the same three elements
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2}, Broadcast.sourceIndices(Shape.of(2, 3), Shape.of(3)));
        assertArrayEquals(new int[] {0, 0}, Broadcast.sourceIndices(Shape.of(2), Shape.SCALAR));
    }
}
