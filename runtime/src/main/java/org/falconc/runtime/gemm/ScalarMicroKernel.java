package org.falconc.runtime.gemm;

/**
 * Plain-Java micro-kernel used when jdk.incubator.vector is absent. Same packing and blocking as
 * the vector kernel; the MR x NR tile is computed as 4 x 4 blocks held in local variables.
 */
public final class ScalarMicroKernel extends MicroKernel {

    private static final int MR = PackedMatrix.MR;
    static final int NR = 16;

    public ScalarMicroKernel() {
        super(NR);
    }

    @Override
    public String name() {
        return "scalar " + MR + "x" + NR;
    }

    @Override
    void compute(float[] a, int aOff, float[] b, int bOff, int kc, float[] tile) {
        // 4 x 4 register blocks: 16 scalar accumulators, 8 loads per 16 multiply-adds.
        for (int r0 = 0; r0 < MR; r0 += 4) {
            for (int j0 = 0; j0 < NR; j0 += 4) {
                float s00 = 0f, s01 = 0f, s02 = 0f, s03 = 0f, s10 = 0f, s11 = 0f, s12 = 0f, s13 = 0f, s20 = 0f, s21 = 0f, s22 = 0f, s23 = 0f, s30 = 0f, s31 = 0f, s32 = 0f, s33 = 0f;
                for (int k = 0, ai = aOff + r0, bi = bOff + j0; k < kc; k++, ai += MR, bi += NR) {
                    float a0 = a[ai], a1 = a[ai + 1], a2 = a[ai + 2], a3 = a[ai + 3];
                    float b0 = b[bi], b1 = b[bi + 1], b2 = b[bi + 2], b3 = b[bi + 3];
                    s00 += a0 * b0; s01 += a0 * b1; s02 += a0 * b2; s03 += a0 * b3;
                    s10 += a1 * b0; s11 += a1 * b1; s12 += a1 * b2; s13 += a1 * b3;
                    s20 += a2 * b0; s21 += a2 * b1; s22 += a2 * b2; s23 += a2 * b3;
                    s30 += a3 * b0; s31 += a3 * b1; s32 += a3 * b2; s33 += a3 * b3;
                }
                tile[(r0 + 0) * NR + j0 + 0] = s00; tile[(r0 + 0) * NR + j0 + 1] = s01; tile[(r0 + 0) * NR + j0 + 2] = s02; tile[(r0 + 0) * NR + j0 + 3] = s03;
                tile[(r0 + 1) * NR + j0 + 0] = s10; tile[(r0 + 1) * NR + j0 + 1] = s11; tile[(r0 + 1) * NR + j0 + 2] = s12; tile[(r0 + 1) * NR + j0 + 3] = s13;
                tile[(r0 + 2) * NR + j0 + 0] = s20; tile[(r0 + 2) * NR + j0 + 1] = s21; tile[(r0 + 2) * NR + j0 + 2] = s22; tile[(r0 + 2) * NR + j0 + 3] = s23;
                tile[(r0 + 3) * NR + j0 + 0] = s30; tile[(r0 + 3) * NR + j0 + 1] = s31; tile[(r0 + 3) * NR + j0 + 2] = s32; tile[(r0 + 3) * NR + j0 + 3] = s33;
            }
        }
    }

    @Override
    void panelDot(float[] a, int aOff, float[] xx, int xOff, int kc, float[] out) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (int k = 0; k < kc; k++) {
            int ai = aOff + k * MR;
            float x = xx[xOff + k * MR];
            s0 += a[ai] * x;
            s1 += a[ai + 1] * x;
            s2 += a[ai + 2] * x;
            s3 += a[ai + 3] * x;
            s4 += a[ai + 4] * x;
            s5 += a[ai + 5] * x;
            s6 += a[ai + 6] * x;
            s7 += a[ai + 7] * x;
        }
        out[0] = s0;
        out[1] = s1;
        out[2] = s2;
        out[3] = s3;
        out[4] = s4;
        out[5] = s5;
        out[6] = s6;
        out[7] = s7;
    }
}
