package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.f;
import static org.falconc.codegen.lower.Args.i;
import static org.falconc.codegen.lower.Args.l;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.tensor.Reduction;
import org.falconc.runtime.ops.ReduceOp;
import org.falconc.runtime.ops.UnaryOp;

/**
 * ReduceSum, ReduceMean, ... over constant axes (ir's {@link Reduction#reducedAxes}); keepdims only
 * changes the shape. An empty axes list with noop_with_empty_axes is a copy.
 */
final class ReduceLowerer implements Lowerer {
    static final String[] OPS = {"ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1",
        "ReduceL2", "ReduceSumSquare", "ReduceLogSum", "ReduceLogSumExp"};

    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] in = layer.inShape(0);
        DType dtype = layer.inType(0).dtype();
        Tensor axesArg = layer.hasInput(1) ? layer.constant(1, "axes") : null;
        boolean[] reduced = Reduction.reducedAxes(node, layer.inType(0).shape(), axesArg);
        if (reduced == null) {
            int n = LayerBuilder.elements(in);
            var zero = dtype == DType.F32 ? f(0) : l(0);
            layer.call(Runtime.UNARY, Runtime.typedMethod(dtype), "no axes: a copy", i(UnaryOp.IDENTITY), zero, zero,
                    layer.in(0), layer.out(0), i(n));
            return;
        }
        int[] axes = IntStream.range(0, in.length).filter(a -> reduced[a]).toArray();
        int code = ReduceOp.code(node.op());
        if (code < 0) {
            throw layer.unsupported("the runtime has no reduction " + node.op());
        }
        layer.call(Runtime.REDUCE, Runtime.typedMethod(dtype), node.op() + " over axes " + Arrays.toString(axes), i(code),
                layer.in(0), layer.out(0), layer.intTable("inShape", in), layer.intTable("axes", axes));
    }
}
