package org.falconc.compiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.falconc.interp.Interpreter;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.passes.PassOptions;
import org.falconc.passes.Pipeline;
import org.falconc.passes.SparsityMode;
import org.falconc.passes.sparsity.SparsityAnalysis;
import org.falconc.passes.sparsity.SparsityCalibration;
import org.falconc.runtime.model.CompiledModel;
import org.falconc.runtime.profile.LayerInfo;
import org.falconc.runtime.profile.Profile;

/**
 * {@code --calibrate DIR}: measures, on the calibration inputs, every decomposed convolution's input
 * zero fraction and its time sparse against dense, so schedule-sparsity keeps the sparse path only
 * where it pays on inputs like these and records a calibrated break-even; in threshold mode it also
 * picks the per-producer thresholds.
 *
 * <p>Zero fractions and times come from the compiled model with per-layer counters: the model with
 * every decomposed layer forced sparse and its dense twin run in alternation. Thresholds: per producer,
 * by {@link GreedyThresholds} on two thirds of the inputs (each producer climbs a {@link ThresholdLadder}
 * of quantiles of its positive outputs while the compiled model still agrees with the dense one: top-1
 * class on at least (1 - P) of the inputs for a classifier, otherwise a relative L2 error of the
 * outputs of at most P on every input), then checked on the other third and backed off until it holds
 * there too. Statistics are then measured again with the thresholds applied.
 */
final class Calibrator {
    /** Positive values kept per producer to estimate its quantiles. */
    private static final int QUANTILE_SAMPLE = 200_000;
    /** A layer keeps its sparse path only when the clock says it takes at most this share of its dense twin's time. */
    private static final double TIMED_MARGIN = 0.97;
    private static final int TIMING_WARMUP = 6;
    private static final int TIMING_PASSES = 6;
    private static final int TIMING_SAMPLES = 16;

    private final Path model;
    private final Map<String, int[]> inputShapes;
    private final CompileListener listener;
    private boolean classifier;

    Calibrator(Path model, Map<String, int[]> inputShapes, CompileListener listener) {
        this.model = model;
        this.inputShapes = inputShapes;
        this.listener = listener;
    }

    /** Exact mode: the calibrated pass options. */
    PassOptions exact(Path dir, String preprocess) throws IOException {
        PassOptions options = base(SparsityMode.EXACT);
        Graph g = decomposed(options);
        List<Map<String, Tensor>> samples = CalibrationInputs.read(dir, g, preprocess);
        return options.withCalibration(timed(options, g, samples));
    }

    /**
     * Threshold mode: per-producer thresholds chosen by {@link GreedyThresholds} on the selection part of
     * the calibration inputs and checked on the held-out part, then calibrated statistics with them.
     */
    PassOptions threshold(Path dir, String preprocess, double maxDrop) throws IOException {
        long t0 = System.nanoTime();
        PassOptions exact = base(SparsityMode.EXACT);
        Graph g = decomposed(exact);
        List<Map<String, Tensor>> samples = CalibrationInputs.read(dir, g, preprocess);
        List<Map<String, Tensor>> selection = new ArrayList<>();
        List<Map<String, Tensor>> heldOut = new ArrayList<>();
        split(samples, selection, heldOut);
        Map<String, float[]> positives = new HashMap<>();
        Map<String, Double> positiveShare = new HashMap<>();
        positives(g, selection, positives, positiveShare);
        classifier = Agreement.isClassifier(g);
        if (positives.isEmpty()) {
            note("no convolution reads a Relu output: threshold mode has nothing to threshold");
            return exact;
        }
        List<ThresholdLadder> ladders = new ArrayList<>();
        Map<String, Double> macs = producerMacs(g);
        for (var e : positives.entrySet()) {
            ladders.add(ThresholdLadder.of(e.getKey(), e.getValue(), positiveShare.get(e.getKey()),
                    macs.getOrDefault(e.getKey(), 0.0)));
        }
        ladders.sort(java.util.Comparator.comparing(ThresholdLadder::producer));
        Path work = Files.createTempDirectory("falconc-calibrate");
        try {
            Path denseJar = compile(exact, work.resolve("dense.jar"));
            Map<GreedyThresholds.Part, List<Map<String, Tensor>>> inputs = Map.of(
                    GreedyThresholds.Part.SELECTION, selection, GreedyThresholds.Part.HELD_OUT, heldOut);
            Map<GreedyThresholds.Part, List<Map<String, Object>>> reference = new HashMap<>();
            for (var part : GreedyThresholds.Part.values()) {
                reference.put(part, outputs(denseJar, inputs.get(part), false));
            }
            Files.deleteIfExists(denseJar);
            GreedyThresholds.Evaluator evaluator = (thresholds, part) -> {
                PassOptions options = base(SparsityMode.THRESHOLD).withThresholds(thresholds);
                List<Map<String, Object>> got = outputs(compile(options, work.resolve("candidate.jar")),
                        inputs.get(part), true);
                List<Map<String, Object>> ref = reference.get(part);
                return new GreedyThresholds.Verdict(Agreement.change(ref, got),
                        Agreement.within(classifier, ref, got, maxDrop), Agreement.describe(classifier, ref, got));
            };
            GreedyThresholds.Result r = new GreedyThresholds(ladders, evaluator, MAX_EVALUATIONS).run(!heldOut.isEmpty());
            Map<String, Float> chosen = new LinkedHashMap<>();
            r.thresholds().forEach((k, v) -> {
                if (v > 0) {
                    chosen.put(k, v);
                }
            });
            PassOptions options = base(SparsityMode.THRESHOLD).withThresholds(chosen);
            double saved = 0;
            double total = 0;
            for (ThresholdLadder l : ladders) {
                int level = r.levels().get(l.producer());
                saved += l.macs() * (l.zeroFraction(level) - l.zeroFraction(-1));
                total += l.macs();
            }
            note("per-producer thresholds on %d of %d producers (%d steps accepted on %d selection inputs, %d kept "
                    + "after the check on %d held-out inputs; %d evaluations in %.1f s); selection: %s; held-out: %s; "
                    + "estimated extra zero-operand MACs %.1f%% of those reading the producers",
                    chosen.size(), ladders.size(), r.accepted().size(), selection.size(), r.kept(), heldOut.size(),
                    r.evaluations(), (System.nanoTime() - t0) / 1e9, r.selection().summary(),
                    r.heldOut() == null ? "none (fewer than 3 inputs)" : r.heldOut().summary(),
                    total == 0 ? 0.0 : 100 * saved / total);
            SparsityCalibration cal = timed(options, decomposed(options), samples);
            return options.withCalibration(cal);
        } finally {
            deleteDirectory(work);
        }
    }

