package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.bool;
import static org.falconc.codegen.lower.Args.f;
import static org.falconc.codegen.lower.Args.i;
import static org.falconc.codegen.lower.Args.l;

import java.util.Arrays;
import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.codegen.program.Arg;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.nn.PadPlan;

/**
 * Pad with constant pads/axes, resolved by ir's {@link PadPlan} (negative pads crop). The constant_value
 * is a compile-time argument when it is a constant, else read from its buffer at run time.
 */
final class PadLowerer implements Lowerer {
    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] in = layer.inShape(0);
        Tensor axes = layer.hasInput(3) ? layer.constant(3, "axes") : null;
        PadPlan plan = PadPlan.of(node, layer.inType(0).shape(), layer.constant(1, "pads"), axes);
        int[] begin = new int[in.length];
        int[] end = new int[in.length];
        for (int a = 0; a < in.length; a++) {
            begin[a] = plan.begin(a);
            end[a] = plan.end(a);
        }
        Arg value = layer.hasInput(2) && !layer.isConstant(2) ? layer.in(2) : constantValue(layer);
        layer.call(Runtime.PAD, "run", plan.mode() + " pads " + Arrays.toString(begin) + Arrays.toString(end),
                layer.in(0), layer.out(0), layer.intTable("inShape", in), layer.intTable("padsBegin", begin),
                layer.intTable("padsEnd", end), i(org.falconc.runtime.ops.Pad.mode(plan.mode())), value);
    }

    /** The compile-time constant_value (zero or false when absent) as an argument of the data's type. */
    private static Arg constantValue(LayerBuilder layer) {
        Tensor valueTensor = layer.hasInput(2) ? layer.constant(2, "constant_value") : null;
        return switch (layer.inType(0).dtype()) {
            case F32 -> f(valueTensor == null ? 0f : (float) valueTensor.getDouble(0));
            case I64 -> l(valueTensor == null ? 0L : valueTensor.getLong(0));
            case I32 -> i(valueTensor == null ? 0 : (int) valueTensor.getLong(0));
            case BOOL -> bool(valueTensor != null && valueTensor.getLong(0) != 0);
        };
    }
}
