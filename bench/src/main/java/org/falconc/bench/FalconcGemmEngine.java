package org.falconc.bench;

import java.util.Map;
import org.falconc.runtime.Epilogue;
import org.falconc.runtime.gemm.Gemm;
import org.falconc.runtime.gemm.PackedMatrix;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;

/**
 * falconc's GEMM as a convolution uses it: A packed once ({@link PackedMatrix#pack}), then
 * {@code C = A x B} per call into a preallocated C, no epilogue.
 */
final class FalconcGemmEngine implements InferenceEngine {
    private final GemmShape shape;
    private final PackedMatrix a;
    private final float[] b;
    private final float[] c;
    private final ExecutionContext ctx;

    FalconcGemmEngine(GemmShape shape, float[] a, float[] b, int threads) {
        this.shape = shape;
        this.a = PackedMatrix.pack(a, 0, shape.m(), shape.k(), shape.k());
        this.b = b;
        this.c = new float[shape.m() * shape.n()];
        this.ctx = new ExecutionContext(ThreadPool.of(threads));
    }

    @Override
    public String name() {
        return "falconc";
    }

    /** Returns C[M, N] (row-major) as output "c"; the array is reused by the next call. */
    @Override
    public Map<String, float[]> run(int sample) {
        Gemm.multiply(ctx, a, b, 0, shape.n(), shape.n(), c, 0, shape.n(), null, Epilogue.NONE, 0, 0, null, 0);
        return Map.of("c", c);
    }

    @Override
    public void close() {
        // the pool's threads are daemons
    }
}