    /** Evaluations the threshold search may run (each compiles the model once). */
    private static final int MAX_EVALUATIONS = 200;

    /**
     * The deterministic split of the calibration inputs: every third input (indices 2, 5, 8, ...) is
     * held out, the others select the thresholds; with fewer than 3 inputs none is held out.
     */
    static <T> void split(List<T> samples, List<T> selection, List<T> heldOut) {
        for (int i = 0; i < samples.size(); i++) {
            (samples.size() >= 3 && i % 3 == 2 ? heldOut : selection).add(samples.get(i));
        }
    }

    /**
     * Per producer key: the dense MACs of the decomposed convolutions that read its zeros; a
     * convolution reading several producers (a channel Concat) is shared by their output channels.
     */
    private static Map<String, Double> producerMacs(Graph g) {
        Map<String, Node> nodes = new HashMap<>();
        for (Node n : g.nodes()) {
            if (n.numOutputs() > 0) {
                nodes.put(SparsityAnalysis.producerKey(n), n);
            }
        }
        Map<String, Double> macs = new HashMap<>();
        for (var c : SparsityAnalysis.decomposedConvs(g)) {
            Node conv = c.node();
            int[] w = conv.input(1).type().shape().dims();
            double perOutput = 1;
            for (int i = 1; i < w.length; i++) {
                perOutput *= w[i];
            }
            double convMacs = conv.output(0).type().shape().numElements() * perOutput;
            double channels = 0;
            for (String p : c.producers()) {
                channels += channels(nodes.get(p));
            }
            for (String p : c.producers()) {
                macs.merge(p, convMacs * channels(nodes.get(p)) / channels, Double::sum);
            }
        }
        return macs;
    }

    /** A producer's output channels when it is a convolution (its weights' first dim), else 1. */
    private static double channels(Node producer) {
        if (producer != null && producer.numInputs() > 1 && producer.input(1) != null && producer.input(1).isConstant()
                && producer.input(1).hasType() && producer.input(1).type().shape().dims().length >= 2
                && !producer.op().equals("Relu")) {
            return producer.input(1).type().shape().dim(0);
        }
        return 1;
    }

    /**
     * Calibrated modes also decompose convolutions that read a graph input (images often hold exact
     * zeros, e.g. a digit's background): with measured statistics the scheduler keeps them dense when
     * the input is not sparse, so nothing is lost.
     */
    private static PassOptions base(SparsityMode mode) {
        return PassOptions.defaults().withSparsity(mode).withDecomposeGraphInputs(true)
                .withBreakEvenModel(org.falconc.codegen.lower.ops.SparseBreakEven::of);
    }

