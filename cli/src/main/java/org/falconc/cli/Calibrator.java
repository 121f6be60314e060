package org.falconc.cli;

import java.io.IOException;
import java.io.PrintWriter;
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
import org.falconc.codegen.CompileOptions;
import org.falconc.codegen.Compiler;
import org.falconc.interp.Interpreter;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.passes.PassOptions;
import org.falconc.passes.Pipeline;
import org.falconc.passes.SparsityMode;
import org.falconc.passes.sparsity.SparsityAnalysis;
import org.falconc.passes.sparsity.SparsityCalibration;
import org.falconc.passes.sparsity.UnitStatistics;
import org.falconc.passes.sparsity.Unit;
import org.falconc.runtime.model.CompiledModel;
import org.falconc.runtime.profile.LayerInfo;
import org.falconc.runtime.profile.Profile;

/**
 * {@code --calibrate DIR}: measures, on the calibration inputs, the unit live fraction of every
 * decomposed convolution (so schedule-sparsity decides dense or sparse and the unit from data), and in
 * threshold mode picks the per-producer thresholds.
 *
 * <p>Unit statistics come from the reference interpreter on the graph after decompose-convolutions
 * (each decomposed convolution's input is captured as it is computed). Thresholds: each producer's
 * threshold is the q-quantile of its positive outputs on the calibration inputs, one q for all
 * producers, the largest q (by bisection) whose compiled model still agrees with the dense model:
 * top-1 class on at least (1 - P) of the inputs for a classifier, otherwise a relative L2 error of
 * the outputs of at most P on every input. Statistics are then measured again with the thresholds
 * applied.
 */
final class Calibrator {
    /** Positive values kept per producer to estimate its quantiles. */
    private static final int QUANTILE_SAMPLE = 200_000;
    private static final int BISECTION_STEPS = 7;
    private static final double MAX_QUANTILE = 0.98;
    /** A sparse layer stays sparse only when the clock says it takes at most this share of its dense twin's time. */
    private static final double TIMED_MARGIN = 0.95;
    private static final int TIMING_WARMUP = 6;
    private static final int TIMING_PASSES = 6;
    private static final int TIMING_SAMPLES = 16;

    private final Path model;
    private final Map<String, int[]> inputShapes;
    private final PrintWriter err;
    private boolean classifier;

    Calibrator(Path model, Map<String, int[]> inputShapes, PrintWriter err) {
        this.model = model;
        this.inputShapes = inputShapes;
        this.err = err;
    }

    /** Exact mode: the calibrated pass options. */
    PassOptions exact(Path dir, String preprocess) throws IOException {
        PassOptions options = base(SparsityMode.EXACT);
        Graph g = decomposed(options);
        List<Map<String, Tensor>> samples = CalibrationInputs.read(dir, g, preprocess);
        long t0 = System.nanoTime();
        SparsityCalibration cal = statistics(g, samples, null);
        note("measured unit sparsity of %d decomposed convolutions on %d inputs in %.1f s", cal.nodes().size(),
                samples.size(), (System.nanoTime() - t0) / 1e9);
        return options.withCalibration(timed(options, cal, samples));
    }

