package org.falconc.runtime.sparse;

import org.falconc.runtime.conv.ConvNhwc;
import org.falconc.runtime.conv.ConvNhwcLayer;
import org.falconc.runtime.parallel.ExecutionContext;
import org.falconc.runtime.profile.Profile;

/**
 * A decomposed convolution's run-time decision (docs/sparsity.md): the bitmap of this very input
 * gives its zero count before the layer runs; at or above {@code breakEven} (a zero fraction, from
 * the cost model or calibration) the sparse kernel skips the zero activations' products, below it
 * the dense kernel runs. Both compute the same result, so the choice only changes the time.
 */
public final class DecomposedConv {

    private DecomposedConv() {
    }

    /**
     * {@code y = act(conv(x) + bias + residual)} by {@link SparseConvNhwc#run} or {@link ConvNhwc#run},
     * whichever the zero count of {@code x} (from {@code bits}) says is faster.
     */
    public static void run(ExecutionContext ctx, ConvNhwcLayer layer, float[] x, int xOff, long[] bits, int bitsOff,
                           float[] y, int yOff, float[] bias, int act, float p0, float p1, float[] residual,
                           int residualOff, float breakEven) {
        boolean sparse = runsSparse(layer, bits, bitsOff, breakEven);
        Profile profile = ctx.profile();
        if (sparse) {
            SparseConvNhwc.run(ctx, layer, x, xOff, bits, bitsOff, y, yOff, bias, act, p0, p1, residual, residualOff);
            if (profile != null) {
                ConvNhwc.count(profile, layer, x, xOff, true);
            }
        } else {
            ConvNhwc.run(ctx, layer, x, xOff, y, yOff, bias, act, p0, p1, residual, residualOff);
        }
        if (profile != null) {
            profile.decision(sparse, breakEven);
        }
    }

    /**
     * The bitmap of a channels-last tensor of {@code pixels} pixels of {@code c} channels (pixel
     * stride {@code pixelStride}) into {@code bits} ({@link ActivationBits#buildAll}), for the
     * decomposed convolutions that read it.
     */
    public static void bits(ExecutionContext ctx, float[] x, int xOff, int pixels, int c, int pixelStride, long[] bits,
                            int bitsOff) {
        ActivationBits.buildAll(ctx, x, xOff, pixels, c, pixelStride, bits, bitsOff);
    }

    /** Whether the zero fraction of the input, counted from its bitmap, reaches {@code breakEven}. */
    public static boolean runsSparse(ConvNhwcLayer layer, long[] bits, int bitsOff, float breakEven) {
        long elements = (long) layer.batch() * layer.inHeight() * layer.inWidth() * layer.inChannels();
        int words = (int) ((long) layer.batch() * layer.inHeight() * layer.inWidth()
                * ActivationBits.wordsPerPixel(layer.inChannels()));
        long live = 0;
        for (int i = 0; i < words; i++) {
            live += Long.bitCount(bits[bitsOff + i]);
        }
        return elements - live >= (double) breakEven * elements;
    }
}