    /**
     * Per decomposed convolution of {@code g}: its input zero fraction on the samples and whether its
     * sparse kernel beat the dense one there. Compiles the model with every decomposed layer forced
     * sparse (break-even 0) and its dense twin (sparsity off), runs both in alternation with per-layer
     * counters, and compares each layer's time (the sparse side charged with its bitmap's time) with
     * its dense twin's. A layer that won gets a break-even of at most its measured zero fraction (the
     * runtime's cost model's, when lower); one that lost gets one above it, and schedule-sparsity makes
     * it dense.
     */
    private SparsityCalibration timed(PassOptions options, Graph g, List<Map<String, Tensor>> all) throws IOException {
        long t0 = System.nanoTime();
        List<Map<String, Tensor>> samples = all.subList(0, Math.min(all.size(), TIMING_SAMPLES));
        Map<String, SparsityCalibration.Layer> forced = new LinkedHashMap<>();
        for (var c : SparsityAnalysis.decomposedConvs(g)) {
            forced.put(c.name(), new SparsityCalibration.Layer(1, 0));
        }
        Path work = Files.createTempDirectory("falconc-schedule");
        Map<String, Float> modelBreakEvens = new HashMap<>();
        try (CompiledJar model = CompiledJar.open(compile(options.withCalibration(null), work.resolve("model.jar")), 1)) {
            Profile p = new Profile();
            model.model().runArrays(ModelArrays.arrays(model.model(), samples.get(0)), p);
            for (LayerInfo l : model.model().layers()) {
                if (!Float.isNaN(p.breakEven(l.index()))) {
                    modelBreakEvens.put(l.name(), p.breakEven(l.index()));
                }
            }
        }
        Map<String, SparsityCalibration.Layer> result = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        try (CompiledJar sparse = CompiledJar.open(compile(options.withCalibration(SparsityCalibration.of(forced)),
                     work.resolve("sparse.jar")), 1);
             CompiledJar dense = CompiledJar.open(compile(options.withSparsity(SparsityMode.OFF),
                     work.resolve("dense.jar")), 1)) {
            List<Map<String, Object>> sIn = arrays(sparse.model(), samples);
            List<Map<String, Object>> dIn = arrays(dense.model(), samples);
            Profile sp = new Profile();
            Profile dp = new Profile();
            for (int pass = 0; pass < TIMING_WARMUP + TIMING_PASSES; pass++) {
                boolean timedPass = pass >= TIMING_WARMUP;
                for (int i = 0; i < samples.size(); i++) {
                    // Alternate which model runs first, so drift hits both.
                    if ((pass + i) % 2 == 0) {
                        sparse.model().runArrays(sIn.get(i), timedPass ? sp : null);
                        dense.model().runArrays(dIn.get(i), timedPass ? dp : null);
                    } else {
                        dense.model().runArrays(dIn.get(i), timedPass ? dp : null);
                        sparse.model().runArrays(sIn.get(i), timedPass ? sp : null);
                    }
                }
            }
            Map<String, Long> denseNanos = new HashMap<>();
            for (LayerInfo l : dense.model().layers()) {
                denseNanos.put(l.value(), dp.nanos(l.index()));
            }
            // A bitmap's time is charged to each layer that reads it (what going sparse costs).
            Map<String, Long> bitsNanos = new HashMap<>();
            for (LayerInfo l : sparse.model().layers()) {
                if (l.op().equals("ActivationBits")) {
                    bitsNanos.put(l.value(), sp.nanos(l.index()));
                }
            }
            Map<String, String> bitsOf = new HashMap<>();
            for (var c : SparsityAnalysis.decomposedConvs(g)) {
                bitsOf.put(c.name(), c.node().input(4).name());
            }
            for (LayerInfo l : sparse.model().layers()) {
                Long d = denseNanos.get(l.value());
                if (!l.op().equals("DecomposedConv") || d == null || sp.inputElements(l.index()) == 0) {
                    continue;
                }
                double zeros = (double) sp.inputZeros(l.index()) / sp.inputElements(l.index());
                long s = sp.nanos(l.index()) + bitsNanos.getOrDefault(bitsOf.get(l.name()), 0L);
                // no decision recorded: the cost model made the layer dense (never pays)
                double model = modelBreakEvens.getOrDefault(l.name(), 1f);
                boolean wins = s <= TIMED_MARGIN * d;
                double breakEven = wins ? Math.min(model, zeros) : Math.min(1, Math.max(model,
                        zeros + 2 * org.falconc.passes.ScheduleSparsity.MARGIN));
                result.put(l.name(), new SparsityCalibration.Layer(zeros, breakEven));
                if (!wins) {
                    dropped.add(l.name());
                }
            }
        } finally {
            deleteDirectory(work);
        }
        note("timed %d decomposed layers sparse against dense on %d inputs in %.1f s: %d keep the sparse path, "
                + "%d dense%s", result.size(), samples.size(), (System.nanoTime() - t0) / 1e9,
                result.size() - dropped.size(), dropped.size(), dropped.isEmpty() ? "" : " " + dropped);
        return SparsityCalibration.of(result);
    }

