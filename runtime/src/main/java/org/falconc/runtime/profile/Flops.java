package org.falconc.runtime.profile;

import java.util.List;

/** FLOP counts and rates of compiled models: one multiply-accumulate is 2 floating-point operations. */
public final class Flops {
    private Flops() {
    }

    /** 2 flops per multiply-accumulate. */
    public static long ofMacs(long macs) {
        return 2 * macs;
    }

    /**
     * The FLOPs of one inference computed densely: 2 x the dense MACs of every layer (convolutions and
     * matrix products; the other ops count none). Sparse layers that skip MACs still count them all, so
     * a rate from this count is the dense-equivalent one.
     */
    public static long denseFlops(List<LayerInfo> layers) {
        long macs = 0;
        for (LayerInfo l : layers) {
            macs += l.denseMacs();
        }
        return ofMacs(macs);
    }

    /** GFLOP/s of {@code flops} done in {@code nanos} (flops per nanosecond); NaN when no time passed. */
    public static double gflops(double flops, double nanos) {
        return nanos > 0 ? flops / nanos : Double.NaN;
    }
}
