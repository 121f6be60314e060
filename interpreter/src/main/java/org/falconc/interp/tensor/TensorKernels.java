package org.falconc.interp.tensor;

import java.util.function.BiConsumer;
import org.falconc.interp.ReferenceKernel;

/** Reference kernels of elementwise, reduction and shape-manipulation ops. */
public final class TensorKernels {
    private TensorKernels() {
    }

    public static void registerAll(BiConsumer<String, ReferenceKernel> r) {
        // elementwise
        UnaryKernels.register(r);
        r.accept("Clip", ClipKernel.KERNEL);
        r.accept("PRelu", PReluKernel.KERNEL);
        BinaryKernels.register(r);
        VariadicKernels.register(r);
        r.accept("Where", WhereKernel.KERNEL);
        // normalisations and reductions
        SoftmaxKernels.register(r);
        ReduceKernels.register(r);
        ArgReduceKernels.register(r);
        // shape manipulation
        SameDataKernels.register(r);
        r.accept("Transpose", TransposeKernel.KERNEL);
        r.accept("Concat", ConcatKernel.KERNEL);
        r.accept("Split", SplitKernel.KERNEL);
        r.accept("Slice", SliceKernel.KERNEL);
        GatherKernels.register(r);
        r.accept("Expand", ExpandKernel.KERNEL);
        r.accept("Tile", TileKernel.KERNEL);
        ShapeKernels.register(r);
        r.accept("ConstantOfShape", ConstantOfShapeKernel.KERNEL);
        r.accept("Range", RangeKernel.KERNEL);
        r.accept("Dropout", DropoutKernel.KERNEL);
        CastKernels.register(r);
        r.accept("EyeLike", EyeLikeKernel.KERNEL);
        r.accept("Trilu", TriluKernel.KERNEL);
    }
}
