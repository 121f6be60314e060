package org.falconc.passes;

/** Whether and how the optimizing pipeline makes convolutions skip zero activations (docs/sparsity.md). */
public enum SparsityMode {
    /** No sparse execution: decompose-convolutions, schedule-sparsity and apply-thresholds do nothing. */
    OFF,
    /** Skip exact zeros only: the results are those of the dense graph. */
    EXACT,
    /**
     * As EXACT, after apply-thresholds has turned the Relu of the producers named in
     * {@link PassOptions#thresholds()} into ThresholdedRelu (changes the results).
     */
    THRESHOLD
}
