package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.f;

import java.util.Arrays;
import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.nn.ResizePlan;
import org.falconc.runtime.ops.ResizeTables;

/**
 * Resize with constant roi/scales/sizes: ir's {@link ResizePlan} resolves the attributes, the
 * runtime's {@link ResizeTables} builds the per-axis sampling tables now, at compile time, and the
 * generated code only runs the weighted gather over them.
 */
final class ResizeLowerer implements Lowerer {
    @Override
    public void lower(Node node, LayerBuilder layer) {
        if (layer.inType(0).dtype() != DType.F32) {
            throw layer.unsupported("only f32 Resize is compiled");
        }
        Shape x = layer.inType(0).shape();
        Tensor roi = optionalConstant(layer, 1, "roi");
        Tensor scales = optionalConstant(layer, 2, "scales");
        Tensor sizes = optionalConstant(layer, 3, "sizes");
        ResizePlan plan = ResizePlan.of(node, x, roi, scales, sizes);
        int rank = x.rank();
        int[] in = x.dims();
        int[] out = plan.outputShape().dims();
        double[] scale = new double[rank];
        double[] roiStart = new double[rank];
        double[] roiEnd = new double[rank];
        for (int a = 0; a < rank; a++) {
            scale[a] = plan.scale(a);
            roiStart[a] = plan.roiStart(a);
            roiEnd[a] = plan.roiEnd(a);
        }
        ResizeTables tables = ResizeTables.build(plan.mode(), plan.coordinateMode(), plan.nearestMode(), plan.cubicCoeffA(),
                plan.excludeOutside(), plan.antialias(), in, out, scale, roiStart, roiEnd);
        String name = node.output(0).name();
        float[] weights = tables.weights();
        layer.call(Runtime.RESIZE, "run", plan.mode() + " " + plan.coordinateMode() + " " + Arrays.toString(in) + " -> "
                        + Arrays.toString(out), layer.in(0), layer.out(0), layer.intTable("inShape", in),
                layer.intTable("outShape", out), layer.intTable("taps", tables.taps()),
                layer.intTable(name + ".indices", tables.indices()),
                layer.floatTable(name + ".weights", Tensor.ofFloats(Shape.of(weights.length), weights)),
                f(plan.extrapolationValue()));
    }

    private static Tensor optionalConstant(LayerBuilder layer, int i, String role) {
        return layer.hasInput(i) ? layer.constant(i, role) : null;
    }
}
