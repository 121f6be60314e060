package org.falconc.bench;

import org.falconc.compiler.InputSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.falconc.runtime.model.CompiledModel;
import org.falconc.runtime.profile.Flops;

/**
 * {@code falconc bench MODEL}: in one JVM, compiles the model to a temporary jar (timed), loads it, and
 * for each thread count runs it and ONNX Runtime in rotation on the same inputs ({@link RotatingRounds}),
 * then each alone; then measures the jar in a fresh JVM ({@link FreshJvmProbe}).
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
            List<Variant> variants = settings.variants();
            List<ModelCompilation> compilations = new ArrayList<>();
            for (int v = 0; v < variants.size(); v++) {
                progress.accept("compiling " + settings.model().getFileName() + " (" + variants.get(v).name() + ")");
                compilations.add(ModelCompilation.compile(settings.model(), work.resolve("model" + v + ".jar"),
                        variants.get(v).options()));
            }
            ModelCompilation compilation = compilations.get(0);
            FreshJvmProbe probe = settings.freshJvm() ? new FreshJvmProbe(work) : null;
            List<ThreadComparison> results = new ArrayList<>();
            String inputDescription;
            long flops;
            List<ModelJar> jars = new ArrayList<>();
            try {
                for (ModelCompilation c : compilations) {
                    jars.add(new ModelJar(c.jar(), c.className()));
                }
                CompiledModel first = jars.get(0).build(settings.threads().get(0));
                flops = Flops.denseFlops(first.layers());
                InputSet inputs = InputSet.create(ModelJar.f32Inputs(first), settings.images(), settings.preset());
                inputDescription = inputs.description();
                for (int threads : settings.threads()) {
                    progress.accept("running falconc" + (variants.size() > 1 ? " (" + variants.size() + " variants)" : "")
                            + " and ONNX Runtime in rotation, " + threads + " thread(s)");
                    List<CompiledModel> models = new ArrayList<>();
                    for (ModelJar jar : jars) {
                        models.add(jar.build(threads));
                    }
                    results.add(compare(settings, compilation, probe, inputs, models, threads));
                }
            } finally {
                for (ModelJar jar : jars) {
                    jar.close();
                }
            }
            return new ModelReport(environment, settings.model().getFileName().toString(), inputDescription,
                    settings.warmup(), settings.warmupSeconds(), settings.rounds(), settings.ortSpinning(), compilation, results,
                    variants.get(0).name(), flops);
        } finally {
            deleteTree(work);
        }
    }

    /** Engines 0..v-1 are the variants, engine v is ONNX Runtime. */
    private static ThreadComparison compare(BenchSettings settings, ModelCompilation compilation, FreshJvmProbe probe,
                                            InputSet inputs, List<CompiledModel> models, int threads) throws Exception {
        RotatingRounds rounds;
        long[] falconcAlone;
        long[] ortAlone;
        List<OutputAgreement> agreements = new ArrayList<>();
        int ortIndex = models.size();
        List<FalconcEngine> falconc = new ArrayList<>();
        for (CompiledModel m : models) {
            falconc.add(new FalconcEngine(m, inputs));
        }
        try (OrtEngine ort = new OrtEngine(settings.model(), threads, settings.ortSpinning(), inputs)) {
            var reference = ort.run(0);
            for (FalconcEngine f : falconc) {
                agreements.add(OutputAgreement.of(f.run(0), reference));
            }
            List<InferenceEngine> engines = new ArrayList<>(falconc);
            engines.add(ort);
            rounds = RotatingRounds.run(engines, settings.warmup(), settings.warmupSeconds(), settings.rounds());
            falconcAlone = RotatingRounds.alone(falconc.get(0), settings.rounds());
            ortAlone = RotatingRounds.alone(ort, settings.rounds());
        } finally {
            for (FalconcEngine f : falconc) {
                f.close();
            }
        }
        List<VariantTiming> others = new ArrayList<>();
        for (int v = 1; v < models.size(); v++) {
            others.add(new VariantTiming(settings.variants().get(v).name(), LatencyStats.of(rounds.of(v)),
                    rounds.medianRatio(v, ortIndex), rounds.medianRatio(v, 0), agreements.get(v),
                    Flops.denseFlops(models.get(v).layers())));
        }
        FreshJvmResult fresh = probe == null ? null : probe.run(compilation.jar(), compilation.className(), threads);
        return new ThreadComparison(threads, LatencyStats.of(rounds.of(0)), LatencyStats.of(rounds.of(ortIndex)),
                rounds.medianRatio(0, ortIndex), agreements.get(0), fresh, others, LatencyStats.of(falconcAlone),
                LatencyStats.of(ortAlone));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
