package org.falconc.bench;

import java.util.List;

/** A product C[M, N] = A[M, K] x B[K, N]: for a convolution, M output channels, K = C·R·S, N output pixels. */
public record GemmShape(int m, int k, int n) {

    /** The convolutions of ResNet-50 at batch 1 (the list). */
    public static final List<GemmShape> RESNET50 = List.of(new GemmShape(64, 147, 12544), new GemmShape(64, 576, 3136),
            new GemmShape(128, 1152, 784), new GemmShape(256, 2304, 196), new GemmShape(512, 4608, 49),
            new GemmShape(256, 64, 3136), new GemmShape(64, 256, 3136));

    public double flops() {
        return 2.0 * m * k * n;
    }

    @Override
    public String toString() {
        return m + "x" + k + "x" + n;
    }
}
