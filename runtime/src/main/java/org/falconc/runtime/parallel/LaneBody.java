package org.falconc.runtime.parallel;

/**
 * Body of a {@link ThreadPool#parallelFor(int, LaneBody)} loop. {@code lane} is in
 * {@code [0, pool.threads())} and is unique among the threads running the same loop at the same
 * time, so a kernel can index per-thread scratch ({@link ExecutionContext#scratch(int, int, int)})
 * with it. The caller thread is always lane 0.
 */
@FunctionalInterface
public interface LaneBody {
    void run(int task, int lane);
}
