package org.falconc.interp.nn;

import java.util.function.BiConsumer;
import org.falconc.interp.ReferenceKernel;

/** Reference kernels of the neural-network ops: convolutions, pooling, normalisations, Gemm/MatMul, Resize, Pad. */
public final class NnKernels {
    private NnKernels() {
    }

    public static void registerAll(BiConsumer<String, ReferenceKernel> r) {
        r.accept("Conv", ConvKernel::compute);
        r.accept("ConvTranspose", ConvTransposeKernel::compute);
        r.accept("MaxPool", PoolKernel::compute);
        r.accept("AveragePool", PoolKernel::compute);
        r.accept("LpPool", PoolKernel::compute);
        r.accept("GlobalAveragePool", GlobalPoolKernel::compute);
        r.accept("GlobalMaxPool", GlobalPoolKernel::compute);
        r.accept("GlobalLpPool", GlobalPoolKernel::compute);
        r.accept("BatchNormalization", BatchNormKernel::compute);
        r.accept("InstanceNormalization", InstanceNormKernel::compute);
        r.accept("LRN", LrnKernel::compute);
        r.accept("Gemm", GemmKernel::compute);
        r.accept("MatMul", MatMulKernel::compute);
        r.accept("Resize", ResizeKernel::compute);
        r.accept("Pad", PadKernel::compute);
        r.accept("DepthToSpace", DepthSpaceKernel::compute);
        r.accept("SpaceToDepth", DepthSpaceKernel::compute);
    }
}
