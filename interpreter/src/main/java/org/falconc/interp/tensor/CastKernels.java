package org.falconc.interp.tensor;

import java.util.List;
import java.util.function.BiConsumer;
import org.falconc.interp.Elements;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;

/**
 * Reference kernels of Cast and CastLike. Conversions: f32 to integers truncates toward zero
 * (NaN gives 0, out-of-range values saturate, as Java casts do; ONNX leaves both undefined);
 * i64 to i32 keeps the low 32 bits; anything to bool is "non-zero" (NaN is true); bool to
 * numbers is 0 or 1; integers to f32 round to nearest.
 */
final class CastKernels {
    private CastKernels() {
    }

    static void register(BiConsumer<String, ReferenceKernel> r) {
        r.accept("Cast", CastKernels::cast);
        r.accept("CastLike", CastKernels::cast);
    }

    private static List<Tensor> cast(Node node, List<Tensor> in) {
        Tensor x = in.get(0);
        Tensor y = Outputs.allocate(node, 0, x.shape());
        for (int i = 0; i < x.numElements(); i++) {
            if (x.dtype() == DType.F32) {
                Elements.setDouble(y, i, x.floats()[i]);
            } else {
                Elements.setLong(y, i, x.getLong(i));
            }
        }
        return List.of(y);
    }
}
