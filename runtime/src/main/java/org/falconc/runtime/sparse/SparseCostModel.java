package org.falconc.runtime.sparse;

import org.falconc.runtime.conv.ConvNhwcLayer;

/**
 * When {@link SparseConvNhwc} beats the dense kernel: a time model of both on one core, fitted to
 * SparseConvNhwcSpeed.
 *
 * <p>Dense time is {@code M * DENSE_NS_PER_MAC} for M dense multiply-adds. Sparse time at zero
 * fraction z is {@code (1 - z) * M * SPARSE_NS_PER_MAC} (live products, the bit walk included) plus
 * costs that do not shrink with z: building the bits ({@code BITS_NS_PER_ELEMENT} per input
 * element) and one kernel call per output pixel, block of up to 128 output channels and weight
 * group ({@code CALL_NS}: segment list, sums loaded and stored, the mispredicted loop exit). Equal
 * times give the break-even zero fraction {@code z* = 1 - DENSE/SPARSE + fixed / (M * SPARSE)},
 * clamped to [0, 1].
 *
 * <p>Fit (JDK 17, AMD EPYC Zen 5 with AVX-512, 1 thread, a shared machine; 8 SqueezeNet/ResNet
 * layers x 4 zero fractions x random and blob patterns, three runs, least squares on relative
 * error, rms error 14-16%): the dense kernel runs 176-213 GFLOP/s; the sparse one 0.022-0.025 ns
 * per live MAC (about 84 GFLOP/s before call overheads), i.e. 0.47 of dense per executed MAC with
 * the 64-channel weight panels (0.37, 0.030 ns, with the former 16-channel panels), and 33-36 ns per
 * call. Break-even: measured 0.69-0.78 zeros (before: 0.71-0.90), 0.70 on 3x3 128-channel layers,
 * 0.73-0.78 on 64-channel, 256-channel and 1x1 layers, never on 3x3 16->64 (1.7x dense time at
 * 0.85 zeros); the model gives 0.71-0.77. The constants are per MAC, so a machine whose dense
 * kernel has half the FMA width (Zen 4, AVX2) has a lower break-even than this model gives.
 */
final class SparseCostModel {

    /** Dense kernel, ns per multiply-add (179 GFLOP/s, the fit layers' median on a busy machine). */
    static final double DENSE_NS_PER_MAC = 0.0112;
    /** Sparse kernel, ns per live multiply-add (contiguous 64-channel weight panels). */
    static final double SPARSE_NS_PER_MAC = 0.0238;
    /** Bit build, ns per input element. */
    static final double BITS_NS_PER_ELEMENT = 0.10;
    /** One kernel call (output pixel x channel block x weight group), ns. */
    static final double CALL_NS = 35;

    private SparseCostModel() {
    }

    static double breakEven(ConvNhwcLayer l) {
        return breakEven(l.batch(), l.inChannels(), l.inHeight(), l.inWidth(), l.outChannels(), l.outHeight(),
                l.outWidth(), l.kernelH(), l.kernelW(), l.group());
    }

    /** {@link #breakEven(ConvNhwcLayer)} from the geometry alone (the compiler's view, before packing). */
    static double breakEven(int n, int c, int h, int w, int k, int oh, int ow, int r, int s, int group) {
        int cg = c / group;
        int kg = k / group;
        int taps = r * s;
        double outPixels = (double) n * oh * ow;
        double macs = outPixels * k * cg * taps;
        // Calls per output pixel: blocks of output channels x weight groups, as SparseNhwcDirect cuts them
        // at AVX-512 (16 lanes, blocks of up to 128 channels).
        double calls = 0;
        int[] pieces = SparseNhwcDirect.pieces(16, 8, kg);
        for (int i = 0; i < pieces.length; i += 2) {
            int stride = 16 * pieces[i + 1];
            int chunk = SparseNhwcDirect.chunk(stride, cg);
            int tapsPerGroup = SparseNhwcDirect.tapsPerGroup(stride, cg);
            calls += (double) ((taps + tapsPerGroup - 1) / tapsPerGroup) * ((cg + chunk - 1) / chunk);
        }
        double fixed = outPixels * group * calls * CALL_NS + (double) n * h * w * c * BITS_NS_PER_ELEMENT;
        double z = 1 - DENSE_NS_PER_MAC / SPARSE_NS_PER_MAC + fixed / (macs * SPARSE_NS_PER_MAC);
        return Math.min(1, Math.max(0, z));
    }
}