    /** Threshold mode: thresholds chosen on the calibration inputs, then calibrated statistics with them. */
    PassOptions threshold(Path dir, String preprocess, double maxDrop) throws IOException {
        long t0 = System.nanoTime();
        PassOptions exact = base(SparsityMode.EXACT);
        Graph g = decomposed(exact);
        List<Map<String, Tensor>> samples = CalibrationInputs.read(dir, g, preprocess);
        Map<String, float[]> positives = new HashMap<>();
        statistics(g, samples, positives);
        classifier = Agreement.isClassifier(g);
        if (positives.isEmpty()) {
            note("no convolution reads a Relu output: threshold mode has nothing to threshold");
            return exact;
        }
        Path work = Files.createTempDirectory("falconc-calibrate");
        try {
            List<Map<String, Object>> reference = outputs(compile(exact, work.resolve("dense.jar")), samples);
            double lo = 0;
            double hi = MAX_QUANTILE;
            Map<String, Float> best = thresholds(positives, 0);
            if (acceptable(best, samples, reference, maxDrop, work)) {
                Map<String, Float> top = thresholds(positives, hi);
                if (acceptable(top, samples, reference, maxDrop, work)) {
                    lo = hi;
                    best = top;
                } else {
                    for (int step = 0; step < BISECTION_STEPS; step++) {
                        double mid = (lo + hi) / 2;
                        Map<String, Float> t = thresholds(positives, mid);
                        if (acceptable(t, samples, reference, maxDrop, work)) {
                            lo = mid;
                            best = t;
                        } else {
                            hi = mid;
                        }
                    }
                }
            }
            PassOptions chosen = base(SparsityMode.THRESHOLD).withThresholds(best);
            SparsityCalibration cal = timed(chosen, statistics(decomposed(chosen), samples, null), samples);
            note("thresholds at the %.1f%% quantile of each producer's positive outputs (%d producers), chosen on %d "
                    + "inputs in %.1f s", 100 * lo, best.size(), samples.size(), (System.nanoTime() - t0) / 1e9);
            return chosen.withCalibration(cal);
        } finally {
            deleteDirectory(work);
        }
    }

    /**
     * Calibrated modes also decompose convolutions that read a graph input (images often hold exact
     * zeros, e.g. a digit's background): with measured statistics the scheduler keeps them dense when
     * the input is not sparse, so nothing is lost.
     */
    private static PassOptions base(SparsityMode mode) {
        return PassOptions.defaults().withSparsity(mode).withDecomposeGraphInputs(true);
    }

