package org.falconc.interp.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.falconc.interp.KernelRegistry;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.OpRegistry;
import org.falconc.ir.ops.layout.ChannelsLast;

/**
 * Reference kernels of the channels-last twins ({@link ChannelsLast}): the activation inputs
 * reordered to NCHW, the base op's own reference kernel, the outputs reordered to NHWC. So a twin
 * means exactly what its base op means; the runtime's NHWC kernels are checked against this.
 */
public final class ChannelsLastKernels {
    private ChannelsLastKernels() {
    }

    public static void registerAll(BiConsumer<String, ReferenceKernel> r) {
        for (String op : OpRegistry.ops()) {
            if (ChannelsLast.isTwin(op)) {
                r.accept(op, ChannelsLastKernels::compute);
            }
        }
    }

    private static List<Tensor> compute(Node twin, List<Tensor> in) {
        List<Tensor> nchw = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Tensor t = in.get(i);
            nchw.add(t != null && ChannelsLast.isActivationInput(twin.op(), i) ? ChannelsLast.permute(t, ChannelsLast.TO_NCHW) : t);
        }
        Node base = ChannelsLast.baseNode(twin);
        List<Tensor> outs = KernelRegistry.find(base.op()).compute(base, nchw);
        List<Tensor> nhwc = new ArrayList<>();
        for (Tensor t : outs) {
            nhwc.add(ChannelsLast.permute(t, ChannelsLast.TO_NHWC));
        }
        return nhwc;
    }
}
