package org.falconc.passes;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.falconc.ir.text.PrintOptions;
import org.falconc.passes.sparsity.SparsityCalibration;

/**
 * How {@link PassManager} runs a pipeline. Immutable; start from {@link #defaults()} and use the
 * {@code with...} methods.
 *
 * @param dump              after which passes to write the IR to {@code dumpDir}
 * @param dumpDir           the directory for IR dumps (created when missing); required when dumping
 * @param stopAfter         the pass after which the pipeline ends, or null to run all passes
 * @param verify            whether to run the verifier on the input and after every pass
 * @param printOptions      how dumps print the graph (large constants are elided by default)
 * @param foldLimitElements the largest total number of elements fold-constants may create for one node
 * @param log               where passes send diagnostics (one line per call)
 * @param sparsity          sparse execution mode (default EXACT; OFF: the sparsity passes do nothing)
 * @param thresholds        THRESHOLD mode: producer node name (or, for an unnamed node, its first
 *                          output's name) -> threshold t; apply-thresholds turns that producer's Relu
 *                          into ThresholdedRelu(alpha = t). Unmodifiable, in insertion order.
 * @param decomposeGraphInputs whether a convolution reading a graph input is decomposed too (an
 *                          ActivationMask scans the input); default false
 * @param calibration       measured unit live fractions per DecomposedConv for schedule-sparsity, or
 *                          null to use the prior
 * @param channelsLast      whether assign-layout puts the convolutional body channels-last (NHWC; default
 *                          true); false keeps every value NCHW (the engine before channels-last)
 * @param breakEvenModel    the runtime's cost model: a DecomposedConv node -> the zero fraction at which its
 *                          sparse kernel breaks even (codegen supplies it; null: none, every decomposed layer
 *                          decides at run time by the model the code generator applies)
 */
