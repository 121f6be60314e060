package org.falconc.runtime.profile;

import org.falconc.runtime.parallel.ExecutionContext;

/**
 * The calls generated code makes around each layer. Static and tiny so the JIT inlines them: with
 * no profile attached each is one field load and a branch.
 */
public final class Profiler {

    private Profiler() {
    }

    public static void begin(ExecutionContext ctx, int layer) {
        Profile p = ctx.profile();
        if (p != null) {
            p.begin(layer);
        }
    }

    public static void end(ExecutionContext ctx, int layer) {
        Profile p = ctx.profile();
        if (p != null) {
            p.end(layer);
        }
    }
}