    /** Removes a flat working directory of compiled jars. */
    private static void deleteDirectory(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    private static List<Map<String, Object>> arrays(CompiledModel m, List<Map<String, Tensor>> samples) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Tensor> s : samples) {
            out.add(ModelArrays.arrays(m, s));
        }
        return out;
    }

    /** The model after decompose-convolutions (the calibration's view of it). */
    private Graph decomposed(PassOptions options) {
        PassOptions upTo = options.withStopAfter("decompose-convolutions");
        return ModelLoader.load(model, inputShapes, Pipeline.optimizing(), upTo, Map.of()).graph();
    }

    /** Runs the interpreter on every sample, sampling the positive outputs of each producer whose zeros a decomposed convolution reads. */
    private void positives(Graph g, List<Map<String, Tensor>> samples, Map<String, float[]> positives,
                           Map<String, Double> positiveShare) {
        List<SparsityAnalysis.DecomposedConvInput> convs = SparsityAnalysis.decomposedConvs(g);
        java.util.Set<String> producers = new java.util.HashSet<>();
        for (var c : convs) {
            producers.addAll(c.producers());
        }
        Map<String, String> producerOfValue = new HashMap<>();
        for (Node n : g.nodes()) {
            String key = SparsityAnalysis.producerKey(n);
            if (producers.contains(key)) {
                producerOfValue.put(n.output(0).name(), key);
            }
        }
        Map<String, List<float[]>> collected = new HashMap<>();
        Map<String, long[]> counts = new HashMap<>(); // producer -> {positive, all}
        for (Map<String, Tensor> sample : samples) {
            Interpreter.run(g, sample, (value, tensor) -> {
                String producer = producerOfValue.get(value.name());
                if (producer != null) {
                    float[] pos = positiveValues(tensor);
                    collected.computeIfAbsent(producer, k -> new ArrayList<>()).add(pos);
                    long[] c = counts.computeIfAbsent(producer, k -> new long[2]);
                    c[0] += pos.length;
                    c[1] += tensor.numElements();
                }
            });
        }
        for (var e : collected.entrySet()) {
            positives.put(e.getKey(), sampleSorted(e.getValue()));
            long[] c = counts.get(e.getKey());
            positiveShare.put(e.getKey(), c[1] == 0 ? 0.0 : (double) c[0] / c[1]);
        }
    }

    private static float[] positiveValues(Tensor t) {
        float[] v = t.floats();
        int n = 0;
        for (float f : v) {
            if (f > 0) {
                n++;
            }
        }
        float[] out = new float[n];
        int i = 0;
        for (float f : v) {
            if (f > 0) {
                out[i++] = f;
            }
        }
        return out;
    }

    /** At most QUANTILE_SAMPLE of the values (a seeded random subset when more), sorted. */
    private static float[] sampleSorted(List<float[]> parts) {
        long total = 0;
        for (float[] p : parts) {
            total += p.length;
        }
        float[] out;
        if (total <= QUANTILE_SAMPLE) {
            out = new float[(int) total];
            int at = 0;
            for (float[] p : parts) {
                System.arraycopy(p, 0, out, at, p.length);
                at += p.length;
            }
        } else {
            out = new float[QUANTILE_SAMPLE];
            Random rnd = new Random(7);
            for (int i = 0; i < out.length; i++) {
                long k = (long) (rnd.nextDouble() * total);
                for (float[] p : parts) {
                    if (k < p.length) {
                        out[i] = p[(int) k];
                        break;
                    }
                    k -= p.length;
                }
            }
        }
        java.util.Arrays.sort(out);
        return out;
    }

    /** Compiles the model to a jar that calibration then runs. */
    private Path compile(PassOptions options, Path jar) {
        Falconc.compile(model, CompileRequest.to(jar).className("CalibrationModel").inputShapes(inputShapes), options);
        return jar;
    }

    /** The outputs of a compiled jar on the samples; {@code delete}: the jar is deleted afterwards. */
    private static List<Map<String, Object>> outputs(Path jar, List<Map<String, Tensor>> samples, boolean delete) {
        if (samples.isEmpty()) {
            return List.of();
        }
        try (CompiledJar cj = CompiledJar.open(jar)) {
            CompiledModel m = cj.model();
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, Tensor> s : samples) {
                out.add(m.runArrays(ModelArrays.arrays(m, s)));
            }
            return out;
        } finally {
            try {
                if (delete) {
                    Files.deleteIfExists(jar);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void note(String format, Object... args) {
        listener.note("calibration: " + String.format(Locale.ROOT, format, args));
    }
}
