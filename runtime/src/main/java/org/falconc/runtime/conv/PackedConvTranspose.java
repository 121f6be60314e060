package org.falconc.runtime.conv;

import org.falconc.runtime.gemm.PackedMatrix;

/**
 * Transposed-convolution weights W[C, K/group, R, S] packed at load time by
 * {@link ConvTranspose2d#pack}: per group the GEMM operand W_g^T, (Kg*R*S) x Cg, rows ordered
 * (output channel, r, s).
 */
public final class PackedConvTranspose {

    final int inChannels;
    final int outChannels;
    final int kernelH;
    final int kernelW;
    final int group;
    final PackedMatrix[] groups;

    PackedConvTranspose(int inChannels, int outChannels, int kernelH, int kernelW, int group, PackedMatrix[] groups) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelH = kernelH;
        this.kernelW = kernelW;
        this.group = group;
        this.groups = groups;
    }

    public int inChannels() {
        return inChannels;
    }

    public int outChannels() {
        return outChannels;
    }
}
