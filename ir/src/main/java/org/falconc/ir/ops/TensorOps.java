package org.falconc.ir.ops;

import java.util.function.Consumer;
import org.falconc.ir.ops.tensor.ArgReduction;
import org.falconc.ir.ops.tensor.BinaryElementwise;
import org.falconc.ir.ops.tensor.Cast;
import org.falconc.ir.ops.tensor.Clip;
import org.falconc.ir.ops.tensor.Concat;
import org.falconc.ir.ops.tensor.ConstantOfShape;
import org.falconc.ir.ops.tensor.Dropout;
import org.falconc.ir.ops.tensor.Expand;
import org.falconc.ir.ops.tensor.EyeLike;
import org.falconc.ir.ops.tensor.Flatten;
import org.falconc.ir.ops.tensor.Gather;
import org.falconc.ir.ops.tensor.GatherElements;
import org.falconc.ir.ops.tensor.Identity;
import org.falconc.ir.ops.tensor.PRelu;
import org.falconc.ir.ops.tensor.Range;
import org.falconc.ir.ops.tensor.Reduction;
import org.falconc.ir.ops.tensor.Reshape;
import org.falconc.ir.ops.tensor.ShapeOf;
import org.falconc.ir.ops.tensor.Slice;
import org.falconc.ir.ops.tensor.SoftmaxFamily;
import org.falconc.ir.ops.tensor.Split;
import org.falconc.ir.ops.tensor.Squeeze;
import org.falconc.ir.ops.tensor.Tile;
import org.falconc.ir.ops.tensor.Transpose;
import org.falconc.ir.ops.tensor.Trilu;
import org.falconc.ir.ops.tensor.UnaryElementwise;
import org.falconc.ir.ops.tensor.Unsqueeze;
import org.falconc.ir.ops.tensor.VariadicElementwise;
import org.falconc.ir.ops.tensor.Where;

/** Schemas of elementwise, reduction and shape-manipulation ops. */
final class TensorOps {
    private TensorOps() {
    }

    static void registerAll(Consumer<OpSchema> r) {
        // elementwise
        UnaryElementwise.register(r);
        Clip.register(r);
        PRelu.register(r);
        BinaryElementwise.register(r);
        VariadicElementwise.register(r);
        Where.register(r);
        // normalisations and reductions
        SoftmaxFamily.register(r);
        Reduction.register(r);
        ArgReduction.register(r);
        // shape manipulation
        Reshape.register(r);
        Flatten.register(r);
        Transpose.register(r);
        Squeeze.register(r);
        Unsqueeze.register(r);
        Concat.register(r);
        Split.register(r);
        Slice.register(r);
        Gather.register(r);
        GatherElements.register(r);
        Expand.register(r);
        Tile.register(r);
        ShapeOf.register(r);
        ConstantOfShape.register(r);
        Range.register(r);
        Identity.register(r);
        Dropout.register(r);
        Cast.register(r);
        EyeLike.register(r);
        Trilu.register(r);
    }
}
