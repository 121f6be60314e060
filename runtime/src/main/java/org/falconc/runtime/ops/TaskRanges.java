package org.falconc.runtime.ops;

import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.parallel.ThreadPool;

/**
 * Runs independent tasks [0, tasks) of about equal cost as contiguous ranges: on the calling thread
 * when the whole loop is small (a parallel loop costs microseconds to start), else on the context's
 * pool with ranges big enough to pay for their scheduling.
 */
final class TaskRanges {
    /** Below this many element operations in total the loop stays on the calling thread. */
    static final long PARALLEL_WORK = 1 << 15;

    private TaskRanges() {
    }

    /** {@code body.run(start, end, lane)} over [0, tasks); {@code ctx} may be null (calling thread). */
    static void run(ExecutionContext ctx, int tasks, long workPerTask, ThreadPool.RangeBody body) {
        if (tasks <= 0) {
            return;
        }
        if (ctx == null || ctx.threads() == 1 || tasks < 2 || tasks * workPerTask < PARALLEL_WORK) {
            body.run(0, tasks, 0);
            return;
        }
        int minChunk = (int) Math.max(1, PARALLEL_WORK / Math.max(1, workPerTask));
        ctx.pool().parallelRange(tasks, minChunk, body);
    }
}
