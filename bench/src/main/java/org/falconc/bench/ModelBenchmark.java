package org.falconc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.falconc.runtime.model.CompiledModel;

/**
 * {@code falconc bench MODEL}: in one JVM, compiles the model to a temporary jar (timed), loads it, and
 * for each thread count runs it and ONNX Runtime alternately on the same inputs
 * ({@link AlternatingRounds}); then measures the jar in a fresh JVM ({@link FreshJvmProbe}).
 */
public final class ModelBenchmark {
    private ModelBenchmark() {
    }

    /** {@code progress} receives one line per stage (for stderr; may be a no-op). */
    public static ModelReport run(BenchSettings settings, java.util.function.Consumer<String> progress) throws Exception {
        if (!Files.isRegularFile(settings.model())) {
            throw new IllegalArgumentException("model file not found: " + settings.model());
        }
        Environment environment = Environment.current();
        Path work = Files.createTempDirectory("falconc-bench");
        try {
            progress.accept("compiling " + settings.model().getFileName());
            ModelCompilation compilation = ModelCompilation.compile(settings.model(), work.resolve("model.jar"));
            FreshJvmProbe probe = settings.freshJvm() ? new FreshJvmProbe(work) : null;
            List<ThreadComparison> results = new ArrayList<>();
            String inputDescription;
            try (ModelJar jar = new ModelJar(compilation.jar(), compilation.className())) {
                CompiledModel first = jar.build(settings.threads().get(0));
                InputSet inputs = InputSet.create(ModelJar.f32Inputs(first), settings.images(), settings.preset());
                inputDescription = inputs.description();
                for (int threads : settings.threads()) {
                    progress.accept("running falconc and ONNX Runtime alternately, " + threads + " thread(s)");
                    CompiledModel model = threads == settings.threads().get(0) ? first : jar.build(threads);
                    results.add(compare(settings, compilation, probe, inputs, model, threads));
                }
            }
            return new ModelReport(environment, settings.model().getFileName().toString(), inputDescription,
                    settings.warmup(), settings.warmupSeconds(), settings.rounds(), settings.ortSpinning(), compilation, results);
        } finally {
            deleteTree(work);
        }
    }

    private static ThreadComparison compare(BenchSettings settings, ModelCompilation compilation, FreshJvmProbe probe,
                                            InputSet inputs, CompiledModel model, int threads) throws Exception {
        AlternatingRounds rounds;
        OutputAgreement agreement;
        try (FalconcEngine falconc = new FalconcEngine(model, inputs);
             OrtEngine ort = new OrtEngine(settings.model(), threads, settings.ortSpinning(), inputs)) {
            agreement = OutputAgreement.of(falconc.run(0), ort.run(0));
            rounds = AlternatingRounds.run(falconc, ort, settings.warmup(), settings.warmupSeconds(),
                    settings.rounds());
        }
        FreshJvmResult fresh = probe == null ? null : probe.run(compilation.jar(), compilation.className(), threads);
        return new ThreadComparison(threads, LatencyStats.of(rounds.aNanos()), LatencyStats.of(rounds.bNanos()),
                rounds.medianRatio(), agreement, fresh);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
