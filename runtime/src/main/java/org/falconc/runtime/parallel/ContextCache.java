package org.falconc.runtime.parallel;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Keeps idle {@link ExecutionContext}s of one pool for reuse, so each inference gets a context of
 * its own (calls may run concurrently) without reallocating scratch buffers every call.
 *
 * <pre>{@code
 * ExecutionContext ctx = cache.acquire();
 * try { ... } finally { cache.release(ctx); }
 * }</pre>
 */
public final class ContextCache {

    private final ThreadPool pool;
    private final ConcurrentLinkedQueue<ExecutionContext> idle = new ConcurrentLinkedQueue<>();

    public ContextCache(ThreadPool pool) {
        this.pool = pool;
    }

    public ThreadPool pool() {
        return pool;
    }

    /** An idle context, or a new one when all are in use. */
    public ExecutionContext acquire() {
        ExecutionContext ctx = idle.poll();
        return ctx != null ? ctx : new ExecutionContext(pool);
    }

    /** Returns a context acquired from this cache; it must no longer be used by the caller. */
    public void release(ExecutionContext ctx) {
        if (ctx.pool() != pool) {
            throw new IllegalArgumentException("context belongs to another pool");
        }
        idle.add(ctx);
    }
}
