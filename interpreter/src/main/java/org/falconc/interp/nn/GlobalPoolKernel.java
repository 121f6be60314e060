package org.falconc.interp.nn;

import java.util.List;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;

/** GlobalAveragePool, GlobalMaxPool and GlobalLpPool: one value per (batch, channel) plane. */
final class GlobalPoolKernel {
    private GlobalPoolKernel() {
    }

    static List<Tensor> compute(Node node, List<Tensor> in) {
        Tensor x = in.get(0);
        int planes = x.shape().dim(0) * x.shape().dim(1);
        int planeSize = x.numElements() / Math.max(1, planes);
        double p = node.attrs().getInt("p", 2);
        float[] xd = x.floats();
        Tensor y = Tensor.zeros(node.output(0).type());
        for (int plane = 0; plane < planes; plane++) {
            double sum = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < planeSize; i++) {
                double v = xd[plane * planeSize + i];
                max = Math.max(max, v);
                sum += node.op().equals("GlobalLpPool") ? Math.pow(Math.abs(v), p) : v;
            }
            y.floats()[plane] = (float) switch (node.op()) {
                case "GlobalMaxPool" -> max;
                case "GlobalAveragePool" -> sum / planeSize;
                default -> Math.pow(sum, 1 / p);
            };
        }
        return List.of(y);
    }
}
