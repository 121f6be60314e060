package org.falconc.runtime.model;

import java.util.function.IntFunction;

/**
 * Configures and creates a compiled model: {@code Model.builder().threads(4).build()}.
 *
 * @param <M> the generated model class
 */
public final class ModelBuilder<M extends CompiledModel> {
    private final IntFunction<M> factory;
    private int threads;

    /** {@code factory} creates the model for a thread count (0 = the default pool). */
    public ModelBuilder(IntFunction<M> factory) {
        this.factory = factory;
    }

    /**
     * Total parallelism of the model's own thread pool (the calling thread included). Without it the
     * model runs on the process-wide pool sized by system property {@code falconc.threads} or the
     * number of processors.
     */
    public ModelBuilder<M> threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        return this;
    }

    /** Loads the weights and packs them. */
    public M build() {
        return factory.apply(threads);
    }
}
