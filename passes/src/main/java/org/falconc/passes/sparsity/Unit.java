package org.falconc.passes.sparsity;

/**
 * A computing unit's size (docs/sparsity.md, "Units"): {@code channels} consecutive input channels of
 * one conv group by {@code pixels} consecutive output pixels.
 */
public record Unit(int channels, int pixels) implements Comparable<Unit> {
    /** The unit_channels candidates (those <= C/group are tried). */
    public static final int[] CANDIDATE_CHANNELS = {1, 2, 4, 8, 16, 32, 64};
    /** The unit_pixels candidates. */
    public static final int[] CANDIDATE_PIXELS = {8, 16, 32, 64, 128, 256};

    public Unit {
        if (channels < 1 || pixels < 1) {
            throw new IllegalArgumentException("unit sizes must be >= 1, got " + channels + "x" + pixels);
        }
    }

    /**
     * The candidate units of a convolution with {@code channelsPerGroup} input channels per group, in
     * a fixed order (channels, then pixels, ascending): unit_channels in {1, 2, ..., 64} not above
     * channelsPerGroup (at least 1), unit_pixels in {8, 16, 32, 64, 128, 256} (tiles narrower than the
     * micro-kernel's 32 columns waste part of it; the cost model charges for that).
     */
    public static java.util.List<Unit> candidates(int channelsPerGroup) {
        java.util.List<Unit> all = new java.util.ArrayList<>();
        for (int c : CANDIDATE_CHANNELS) {
            if (c > channelsPerGroup && c > 1) {
                break;
            }
            for (int p : CANDIDATE_PIXELS) {
                all.add(new Unit(c, p));
            }
        }
        return all;
    }

    @Override
    public int compareTo(Unit o) {
        return channels != o.channels ? Integer.compare(channels, o.channels) : Integer.compare(pixels, o.pixels);
    }

    @Override
    public String toString() {
        return channels + "x" + pixels;
    }
}