    /**
     * The cost model's choices checked by the clock: compiles the model as scheduled and its all-dense
     * twin (same options, every unit taken as live), runs both in alternation on the samples with
     * per-layer counters, and makes every sparse layer that was not at least {@link #TIMED_MARGIN} x
     * faster than its dense twin dense (its statistics set to all live).
     */
    private SparsityCalibration timed(PassOptions options, SparsityCalibration cal, List<Map<String, Tensor>> all)
            throws IOException {
        long t0 = System.nanoTime();
        List<Map<String, Tensor>> samples = all.subList(0, Math.min(all.size(), TIMING_SAMPLES));
        Map<String, Map<Unit, Double>> allLive = new LinkedHashMap<>();
        for (String node : cal.nodes()) {
            Map<Unit, Double> live = new LinkedHashMap<>();
            cal.node(node).keySet().forEach(u -> live.put(u, 1.0));
            allLive.put(node, live);
        }
        Path work = Files.createTempDirectory("falconc-schedule");
        Map<String, Long> sparseNanos = new HashMap<>();
        Map<String, Long> denseNanos = new HashMap<>();
        Map<String, String> nodeOfValue = new HashMap<>();
        try (CompiledJar sparse = CompiledJar.open(compile(options.withCalibration(cal), work.resolve("sparse.jar")), 1);
             CompiledJar dense = CompiledJar.open(compile(options.withCalibration(SparsityCalibration.of(allLive)),
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
            for (LayerInfo l : sparse.model().layers()) {
                if (l.op().equals("DecomposedConv")) {
                    sparseNanos.put(l.value(), sp.nanos(l.index()));
                    nodeOfValue.put(l.value(), l.name());
                }
            }
            for (LayerInfo l : dense.model().layers()) {
                denseNanos.put(l.value(), dp.nanos(l.index()));
            }
        } finally {
            deleteDirectory(work);
        }
        Map<String, Map<Unit, Double>> result = new LinkedHashMap<>();
        for (String node : cal.nodes()) {
            result.put(node, cal.node(node));
        }
        int kept = 0;
        List<String> dropped = new ArrayList<>();
        for (var e : sparseNanos.entrySet()) {
            Long d = denseNanos.get(e.getKey());
            String node = nodeOfValue.get(e.getKey());
            if (d == null || !result.containsKey(node)) {
                continue;
            }
            if (e.getValue() > TIMED_MARGIN * d) {
                result.put(node, allLive.get(node));
                dropped.add(node);
            } else {
                kept++;
            }
        }
        note("timed the scheduled sparse layers against dense on the inputs in %.1f s: %d sparse, %d back to dense%s",
                (System.nanoTime() - t0) / 1e9, kept, dropped.size(), dropped.isEmpty() ? "" : " " + dropped);
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

    /**
     * Runs the interpreter on every sample, accumulating unit statistics per decomposed convolution;
     * with {@code positives} non-null also samples each producer's positive outputs.
     */
    private SparsityCalibration statistics(Graph g, List<Map<String, Tensor>> samples, Map<String, float[]> positives) {
        List<SparsityAnalysis.DecomposedConvInput> convs = SparsityAnalysis.decomposedConvs(g);
        Map<String, List<UnitStatistics>> byInput = new HashMap<>();
        List<UnitStatistics> all = new ArrayList<>();
        for (var c : convs) {
            UnitStatistics s = new UnitStatistics(c.node());
            all.add(s);
            byInput.computeIfAbsent(c.input(), k -> new ArrayList<>()).add(s);
        }
        Map<String, String> producerOfValue = new HashMap<>();
        if (positives != null) {
            java.util.Set<String> producers = new java.util.HashSet<>();
            for (var c : convs) {
                producers.addAll(c.producers());
            }
            for (Node n : g.nodes()) {
                String key = SparsityAnalysis.producerKey(n);
                if (producers.contains(key)) {
                    producerOfValue.put(n.output(0).name(), key);
                }
            }
        }
        Map<String, List<float[]>> collected = new HashMap<>();
        for (Map<String, Tensor> sample : samples) {
            Interpreter.run(g, sample, (value, tensor) -> {
                List<UnitStatistics> stats = byInput.get(value.name());
                if (stats != null) {
                    for (UnitStatistics s : stats) {
                        s.accumulate(tensor);
                    }
                }
                String producer = producerOfValue.get(value.name());
                if (producer != null) {
                    collected.computeIfAbsent(producer, k -> new ArrayList<>()).add(positiveValues(tensor));
                }
            });
        }
        if (positives != null) {
            for (var e : collected.entrySet()) {
                positives.put(e.getKey(), sampleSorted(e.getValue()));
            }
        }
        return SparsityCalibration.fromStatistics(all);
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

    /** Each producer's threshold: the q-quantile of its positive outputs (0 for q = 0). */
    private static Map<String, Float> thresholds(Map<String, float[]> positives, double q) {
        Map<String, Float> t = new LinkedHashMap<>();
        for (var e : positives.entrySet()) {
            float[] v = e.getValue();
            t.put(e.getKey(), q <= 0 || v.length == 0 ? 0f : v[(int) Math.min(v.length - 1, Math.floor(q * v.length))]);
        }
        return t;
    }

    private boolean acceptable(Map<String, Float> thresholds, List<Map<String, Tensor>> samples,
                               List<Map<String, Object>> reference, double maxDrop, Path work) {
        PassOptions options = base(SparsityMode.THRESHOLD).withThresholds(thresholds);
        Path jar = work.resolve("candidate.jar");
        List<Map<String, Object>> got = outputs(compile(options, jar), samples);
        return Agreement.within(classifier, reference, got, maxDrop);
    }

    /** Compiles the model to a jar that calibration then runs. */
    private Path compile(PassOptions options, Path jar) {
        Main.hintIfScalar(err);
        Graph g = ModelLoader.load(model, inputShapes, Pipeline.optimizing(options), options, Map.of()).graph();
        Compiler.compile(g, CompileOptions.jar("CalibrationModel", jar));
        return jar;
    }

    private static List<Map<String, Object>> outputs(Path jar, List<Map<String, Tensor>> samples) {
        try (CompiledJar cj = CompiledJar.open(jar)) {
            CompiledModel m = cj.model();
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, Tensor> s : samples) {
                out.add(m.runArrays(ModelArrays.arrays(m, s)));
            }
            return out;
        } finally {
            try {
                Files.deleteIfExists(jar);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void note(String format, Object... args) {
        err.println("falconc: calibration: " + String.format(Locale.ROOT, format, args));
        err.flush();
    }
}
