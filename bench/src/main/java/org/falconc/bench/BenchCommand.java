package org.falconc.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.falconc.cli.CommonOptions;
import org.falconc.cli.Main;
import org.falconc.cli.Threads;
import org.falconc.compiler.CompileRequest;
import org.falconc.compiler.CompileListener;
import org.falconc.compiler.Falconc;
import org.falconc.compiler.UserException;
import org.falconc.passes.SparsityMode;
import org.falconc.runtime.io.ImagePreset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code falconc bench MODEL} and {@code falconc bench --gemm}: falconc against ONNX Runtime. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark a model (or with --gemm the GEMM) against ONNX Runtime.",
            "MODEL: compiles it (timed), then per thread count runs the compiled model and ONNX Runtime "
                + "alternately on the same inputs and reports median, p10/p90 latency, throughput and the "
                + "median per-round ratio falconc/ORT; then each engine alone (falconc alone, ORT alone, and the "
                + "ratio of their medians); falconc's GFLOP/s (2 x dense conv and matrix-product MACs / median) "
                + "and %% of the machine's fp32 FMA peak x threads (measured first by a Vector API loop); also "
                + "time to first inference and peak heap of the jar in a fresh JVM.",
            "--gemm: falconc's packed GEMM against ORT's MatMul on the ResNet-50 convolution shapes, in GFLOP/s.",
            "Run through ./falconc, which adds --add-modules jdk.incubator.vector (the Vector API GEMM)."})
public final class BenchCommand implements Callable<Integer> {
    private static final int MODEL_ROUNDS = 30;
    private static final int GEMM_ROUNDS = 50;

