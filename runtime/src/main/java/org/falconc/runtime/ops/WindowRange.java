package org.falconc.runtime.ops;

/**
 * Which taps of a pooling window fall inside an interval: for a window whose first tap reads
 * position {@code start} and whose taps are {@code dilation} apart, the taps k in
 * [{@link #first}, {@link #end}) read positions in [lo, hi).
 */
final class WindowRange {
    private WindowRange() {
    }

    /** The smallest k &ge; 0 with start + k·dilation &ge; lo. */
    static int first(int start, int dilation, int lo) {
        return start >= lo ? 0 : ceilDiv(lo - start, dilation);
    }

    /** One past the largest k &lt; taps with start + k·dilation &lt; hi (never below {@link #first}). */
    static int end(int start, int dilation, int hi, int taps, int first) {
        int e = hi <= start ? 0 : Math.min(taps, ceilDiv(hi - start, dilation));
        return Math.max(e, first);
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