public record PassOptions(DumpSpec dump, Path dumpDir, String stopAfter, boolean verify,
                          PrintOptions printOptions, long foldLimitElements, Consumer<String> log,
                          SparsityMode sparsity, Map<String, Float> thresholds, boolean decomposeGraphInputs,
                          SparsityCalibration calibration, boolean channelsLast,
                          java.util.function.ToDoubleFunction<org.falconc.ir.Node> breakEvenModel) {
    /** 64M elements (256 MB of f32): folds any real weight transform but not an accidental blow-up. */
    public static final long DEFAULT_FOLD_LIMIT_ELEMENTS = 64L << 20;

    private static final Consumer<String> DISCARD = message -> { };

    public PassOptions {
        Objects.requireNonNull(dump, "dump (use DumpSpec.NONE)");
        Objects.requireNonNull(printOptions, "printOptions");
        Objects.requireNonNull(log, "log");
        if (dump.isEnabled() && dumpDir == null) {
            throw new IllegalArgumentException("dumping the IR (" + dump + ") needs a dump directory");
        }
        if (foldLimitElements < 0) {
            throw new IllegalArgumentException("fold limit must not be negative, got " + foldLimitElements);
        }
        Objects.requireNonNull(sparsity, "sparsity");
        Objects.requireNonNull(thresholds, "thresholds");
        for (Map.Entry<String, Float> e : thresholds.entrySet()) {
            Float t = e.getValue();
            if (t == null || !(t >= 0) || Float.isInfinite(t)) {
                throw new IllegalArgumentException("threshold of '" + e.getKey() + "' must be a finite value >= 0, got " + t);
            }
        }
        thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
    }

    /**
     * Run every pass, verify after each, dump nothing, discard diagnostics; channels-last unless the
     * system property {@code falconc.layout} is {@code nchw} (a switch for comparing the engines).
     */
    public static PassOptions defaults() {
        return new PassOptions(DumpSpec.NONE, null, null, true, PrintOptions.defaults(),
                DEFAULT_FOLD_LIMIT_ELEMENTS, DISCARD, SparsityMode.EXACT, Map.of(), false, null,
                !"nchw".equals(System.getProperty("falconc.layout")), null);
    }

    public PassOptions withDump(DumpSpec spec, Path dir) {
        return new PassOptions(spec, dir, stopAfter, verify, printOptions, foldLimitElements, log,
                sparsity, thresholds, decomposeGraphInputs, calibration, channelsLast, breakEvenModel);
    }

    public PassOptions withStopAfter(String passName) {
        return new PassOptions(dump, dumpDir, passName, verify, printOptions, foldLimitElements, log,
                sparsity, thresholds, decomposeGraphInputs, calibration, channelsLast, breakEvenModel);
    }

    public PassOptions withVerify(boolean on) {
        return new PassOptions(dump, dumpDir, stopAfter, on, printOptions, foldLimitElements, log,
                sparsity, thresholds, decomposeGraphInputs, calibration, channelsLast, breakEvenModel);
    }

    public PassOptions withPrintOptions(PrintOptions options) {
        return new PassOptions(dump, dumpDir, stopAfter, verify, options, foldLimitElements, log,
                sparsity, thresholds, decomposeGraphInputs, calibration, channelsLast, breakEvenModel);
    }

    public PassOptions withFoldLimitElements(long limit) {
        return new PassOptions(dump, dumpDir, stopAfter, verify, printOptions, limit, log,
                sparsity, thresholds, decomposeGraphInputs, calibration, channelsLast, breakEvenModel);
    }

    public PassOptions withLog(Consumer<String> sink) {
        return new PassOptions(dump, dumpDir, stopAfter, verify, printOptions, foldLimitElements, sink,
                sparsity, thresholds, decomposeGraphInputs, calibration, channelsLast, breakEvenModel);
    }

    /** Sparse execution mode (EXACT by default). */
    public PassOptions withSparsity(SparsityMode mode) {
        return new PassOptions(dump, dumpDir, stopAfter, verify, printOptions, foldLimitElements, log,
                mode, thresholds, decomposeGraphInputs, calibration, channelsLast, breakEvenModel);
    }

    /**
     * Thresholds for THRESHOLD mode: producer node name -> t (>= 0). Does not change the mode; use
     * {@code withSparsity(SparsityMode.THRESHOLD)} as well.
     */
    public PassOptions withThresholds(Map<String, Float> producerThresholds) {
        return new PassOptions(dump, dumpDir, stopAfter, verify, printOptions, foldLimitElements, log,
                sparsity, producerThresholds, decomposeGraphInputs, calibration, channelsLast, breakEvenModel);
    }

    /** Whether decompose-convolutions also decomposes convolutions reading a graph input. */
    public PassOptions withDecomposeGraphInputs(boolean on) {
        return new PassOptions(dump, dumpDir, stopAfter, verify, printOptions, foldLimitElements, log,
                sparsity, thresholds, on, calibration, channelsLast, breakEvenModel);
    }

    /** Calibration statistics for schedule-sparsity (null: use the prior). */
    public PassOptions withCalibration(SparsityCalibration stats) {
        return new PassOptions(dump, dumpDir, stopAfter, verify, printOptions, foldLimitElements, log,
                sparsity, thresholds, decomposeGraphInputs, stats, channelsLast, breakEvenModel);
    }

    /** Whether assign-layout runs (channels-last engine; true by default). */
    public PassOptions withChannelsLast(boolean on) {
        return new PassOptions(dump, dumpDir, stopAfter, verify, printOptions, foldLimitElements, log,
                sparsity, thresholds, decomposeGraphInputs, calibration, on, breakEvenModel);
    }

    /** The runtime's break-even model for schedule-sparsity (see the record's parameters). */
    public PassOptions withBreakEvenModel(java.util.function.ToDoubleFunction<org.falconc.ir.Node> model) {
        return new PassOptions(dump, dumpDir, stopAfter, verify, printOptions, foldLimitElements, log,
                sparsity, thresholds, decomposeGraphInputs, calibration, channelsLast, model);
    }
}
