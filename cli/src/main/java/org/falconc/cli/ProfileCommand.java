package org.falconc.cli;

import org.falconc.compiler.CompileRequest;
import org.falconc.compiler.UserException;
import org.falconc.compiler.CompiledJar;
import org.falconc.compiler.ModelArrays;
import org.falconc.compiler.InputSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.falconc.cli.report.ChosenInput;
import org.falconc.cli.report.ProfileFacts;
import org.falconc.cli.report.SparsityReport;
import org.falconc.frontend.TensorFiles;
import org.falconc.ir.Tensor;
import org.falconc.runtime.io.ImagePreset;
import org.falconc.runtime.model.CompiledModel;
import org.falconc.runtime.profile.MachinePeak;
import org.falconc.runtime.profile.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code falconc profile MODEL}: per-layer time, sparse decisions, MACs and GFLOP/s of the compiled model on given inputs. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Run a compiled model with per-layer counters and print a table: per layer the op, output, "
                + "execution (dense, or decomposed), for a decomposed layer how many inferences ran sparse and its "
                + "break-even zero fraction, dense and executed MACs, zero fraction of the input, capture, time, and for "
                + "layers with MACs GFLOP/s (2 x dense MACs / time) and %% of peak; then the totals: theoretical "
                + "computation reduction (MACs whose activation operand is zero / convolution MACs), executed reduction "
                + "(1 - executed / dense convolution MACs), capture (skipped MACs / MACs whose activation operand is "
                + "zero) and the model's GFLOP/s and %% of peak.",
            "Peak: this machine's fp32 FMA peak per core, measured first by a Vector API loop, x --threads; it needs "
                + "the Vector API (the falconc launcher adds --add-modules jdk.incubator.vector), else %% of peak is n/a.",
            "MODEL is an .onnx file (compiled first, with the sparsity options) or a .jar from falconc compile.",
            "Inputs: --input NAME=FILE (.pb tensors), or --images DIR (photos, preprocessed for the input shape, or "
                + ".pb tensors), or random data when neither is given. With --images and no --calibrate, an .onnx "
                + "MODEL is calibrated on the --images inputs (without calibration each decomposed layer decides per input "
                + "by its cost-model break-even).",
            "--report DIR also writes DIR/index.html, a page for any browser (no script, no network): the table and "
                + "totals, a chart of dense vs executed MACs and time per layer, and per convolution a heat map of its "
                + "input's zero channels per pixel on the first input, next to that input's picture."})
