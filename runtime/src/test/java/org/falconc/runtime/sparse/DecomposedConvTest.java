package org.falconc.runtime.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.falconc.runtime.Epilogue;
import org.falconc.runtime.conv.ConvNhwc;
import org.falconc.runtime.conv.ConvNhwcLayer;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;
import org.falconc.runtime.profile.Profile;
import org.falconc.runtime.profile.Profiler;
import org.junit.jupiter.api.Test;

/** The per-inference decision of a decomposed convolution: both branches run, on the zero count of the input. */
class DecomposedConvTest {
    private static final int N = 1, C = 48, H = 9, W = 9, K = 64;

    private static ConvNhwcLayer layer(Random rnd) {
        float[] w = new float[K * C * 9];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (rnd.nextDouble() - 0.5);
        }
        float[] panels = new float[ConvNhwc.packedLength(K, C, 3, 3, 1)];
        ConvNhwc.packInto(w, 0, K, C, 3, 3, 1, panels);
        int variant = ConvNhwc.chooseVariant(N, C, H, W, K, H, W, 3, 3, 1, 1, 1, 1, 1, 1, 1);
        return ConvNhwc.prepacked(panels, N, C, H, W, K, H, W, 3, 3, 1, 1, 1, 1, 1, 1, 1, C, K, variant);
    }

    /** An input with exactly half of its elements zero. */
    private static float[] halfZero(Random rnd) {
        float[] x = new float[N * H * W * C];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 2 == 0 ? 0f : (float) (rnd.nextDouble() + 0.1);
        }
        return x;
    }

    @Test
    void runsSparseAtOrAboveTheBreakEvenAndDenseBelow() {
        Random rnd = new Random(3);
        ConvNhwcLayer l = layer(rnd);
        float[] x = halfZero(rnd);
        long[] bits = new long[ActivationBits.words(N * H * W, C)];
        ExecutionContext ctx = new ExecutionContext(ThreadPool.of(1));
        assertEquals(x.length / 2, ActivationBits.buildAll(ctx, x, 0, N * H * W, C, C, bits, 0));
        assertTrue(DecomposedConv.runsSparse(l, bits, 0, 0.5f), "50% zeros reach a break-even of 0.5");
        assertFalse(DecomposedConv.runsSparse(l, bits, 0, 0.51f));

        float[] dense = new float[N * H * W * K];
        ConvNhwc.run(ctx, l, x, 0, dense, 0, null, Epilogue.RELU, 0, 0, null, 0);
        Profile p = new Profile();
        ctx.setProfile(p);
        float[] sparse = new float[dense.length];
        Profiler.begin(ctx, 0);
        DecomposedConv.run(ctx, l, x, 0, bits, 0, sparse, 0, null, Epilogue.RELU, 0, 0, null, 0, 0.4f);
        Profiler.end(ctx, 0);
        float[] viaDense = new float[dense.length];
        Profiler.begin(ctx, 1);
        DecomposedConv.run(ctx, l, x, 0, bits, 0, viaDense, 0, null, Epilogue.RELU, 0, 0, null, 0, 0.6f);
        Profiler.end(ctx, 1);
        assertEquals(1, p.sparseDecisions(0));
        assertEquals(1, p.decisions(0));
        assertEquals(0, p.sparseDecisions(1));
        assertEquals(1, p.decisions(1));
        assertEquals(0.4f, p.breakEven(0));
        assertArrayEquals(dense, viaDense);
        for (int i = 0; i < dense.length; i++) {
            assertEquals(dense[i], sparse[i], 1e-4f * (1 + Math.abs(dense[i])), "element " + i);
        }
        // the sparse run executes only the MACs whose activation is not zero
        assertTrue(p.executedMacs(0) < p.denseMacs(0));
        assertEquals(p.denseMacs(0) - p.zeroOperandMacs(0), p.executedMacs(0));
        assertEquals(p.denseMacs(1), p.executedMacs(1));
    }
}
