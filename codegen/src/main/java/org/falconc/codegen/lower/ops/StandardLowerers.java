package org.falconc.codegen.lower.ops;

import org.falconc.codegen.lower.LowererRegistry;

/** Registers every lowerer, by op type. */
public final class StandardLowerers {
    private StandardLowerers() {
    }

    public static void registerAll(LowererRegistry r) {
        r.register(new ViewLowerer(), "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Identity");
        r.register(new UnaryLowerer(), UnaryLowerer.ops());
        r.register(new ClipLowerer(), "Clip");
        r.register(new BinaryLowerer(), BinaryLowerer.OPS);
        r.register(new VariadicLowerer(), VariadicLowerer.OPS);
        r.register(new SoftmaxLowerer(), "Softmax", "LogSoftmax", "Hardmax");
        r.register(new PoolLowerer(), "MaxPool", "AveragePool", "LpPool");
        r.register(new GlobalPoolLowerer(), "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool");
        r.register(new ConcatLowerer(), "Concat");
        r.register(new DecomposedConvLowerer(), "DecomposedConv");
        r.register(new ActivationBitsLowerer(), "ActivationBits");
        r.register(new SplitLowerer(), "Split");
        r.register(new SliceLowerer(), "Slice");
        r.register(new TransposeLowerer(), "Transpose");
        r.register(new GatherLowerer(), "Gather");
        r.register(new PadLowerer(), "Pad");
        r.register(new WhereLowerer(), "Where");
        r.register(new BroadcastCopyLowerer(), "Expand", "Tile");
        r.register(new ReduceLowerer(), ReduceLowerer.OPS);
        r.register(new ArgReduceLowerer(), "ArgMax", "ArgMin");
        r.register(new NormalizationLowerer(), "BatchNormalization", "InstanceNormalization", "LRN");
        r.register(new DepthSpaceLowerer(), "DepthToSpace", "SpaceToDepth");
        r.register(new ConvLowerer(), "Conv", "FusedConv");
        r.register(new ConvNhwcLowerer(), "FusedConvNhwc");
        r.register(new PoolNhwcLowerer(), "MaxPoolNhwc", "AveragePoolNhwc", "GlobalAveragePoolNhwc", "GlobalMaxPoolNhwc");
        r.register(new ConvTransposeLowerer(), "ConvTranspose");
        r.register(new GemmLowerer(), "Gemm", "FusedGemm");
        r.register(new MatMulLowerer(), "MatMul");
        r.register(new ResizeLowerer(), "Resize");
        r.register(new ConstantOfShapeLowerer(), "ConstantOfShape");
        r.register(new DropoutLowerer(), "Dropout");
        r.register(new CastLowerer(), "Cast", "CastLike");
        r.register(new GatherElementsLowerer(), "GatherElements");
        r.register(new TriluLowerer(), "Trilu");
        r.register(new EyeLikeLowerer(), "EyeLike");
    }
}