final class ProfileCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model;

    @Mixin
    SparsityOptions sparsity;

    @Mixin
    CommonOptions common;

    @Option(names = "--input", paramLabel = "NAME=FILE",
            description = "An input tensor (.pb); NAME may be left out when the model has one input.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--images", paramLabel = "DIR",
            description = "Photos (up to 16) or .pb tensors (up to 256) to run on, one inference each per run.")
    Path images;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Profiled passes over the inputs; default ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5",
            description = "Unprofiled passes over the inputs first (JIT warm-up); default ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Threads of the model's pool, 1 to 1024; default ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write a sparsity report to DIR/index.html (DIR is created; its PNGs beside the page).")
    Path report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Threads.require(threads);
        if (runs < 1 || warmup < 0) {
            throw new UserException("--runs must be at least 1, --warmup at least 0");
        }
        if (images != null && !inputs.isEmpty()) {
            throw new UserException("give either --input or --images");
        }
        if (report != null && Files.exists(report) && !Files.isDirectory(report)) {
            throw new UserException("--report: not a directory: " + report);
        }
        Path file = model.model;
        if (!Files.isRegularFile(file)) {
            throw new UserException("model not found: " + file);
        }
        if (file.toString().endsWith(".jar")) {
            return profile(file, file.toString());
        }
        if (sparsity.calibrate == null && images != null && sparsity.mode != SparsityOptions.Mode.off) {
            // Without calibration nothing goes sparse; the photos to profile on are the natural evidence.
            sparsity.calibrate = images;
            spec.commandLine().getErr().println("falconc: profile: calibrating on --images " + images
                    + " (give --calibrate DIR to use other inputs, --sparsity off for the dense model)");
        }
        Path dir = Files.createTempDirectory("falconc-profile");
        Path jar = dir.resolve("Model.jar");
        try {
            CompileRun.compile(file, sparsity.apply(CompileRequest.to(jar).inputShapes(model.inputShapes)),
                    new PrintWriter(java.io.Writer.nullWriter()), spec.commandLine().getErr());
            return profile(jar, file + " (" + sparsity.describe() + ")");
        } finally {
            Files.deleteIfExists(jar);
            Files.deleteIfExists(dir);
        }
    }

    private int profile(Path jar, String what) throws IOException {
        Main.hintIfScalar(spec.commandLine().getErr());
        // Measured before the model's pool exists, so its spinning workers cannot take the core.
        MachinePeak peak = MachinePeak.measure().orElse(null);
        try (CompiledJar cj = CompiledJar.open(jar, threads)) {
            CompiledModel m = cj.model();
            List<Map<String, ?>> samples = samples(m);
            // The report's heat maps: the first input alone, before the timed runs, on a profile of its own.
            Profile zeroMaps = report == null ? null : SparsityReport.captureZeroMaps(m, samples.get(0));
            for (int w = 0; w < warmup; w++) {
                for (Map<String, ?> s : samples) {
                    m.runArrays(s);
                }
            }
            Profile p = new Profile();
            for (int r = 0; r < runs; r++) {
                for (Map<String, ?> s : samples) {
                    m.runArrays(s, p);
                }
            }
            String title = what + ", " + threads + " thread" + (threads == 1 ? "" : "s");
            ProfileFacts facts = ProfileFacts.of(m.layers(), p, runs * samples.size(), title, peak, threads);
            ProfileReport.print(spec.commandLine().getOut(), facts);
            if (report != null) {
                Path page = SparsityReport.write(report, facts, zeroMaps,
                        ChosenInput.of(m, samples.get(0), images, sparsity.preprocess));
                spec.commandLine().getErr().println("falconc: profile: report written to " + page);
            }
        }
        return 0;
    }

    private static boolean containsTensors(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UserException("--images: not a directory: " + dir);
        }
        try (var files = Files.list(dir)) {
            return files.anyMatch(p -> p.toString().endsWith(".pb"));
        }
    }

    /** The input samples: the --input files, the --images photos or tensors, or one random sample. */
    private List<Map<String, ?>> samples(CompiledModel m) throws IOException {
        if (!inputs.isEmpty()) {
            Map<String, Tensor> named = new LinkedHashMap<>();
            Tensor unnamed = InputFiles.read(inputs, named);
            Map<String, Tensor> given = InputFiles.byName(m.inputNames(), named, unnamed);
            try {
                return List.of(ModelArrays.arrays(m, given));
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
        }
        if (images != null && containsTensors(images)) {
            List<Map<String, ?>> samples = new ArrayList<>();
            try (var files = Files.list(images)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".pb")).sorted().limit(256).toList()) {
                    var t = TensorFiles.read(f);
                    String name = m.inputNames().contains(t.name()) ? t.name() : m.inputNames().get(0);
                    samples.add(ModelArrays.arrays(m, Map.of(name, t.tensor())));
                }
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            return samples;
        }
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (String name : m.inputNames()) {
            if (!m.inputType(name).equals("f32")) {
                throw new UserException("input '" + name + "' is " + m.inputType(name) + ": give it with --input NAME=FILE");
            }
            shapes.put(name, m.inputShape(name));
        }
        try {
            InputSet set = InputSet.create(shapes, images, sparsity.preprocess == null ? null : ImagePreset.parse(sparsity.preprocess));
            return new ArrayList<>(set.samples());
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }
}