    /** Output formats. */
    enum Format { md, json }

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "The ONNX model (not with --gemm).")
    Path model;

    @Option(names = "--gemm", description = "Benchmark the GEMM on the ResNet-50 convolution shapes instead of a model.")
    boolean gemm;

    @Option(names = "--threads", split = ",", paramLabel = "N", defaultValue = "1,2",
            description = "Thread counts, each a full comparison (falconc's pool = ORT's intra-op threads); "
                    + "default ${DEFAULT-VALUE}.")
    List<Integer> threads = new ArrayList<>();

    @Option(names = "--rounds", paramLabel = "N",
            description = "Timed rounds per thread count (default " + MODEL_ROUNDS + ", with --gemm " + GEMM_ROUNDS
                    + " per shape).")
    Integer rounds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10",
            description = "Untimed warm-up rounds first, at least; default ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "2",
            description = "Untimed warm-up time, at least (the JIT needs many calls of each kernel: small models "
                    + "need more rounds than large ones); default ${DEFAULT-VALUE}.")
    double warmupSeconds;

    @Option(names = "--images", paramLabel = "DIR",
            description = "Photos to run on (up to 16, cycled through the rounds) instead of random data.")
    Path images;

    @Option(names = "--preprocess", paramLabel = "NAME",
            description = "How --images become inputs: imagenet, caffe2, mnist, cifar, ultraface, luma, rgb, grey; "
                    + "default chosen from the input shape.")
    String preprocess;

    /** A compiled variant of the bench: a sparsity mode, and whether --calibrate applies to it. */
    enum BenchVariant {
        off(SparsityMode.OFF, false), exact(SparsityMode.EXACT, false),
        exact_calibrated(SparsityMode.EXACT, true), threshold(SparsityMode.THRESHOLD, true);

        final SparsityMode mode;
        final boolean calibrated;

        BenchVariant(SparsityMode mode, boolean calibrated) {
            this.mode = mode;
            this.calibrated = calibrated;
        }
    }

    @Option(names = "--sparsity", split = ",", paramLabel = "MODE", defaultValue = "exact",
            converter = BenchVariantConverter.class,
            description = "Compiled variants, each timed as its own engine in the same rounds: off, exact "
                    + "(uncalibrated: the run-time decision by the cost model), exact-calibrated, threshold (the last two "
                    + "need --calibrate); the first is the one compared in the main table; default ${DEFAULT-VALUE}.")
    List<BenchVariant> sparsity = new ArrayList<>();

    /** Reads {@code exact-calibrated} as the enum constant {@code exact_calibrated}. */
    static final class BenchVariantConverter implements picocli.CommandLine.ITypeConverter<BenchVariant> {
        @Override
        public BenchVariant convert(String value) {
            try {
                return BenchVariant.valueOf(value.replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("unknown variant '" + value
                        + "' (off, exact, exact-calibrated, threshold)");
            }
        }
    }

    @Option(names = "--calibrate", paramLabel = "DIR",
            description = "Calibration inputs for the sparse variants (see falconc compile --calibrate).")
    Path calibrate;

    @Option(names = "--max-drop", paramLabel = "P", defaultValue = "0.01",
            description = "Threshold variant: the largest share of calibration inputs whose top-1 class may change "
                    + "(non-classifiers: the largest relative L2 error); default ${DEFAULT-VALUE}.")
    double maxDrop;

    @Option(names = "--no-fresh-jvm", negatable = false,
            description = "Skip time to first inference and peak heap (they run the jar in a new JVM).")
    boolean noFreshJvm;

    @Option(names = "--ort-no-spin", negatable = false,
            description = "Let ONNX Runtime's idle workers sleep at once instead of spinning (its default). Either "
                    + "way the harness pauses 5 ms, untimed, before every run so that one engine's spinning workers "
                    + "are idle when the other runs.")
    boolean ortNoSpin;

    @Option(names = "--format", defaultValue = "md", paramLabel = "md|json",
            description = "Report format: md (a markdown table) or json; default ${DEFAULT-VALUE}.")
    Format format;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // One line per stage on a terminal; scripts that redirect the report get a quiet stderr.
        Consumer<String> progress = System.console() == null ? stage -> { } : stage -> {
            err.println("falconc bench: " + stage + "...");
            err.flush();
        };
        if (gemm == (model != null)) {
            throw new UserException("give either MODEL or --gemm");
        }
        threads.forEach(Threads::require);
        Main.hintIfScalar(err);
        try {
            return benchmark(out, progress);
        } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new UserException("ONNX Runtime cannot load its native library (" + e
                    + "); falconc-bench.jar must carry ai/onnxruntime/native for this platform");
        }
    }

    private int benchmark(PrintWriter out, Consumer<String> progress) throws Exception {
        if (gemm) {
            GemmReport r = GemmBenchmark.run(GemmShape.RESNET50, threads, warmup, warmupSeconds,
                    rounds == null ? GEMM_ROUNDS : rounds, !ortNoSpin, progress);
            out.print(format == Format.md ? MarkdownReport.of(r) : JsonReport.of(r) + "\n");
        } else {
            PrintWriter err = spec.commandLine().getErr();
            CompileListener notes = new CompileListener() {
                @Override
                public void note(String message) {
                    err.println("falconc: " + message);
                    err.flush();
                }
            };
            ImagePreset preset = preprocess == null ? null : ImagePreset.parse(preprocess);
            List<Variant> variants = new ArrayList<>();
            for (BenchVariant v : sparsity) {
                if (v.calibrated && calibrate == null) {
                    throw new UserException("--sparsity " + v.name().replace('_', '-') + " needs --calibrate DIR");
                }
                progress.accept("preparing sparsity " + v.mode.name().toLowerCase(java.util.Locale.ROOT) + (v.calibrated ? " (calibrating on " + calibrate + ")" : ""));
                String name = "sparsity " + v.mode.name().toLowerCase(java.util.Locale.ROOT)
                        + (v.calibrated ? " (calibrated)" : "");
                CompileRequest request = CompileRequest.to(model).sparsity(v.mode).calibration(v.calibrated ? calibrate : null)
                        .maxDrop(maxDrop).preprocess(preprocess).listener(notes);
                variants.add(new Variant(name, Falconc.passOptions(model, request)));
            }
            BenchSettings settings = new BenchSettings(model, threads, warmup, warmupSeconds,
                    rounds == null ? MODEL_ROUNDS : rounds, images, preset, !noFreshJvm, !ortNoSpin, variants);
            ModelReport r = ModelBenchmark.run(settings, progress);
            out.print(format == Format.md ? MarkdownReport.of(r) : JsonReport.of(r) + "\n");
        }
        out.flush();
        return 0;
    }
}
