package org.falconc.bench;

import org.falconc.passes.PassOptions;

/**
 * One way of compiling the benchmarked model, e.g. {@code sparsity off} or {@code sparsity exact}: each
 * variant is compiled and timed as its own engine in the same rounds.
 *
 * @param name    how reports name it
 * @param options the pass options it compiles with
 */
public record Variant(String name, PassOptions options) {
}
