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

/** Pad with constant pads/axes/value, resolved by ir's {@link PadPlan} (negative pads crop). */
final class PadLowerer implements Lowerer {
    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] in = layer.inShape(0);
        Tensor axes = layer.hasInput(3) ? layer.constant(3, "axes") : null;
        PadPlan plan = PadPlan.of(node, layer.inType(0).shape(), layer.constant(1, "pads"), axes);
        Tensor valueTensor = layer.hasInput(2) ? layer.constant(2, "constant_value") : null;
        int[] begin = new int[in.length];
        int[] end = new int[in.length];
        for (int a = 0; a < in.length; a++) {
            begin[a] = plan.begin(a);
            end[a] = plan.end(a);
        }
        Arg value = switch (layer.inType(0).dtype()) {
            case F32 -> f(valueTensor == null ? 0f : (float) valueTensor.getDouble(0));
            case I64 -> l(valueTensor == null ? 0L : valueTensor.getLong(0));
            case I32 -> i(valueTensor == null ? 0 : (int) valueTensor.getLong(0));
            case BOOL -> bool(valueTensor != null && valueTensor.getLong(0) != 0);
        };
        layer.call(Runtime.PAD, "run", plan.mode() + " pads " + Arrays.toString(begin) + Arrays.toString(end),
                layer.in(0), layer.out(0), layer.intTable("inShape", in), layer.intTable("padsBegin", begin),
                layer.intTable("padsEnd", end), i(org.falconc.runtime.ops.Pad.mode(plan.mode())), value);
    }
}
