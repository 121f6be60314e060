package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.f;
import static org.falconc.codegen.lower.Args.i;
import static org.falconc.codegen.lower.Args.l;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.runtime.ops.UnaryOp;

/**
 * Clip(x, min?, max?): with constant bounds as {@code Unary} CLIP; when a bound is computed or a graph
 * input (known only at run time) as {@code ClipTensor}, which reads both bounds from their buffers.
 * An absent bound does not clip.
 */
final class ClipLowerer implements Lowerer {
    @Override
    public int[] inPlaceInputs(Node node) {
        return new int[] {0};
    }

    @Override
    public void lower(Node node, LayerBuilder layer) {
        DType dtype = layer.inType(0).dtype();
        int n = LayerBuilder.elements(layer.outShape(0));
        if (layer.hasInput(1) && !layer.isConstant(1) || layer.hasInput(2) && !layer.isConstant(2)) {
            if (dtype == DType.BOOL) {
                throw layer.unsupported("Clip of bool data");
            }
            layer.call(Runtime.CLIP_TENSOR, Runtime.typedMethod(dtype), "Clip with run-time bounds", layer.in(0), layer.out(0),
                    i(n), layer.inOrNull(1, dtype), layer.inOrNull(2, dtype));
            return;
        }
        Tensor min = layer.hasInput(1) ? layer.constant(1, "min") : null;
        Tensor max = layer.hasInput(2) ? layer.constant(2, "max") : null;
        if (dtype == DType.F32) {
            float lo = min == null ? Float.NEGATIVE_INFINITY : (float) min.getDouble(0);
            float hi = max == null ? Float.POSITIVE_INFINITY : (float) max.getDouble(0);
            layer.call(Runtime.UNARY, "floats", "Clip [" + lo + ", " + hi + "]", i(UnaryOp.CLIP), f(lo), f(hi),
                    layer.in(0), layer.out(0), i(n));
        } else {
            long lo = min == null ? Long.MIN_VALUE : min.getLong(0);
            long hi = max == null ? Long.MAX_VALUE : max.getLong(0);
            layer.call(Runtime.UNARY, Runtime.typedMethod(dtype), "Clip [" + lo + ", " + hi + "]", i(UnaryOp.CLIP), l(lo), l(hi),
                    layer.in(0), layer.out(0), i(n));
        }
    }
}
