package org.falconc.runtime.parallel;

/**
 * Per-call state of one inference: the thread pool to run parallel loops on and reusable scratch
 * buffers.
 *
 * <p>A context is used by one call at a time (it is not thread-safe across calls); parallel loops
 * inside a call give each participating thread its own scratch through the lane index of
 * {@link LaneBody}. Buffers only grow, so a context reused across calls (see {@link ContextCache})
 * stops allocating after the first inference.
 *
 * <p>Lanes are unique within one loop only: a task that starts a nested parallel loop must not
 * hand the same context's lane scratch to it (the inner loop numbers its lanes from 0 again).
 *
 * <p>Slot numbers: {@code 0..7} are used by the gemm and conv kernels (see
 * {@code org.falconc.runtime.gemm.ScratchSlots}); other kernels use slots from 8 on. A kernel must
 * not keep a buffer across a call into another kernel that may use the same slot.
 */
public final class ExecutionContext {

    private static final int INITIAL_SLOTS = 16;
    private static final int INITIAL_INT_SLOTS = 4;

    private final ThreadPool pool;
    /** buffers[lane][slot]. */
    private final float[][][] buffers;
    /** intBuffers[lane][slot]: index scratch (the sparse convolution's live ranges and K index). */
    private final int[][][] intBuffers;
    /** Per-layer counters, or null (the default: profiling off). */
    private org.falconc.runtime.profile.Profile profile;

    public ExecutionContext(ThreadPool pool) {
        this.pool = pool;
        this.buffers = new float[pool.threads()][INITIAL_SLOTS][];
        this.intBuffers = new int[pool.threads()][INITIAL_INT_SLOTS][];
    }

    /** A context on {@link ThreadPool#shared()}. */
    public static ExecutionContext withSharedPool() {
        return new ExecutionContext(ThreadPool.shared());
    }

    public ThreadPool pool() {
        return pool;
    }

    /** The attached profile, or null when profiling is off. */
    public org.falconc.runtime.profile.Profile profile() {
        return profile;
    }

    /** Attaches (or, with null, detaches) per-layer counters for the following calls. */
    public void setProfile(org.falconc.runtime.profile.Profile profile) {
        this.profile = profile;
    }

    public int threads() {
        return pool.threads();
    }

    /** Scratch of the calling thread (lane 0): at least {@code minLength} floats, contents undefined. */
    public float[] scratch(int slot, int minLength) {
        return scratch(0, slot, minLength);
    }

    /**
     * Scratch of one lane of a parallel loop: at least {@code minLength} floats, contents
     * undefined. Lanes of one loop never share a buffer, so no synchronisation is needed.
     */
    public float[] scratch(int lane, int slot, int minLength) {
        float[][] laneBuffers = buffers[lane];
        if (slot >= laneBuffers.length) {
            float[][] grown = new float[Math.max(slot + 1, laneBuffers.length * 2)][];
            System.arraycopy(laneBuffers, 0, grown, 0, laneBuffers.length);
            buffers[lane] = grown;
            laneBuffers = grown;
        }
        float[] buffer = laneBuffers[slot];
        if (buffer == null || buffer.length < minLength) {
            // Round up so slightly larger later requests do not reallocate.
            buffer = new float[Math.max(minLength, minLength + (minLength >> 3))];
            laneBuffers[slot] = buffer;
        }
        return buffer;
    }

    /**
     * Int scratch of one lane of a parallel loop ({@link #scratch} for ints): at least
     * {@code minLength} ints, contents undefined, never shared between lanes of one loop.
     */
    public int[] ints(int lane, int slot, int minLength) {
        int[][] laneBuffers = intBuffers[lane];
        if (slot >= laneBuffers.length) {
            int[][] grown = new int[Math.max(slot + 1, laneBuffers.length * 2)][];
            System.arraycopy(laneBuffers, 0, grown, 0, laneBuffers.length);
            intBuffers[lane] = grown;
            laneBuffers = grown;
        }
        int[] buffer = laneBuffers[slot];
        if (buffer == null || buffer.length < minLength) {
            buffer = new int[minLength];
            laneBuffers[slot] = buffer;
        }
        return buffer;
    }
}
