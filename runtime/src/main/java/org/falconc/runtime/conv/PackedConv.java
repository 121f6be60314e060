package org.falconc.runtime.conv;

import org.falconc.runtime.gemm.PackedMatrix;

/**
 * Convolution weights W[K, C/group, R, S] packed once at load time by {@link Conv2d#pack}.
 *
 * <p>Depthwise convolutions (one input channel per group) keep the raw [K, R*S] taps for the direct
 * kernel; every other convolution holds one {@link PackedMatrix} per group, Kg x (Cg*R*S) with K
 * ordered (input channel, r, s), so an input channel range [c0, c1) is the contiguous K range
 * [c0*R*S, c1*R*S) of each panel (what a sparse FalCon unit skips).
 */
public final class PackedConv {

    final int outChannels;
    final int inChannels;
    final int kernelH;
    final int kernelW;
    final int group;
    /** Per-group GEMM operands (null when depthwise). */
    final PackedMatrix[] groups;
    /** Depthwise taps [K, R*S] (null otherwise). */
    final float[] depthwise;

    PackedConv(int outChannels, int inChannels, int kernelH, int kernelW, int group,
               PackedMatrix[] groups, float[] depthwise) {
        this.outChannels = outChannels;
        this.inChannels = inChannels;
        this.kernelH = kernelH;
        this.kernelW = kernelW;
        this.group = group;
        this.groups = groups;
        this.depthwise = depthwise;
    }

    public int outChannels() {
        return outChannels;
    }

    public int inChannels() {
        return inChannels;
    }

    public int kernelH() {
        return kernelH;
    }

    public int kernelW() {
        return kernelW;
    }

    public int group() {
        return group;
    }

    public boolean isDepthwise() {
        return depthwise != null;
    }

    /** The packed GEMM operand of one group (for sparse callers running K sub-ranges). */
    public PackedMatrix groupMatrix(int g) {
        if (groups == null) {
            throw new IllegalStateException("depthwise convolution has no GEMM operand");
        }
        return groups[g];
    }
}
