package org.falconc.runtime.profile;

import java.util.Arrays;

/**
 * Per-layer counters of one or more inferences, filled when a profile is attached to the
 * {@link org.falconc.runtime.parallel.ExecutionContext} (off by default: kernels test
 * {@code ctx.profile() != null} once per call, so an unprofiled run pays nothing else).
 *
 * <p>The generated code brackets each layer with {@link Profiler#begin} / {@link Profiler#end};
 * convolution kernels add their MAC counts (and decomposed ones their dense/sparse decision) to the current layer. Not thread-safe: kernels
 * report from the calling thread, after their parallel loop.
 *
 * <p>With {@link #captureZeroMaps} on, each convolution also records its input's {@link ZeroMap} for
 * its layer, the first time the layer runs (later calls keep that map): for a report of one chosen
 * input, run it alone on a profile of its own with capture on.
 */
public final class Profile {

    private static final int COUNTERS = 10;
    private static final int NANOS = 0;
    private static final int CALLS = 1;
    private static final int DECISIONS = 2;
    private static final int SPARSE_DECISIONS = 3;
    private static final int DENSE_MACS = 4;
    private static final int EXECUTED_MACS = 5;
    private static final int ZERO_OPERAND_MACS = 6;
    private static final int INPUT_ELEMENTS = 7;
    private static final int INPUT_ZEROS = 8;
    /** The break-even zero fraction a decomposed layer decided with (float bits + 1; 0: none). */
    private static final int BREAK_EVEN = 9;

    /** counters[layer * COUNTERS + counter]; grows with the highest layer seen. */
    private long[] counters = new long[64 * COUNTERS];
    private int layers;
    private int current = -1;
    private long started;
    private boolean captureZeroMaps;
    /** zeroMaps[layer], null until the layer captured one; grows like the counters. */
    private ZeroMap[] zeroMaps = new ZeroMap[0];

    /** An empty profile; it sizes itself to the layers that report. */
    public Profile() {
    }

    /** Layers seen so far (the highest layer index + 1). */
    public int layers() {
        return layers;
    }

    void begin(int layer) {
        if ((layer + 1) * COUNTERS > counters.length) {
            counters = Arrays.copyOf(counters, Math.max(counters.length * 2, (layer + 1) * COUNTERS));
        }
        layers = Math.max(layers, layer + 1);
        current = layer;
        started = System.nanoTime();
    }

    void end(int layer) {
        counters[layer * COUNTERS + NANOS] += System.nanoTime() - started;
        counters[layer * COUNTERS + CALLS]++;
        current = -1;
    }

    /**
     * A convolution's counts for the current layer: MACs of the dense layer and MACs executed, MACs
     * whose activation operand is zero, and the input's elements and zeros.
     */
    public void conv(long dense, long executed, long zeroOperand, long elements, long zeros) {
        if (current < 0) {
            return;
        }
        int at = current * COUNTERS;
        counters[at + DENSE_MACS] += dense;
        counters[at + EXECUTED_MACS] += executed;
        counters[at + ZERO_OPERAND_MACS] += zeroOperand;
        counters[at + INPUT_ELEMENTS] += elements;
        counters[at + INPUT_ZEROS] += zeros;
    }

    /**
     * A decomposed convolution's run-time choice for the current layer: sparse or dense kernel, and
     * the break-even zero fraction it compared the input's zero fraction with.
     */
    public void decision(boolean sparse, float breakEven) {
        if (current < 0) {
            return;
        }
        counters[current * COUNTERS + BREAK_EVEN] = Float.floatToIntBits(breakEven) + 1L;
        counters[current * COUNTERS + DECISIONS]++;
        if (sparse) {
            counters[current * COUNTERS + SPARSE_DECISIONS]++;
        }
    }

    /**
     * Turns the capture of zero maps on or off (off by default): with it on, convolutions compute
     * their input's per-pixel zero share, outside the layer's time like the other counting.
     */
    public Profile captureZeroMaps(boolean on) {
        captureZeroMaps = on;
        return this;
    }

    /** Whether zero maps are captured. */
    public boolean capturesZeroMaps() {
        return captureZeroMaps;
    }

    /**
     * Whether a convolution running now should compute its input's zero map: capture is on, a layer
     * is running and it has no map yet.
     */
    public boolean wantsZeroMap() {
        return captureZeroMaps && current >= 0 && (current >= zeroMaps.length || zeroMaps[current] == null);
    }

    /** Records {@code map} for the current layer when {@link #wantsZeroMap} (else it is dropped). */
    public void zeroMap(ZeroMap map) {
        if (!wantsZeroMap()) {
            return;
        }
        if (current >= zeroMaps.length) {
            zeroMaps = Arrays.copyOf(zeroMaps, Math.max(layers, current + 1));
        }
        zeroMaps[current] = map;
    }

    /** The zero map captured for {@code layer}, or null when none was. */
    public ZeroMap zeroMap(int layer) {
        return layer >= 0 && layer < zeroMaps.length ? zeroMaps[layer] : null;
    }

    /**
     * Takes {@code nanos} off the current layer's time: what a kernel spent on counting for this
     * profile (the zero-operand MACs need a pass over the input), so the times stay those of the
     * unprofiled model.
     */
    public void exclude(long nanos) {
        if (current >= 0) {
            started += nanos;
        }
    }

    public long nanos(int layer) {
        return get(layer, NANOS);
    }

    public long calls(int layer) {
        return get(layer, CALLS);
    }

    /** Run-time dense/sparse decisions taken (one per call of a decomposed convolution). */
    public long decisions(int layer) {
        return get(layer, DECISIONS);
    }

    /** The break-even zero fraction the layer's decisions used, or NaN when it took none. */
    public float breakEven(int layer) {
        long v = get(layer, BREAK_EVEN);
        return v == 0 ? Float.NaN : Float.intBitsToFloat((int) (v - 1));
    }

    /** Of {@link #decisions}, how many ran the sparse kernel. */
    public long sparseDecisions(int layer) {
        return get(layer, SPARSE_DECISIONS);
    }

    public long denseMacs(int layer) {
        return get(layer, DENSE_MACS);
    }

    public long executedMacs(int layer) {
        return get(layer, EXECUTED_MACS);
    }

    public long zeroOperandMacs(int layer) {
        return get(layer, ZERO_OPERAND_MACS);
    }

    public long inputElements(int layer) {
        return get(layer, INPUT_ELEMENTS);
    }

    public long inputZeros(int layer) {
        return get(layer, INPUT_ZEROS);
    }

    private long get(int layer, int counter) {
        return layer < layers ? counters[layer * COUNTERS + counter] : 0;
    }

    /** Clears every counter and captured zero map (after warm-up runs). */
    public void reset() {
        Arrays.fill(counters, 0);
        Arrays.fill(zeroMaps, null);
    }
}
