package org.falconc.runtime.sparse;

import org.falconc.runtime.conv.ConvNhwc;
import org.falconc.runtime.conv.ConvNhwcLayer;
import org.falconc.runtime.parallel.ExecutionContext;

/**
 * Channels-last convolution that skips every multiply-add whose activation operand is zero, at the
 * granularity of one activation element (FalCon-style feature-map sparsity): the same layer, packed
 * weights and fused epilogue as {@link ConvNhwc#run}, plus the input's {@link ActivationBits}.
 *
 * <p>The result equals {@link ConvNhwc#run}'s up to float rounding: the sums leave out exact-zero
 * products (and their summation order differs). Non-finite weights are the one difference in kind:
 * {@code 0 * inf} is NaN in the dense kernel and skipped here.
 *
 * <p>Depthwise layers ({@link ConvNhwc#isDepthwise}) stay dense: one multiply-add per activation and
 * tap leaves nothing to amortise the bit walk on, so {@link #run} refuses them.
 *
 * <p>Use {@link #breakEven} to decide per inference: sparse pays off when
 * {@code zeros >= breakEven(layer) * elements}, zeros as counted by {@link ActivationBits#buildAll}.
 */
public final class SparseConvNhwc {

    private SparseConvNhwc() {
    }

    /** Whether {@link #run} takes this layer (every direct, i.e. non-depthwise, layer). */
    public static boolean supports(ConvNhwcLayer layer) {
        return !ConvNhwc.isDepthwise(layer.inChannels(), layer.group());
    }

    /**
     * Runs the layer on a sparse input: {@code y = act(conv(x) + bias[k] + residual)}, as
     * {@link ConvNhwc#run}, multiplying only the activations whose bit is set.
     *
     * @param x        input [N, H, W, C] at {@code x[xOff]}, pixel stride {@code layer.inPixelStride()}
     * @param bits     x's non-zero bits at {@code bits[bitsOff]}, as written by
     *                 {@code ActivationBits.build(x, xOff, 0, N * H * W, C, layer.inPixelStride(), bits, bitsOff)};
     *                 an element whose bit is clear is taken as zero
     * @param y        output [N, OH, OW, K] at {@code y[yOff]}, pixel stride {@code layer.outPixelStride()};
     *                 the elements between a pixel's K channels and the next pixel stay untouched
     * @param bias     [K] or null
     * @param act      an {@link org.falconc.runtime.Epilogue} code, parameters {@code p0, p1}
     * @param residual [N, OH, OW, K] dense (pixel stride K) at {@code residual[residualOff]}, added before
     *                 the activation, or null (the offset is then ignored)
     * @throws IllegalArgumentException for a depthwise layer or arrays too short for the layer
     */
    public static void run(ExecutionContext ctx, ConvNhwcLayer layer, float[] x, int xOff, long[] bits, int bitsOff,
                           float[] y, int yOff, float[] bias, int act, float p0, float p1, float[] residual,
                           int residualOff) {
        run(ctx, SparseKernels.conv(), layer, x, xOff, bits, bitsOff, y, yOff, bias, act, p0, p1, residual,
                residualOff);
    }

    /**
     * {@link #run}, also writing the output's {@link ActivationBits} at {@code outBits[outBitsOff]}
     * ({@code N * OH * OW * ActivationBits.wordsPerPixel(K)} words) for the next sparse layer: in the
     * store epilogue when every task's channel block covers whole 64-channel words (see
     * {@link ConvNhwc#run(ExecutionContext, ConvNhwcLayer, float[], int, float[], int, float[], int, float,
     * float, float[], int, long[], int)}), else in a parallel pass after the convolution.
     */
    public static void run(ExecutionContext ctx, ConvNhwcLayer layer, float[] x, int xOff, long[] bits, int bitsOff,
                           float[] y, int yOff, float[] bias, int act, float p0, float p1, float[] residual,
                           int residualOff, long[] outBits, int outBitsOff) {
        run(ctx, SparseKernels.conv(), layer, x, xOff, bits, bitsOff, y, yOff, bias, act, p0, p1, residual,
                residualOff, outBits, outBitsOff);
    }

    /** {@link #run} with an explicit kernel (tests force the scalar one). */
    static void run(ExecutionContext ctx, SparseNhwcKernel kernel, ConvNhwcLayer layer, float[] x, int xOff,
                    long[] bits, int bitsOff, float[] y, int yOff, float[] bias, int act, float p0, float p1,
                    float[] residual, int residualOff) {
        run(ctx, kernel, layer, x, xOff, bits, bitsOff, y, yOff, bias, act, p0, p1, residual, residualOff, null, 0);
    }

    /** {@link #run} with an explicit kernel and optional output bits (null: none). */
    static void run(ExecutionContext ctx, SparseNhwcKernel kernel, ConvNhwcLayer layer, float[] x, int xOff,
                    long[] bits, int bitsOff, float[] y, int yOff, float[] bias, int act, float p0, float p1,
                    float[] residual, int residualOff, long[] outBits, int outBitsOff) {
        if (!supports(layer)) {
            throw new IllegalArgumentException("depthwise convolutions stay dense (ConvNhwc.run): " + layer);
        }
        ConvNhwc.checkBounds(layer, x, xOff, y, yOff, bias, residual, residualOff);
        long words = (long) layer.batch() * layer.inHeight() * layer.inWidth()
                * ActivationBits.wordsPerPixel(layer.inChannels());
        if (bitsOff < 0 || bitsOff + words > bits.length) {
            throw new IllegalArgumentException("bits of " + bits.length + " words at " + bitsOff
                    + " too short for " + layer);
        }
        if (outBits != null) {
            long outWords = (long) layer.batch() * layer.outHeight() * layer.outWidth()
                    * ActivationBits.wordsPerPixel(layer.outChannels());
            if (outBitsOff < 0 || outBitsOff + outWords > outBits.length) {
                throw new IllegalArgumentException("output bits of " + outBits.length + " words at " + outBitsOff
                        + " too short for " + layer);
            }
        }
        SparseNhwcDirect.run(ctx, kernel, layer, x, xOff, bits, bitsOff, y, yOff, bias, act, p0, p1, residual,
                residualOff, outBits, outBitsOff);
    }

    /**
     * The fraction of zero input elements above which {@link #run} (with the bit build) is expected
     * to be faster than {@link ConvNhwc#run} for this layer, from {@link SparseCostModel}; 1 when the
     * layer is depthwise (never sparse). Generated code decides per inference:
     * {@code if (zeros >= breakEven * elements) sparse else dense}.
     */
    public static double breakEven(ConvNhwcLayer layer) {
        return supports(layer) ? SparseCostModel.breakEven(layer) : 1.0;
    }

    /**
     * {@link #breakEven(ConvNhwcLayer)} of the layer with this geometry (bottom/right pads implied by
     * OH/OW, as everywhere): what the compiler records before any weights are packed.
     */
    public static double breakEven(int n, int c, int h, int w, int k, int oh, int ow, int r, int s, int group) {
        return ConvNhwc.isDepthwise(c, group) ? 1.0 : SparseCostModel.breakEven(n, c, h, w, k, oh, ow, r, s, group);
    }
}
