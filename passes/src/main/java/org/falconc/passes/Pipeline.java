package org.falconc.passes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An ordered list of passes with distinct names; a pass's position (from 1) numbers its IR dump. */
public final class Pipeline {
    private final List<Pass> passes;

    private Pipeline(List<Pass> passes) {
        Set<String> names = new HashSet<>();
        for (Pass p : passes) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("pass '" + p.name() + "' appears twice in the pipeline");
            }
        }
        this.passes = List.copyOf(passes);
    }

    public static Pipeline of(Pass... passes) {
        return new Pipeline(List.of(passes));
    }

    public static Pipeline of(List<Pass> passes) {
        return new Pipeline(passes);
    }

    /**
     * The default pipeline: remove-noops, fold-constants, infer-shapes, eliminate-dead-code.
     * No-op removal runs first so folding sees through Identity/Dropout; folding makes shape
     * sub-graphs constant before inference needs them; dead-code elimination sweeps what folding left.
     */
    public static Pipeline standard() {
        return of(new RemoveNoOps(), new FoldConstants(), new InferShapes(), new EliminateDeadCode());
    }

    /**
     * The pipeline code generation uses: the standard passes, with fold-batchnorm,
     * cleanup-transposes, fuse-activations, apply-thresholds, assign-layout (channels-last body,
     * {@link PassOptions#channelsLast()}) and the sparse passes decompose-convolutions and
     * schedule-sparsity (the sparsity passes run according to {@link PassOptions#sparsity()}) before
     * the final eliminate-dead-code. Folding runs
     * before fusion so a Conv-BatchNormalization-Relu chain becomes one FusedConv. The new passes
     * type every node they create, so infer-shapes need not run again; eliminate-dead-code, last,
     * sweeps the weights and statistics they replace.
     */
    public static Pipeline optimizing() {
        return of(new RemoveNoOps(), new FoldConstants(), new InferShapes(), new FoldBatchNorm(),
                new CleanupTransposes(), new FuseActivations(), new ApplyThresholds(), new AssignLayout(),
                new DecomposeConvolutions(), new ScheduleSparsity(), new EliminateDeadCode());
    }

    /**
     * The optimizing pipeline with just the sparsity passes {@code options} enables: with
     * {@link SparsityMode#OFF} the seven passes of the pipeline before sparse execution; EXACT adds
     * decompose-convolutions and schedule-sparsity after fuse-activations; THRESHOLD adds
     * apply-thresholds before them. ({@link #optimizing()} holds all three; each does nothing when the
     * options it runs with do not enable it, so both pipelines compute the same graph.)
     */
    public static Pipeline optimizing(PassOptions options) {
        List<Pass> passes = new ArrayList<>();
        for (Pass p : optimizing().passes()) {
            boolean keep = switch (p.name()) {
                case ApplyThresholds.NAME -> options.sparsity() == SparsityMode.THRESHOLD;
                case DecomposeConvolutions.NAME, ScheduleSparsity.NAME -> options.sparsity() != SparsityMode.OFF;
                default -> true;
            };
            if (keep) {
                passes.add(p);
            }
        }
        return of(passes);
    }

    public List<Pass> passes() {
        return passes;
    }

    public List<String> passNames() {
        List<String> names = new ArrayList<>(passes.size());
        for (Pass p : passes) {
            names.add(p.name());
        }
        return names;
    }

    /** The 1-based position of the named pass, or -1 when the pipeline has no such pass. */
    public int position(String passName) {
        for (int i = 0; i < passes.size(); i++) {
            if (passes.get(i).name().equals(passName)) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * Checks that every pass named by {@code options} (dump spec, stop-after) is in this pipeline,
     * so a typo fails before any work is done. The error lists the valid names.
     */
    public void checkOptions(PassOptions options) {
        for (String name : options.dump().passNames()) {
            requireKnown(name, "--dump-ir");
        }
        if (options.stopAfter() != null) {
            requireKnown(options.stopAfter(), "--stop-after");
        }
    }

    private void requireKnown(String name, String option) {
        if (position(name) < 0) {
            throw new IllegalArgumentException("unknown pass '" + name + "' in " + option
                    + "; the pipeline's passes are: " + String.join(", ", passNames()));
        }
    }

    @Override
    public String toString() {
        return String.join(",", passNames());
    }
}
