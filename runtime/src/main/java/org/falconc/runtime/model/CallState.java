package org.falconc.runtime.model;

import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;

/**
 * What one {@code run} call owns while it runs: the scratch arenas of the memory plan (one array per
 * element type) and the kernels' execution context. A state serves one call at a time; idle states
 * are reused, so steady-state inference does not allocate arenas.
 */
public final class CallState {
    public final ExecutionContext ctx;
    public final float[] f32;
    public final long[] i64;
    public final int[] i32;
    public final boolean[] bool;

    CallState(ThreadPool pool, int f32Length, int i64Length, int i32Length, int boolLength) {
        this.ctx = new ExecutionContext(pool);
        this.f32 = new float[f32Length];
        this.i64 = new long[i64Length];
        this.i32 = new int[i32Length];
        this.bool = new boolean[boolLength];
    }
}
