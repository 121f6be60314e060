package org.falconc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * {@code falconc bench --gemm}: falconc's packed GEMM against ONNX Runtime's MatMul (MLAS) on the
 * ResNet-50 convolution shapes, alternating rounds as for models ({@link AlternatingRounds}).
 */
public final class GemmBenchmark {
    private GemmBenchmark() {
    }

    /** {@code ortSpinning}: ORT's default (true), or idle ORT workers that sleep at once. */
    public static GemmReport run(List<GemmShape> shapes, List<Integer> threadCounts, int warmup,
                                 double warmupSeconds, int rounds,
                                 boolean ortSpinning, Consumer<String> progress) throws Exception {
        Environment environment = Environment.current();
        List<GemmResult> results = new ArrayList<>();
        Path model = Files.createTempFile("falconc-bench-matmul", ".onnx");
        try {
            for (GemmShape shape : shapes) {
                Random rnd = new Random(shape.hashCode());
                float[] a = randomMatrix(rnd, shape.m() * shape.k());
                float[] b = randomMatrix(rnd, shape.k() * shape.n());
                MatMulModel.write(shape, a, model);
                for (int threads : threadCounts) {
                    progress.accept("GEMM " + shape + ", " + threads + " thread(s)");
                    results.add(measure(shape, a, b, model, threads, warmup, warmupSeconds, rounds, ortSpinning));
                }
            }
        } finally {
            Files.deleteIfExists(model);
        }
        return new GemmReport(environment, warmup, warmupSeconds, rounds, ortSpinning, results);
    }

    private static GemmResult measure(GemmShape shape, float[] a, float[] b, Path model, int threads, int warmup,
                                      double warmupSeconds, int rounds, boolean ortSpinning) throws Exception {
        try (FalconcGemmEngine falconc = new FalconcGemmEngine(shape, a, b, threads);
             OrtMatMulEngine ort = new OrtMatMulEngine(shape, model, b, threads, ortSpinning)) {
            OutputAgreement agreement = OutputAgreement.of(falconc.run(0), Map.of("c", ort.product()));
            AlternatingRounds r = AlternatingRounds.run(falconc, ort, warmup, warmupSeconds, rounds);
            // GFLOP/s ratio falconc / ORT = ORT's time / falconc's time, per round.
            AlternatingRounds inverse = new AlternatingRounds(r.bNanos(), r.aNanos());
            return new GemmResult(shape, threads, gflops(shape, r.aNanos()), gflops(shape, r.bNanos()),
                    inverse.medianRatio(), agreement);
        }
    }

    /** GFLOP/s of the median round. */
    private static double gflops(GemmShape shape, long[] nanos) {
        return shape.flops() / (LatencyStats.of(nanos).medianMs() * 1e6);
    }

    private static float[] randomMatrix(Random rnd, int n) {
        float[] m = new float[n];
        for (int i = 0; i < n; i++) {
            m[i] = rnd.nextFloat() - 0.5f;
        }
        return m;
    }
}
