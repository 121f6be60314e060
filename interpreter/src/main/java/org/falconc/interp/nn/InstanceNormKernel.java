package org.falconc.interp.nn;

import java.util.List;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;

/** InstanceNormalization: each (batch, channel) plane normalised by its own mean and (population) variance. */
final class InstanceNormKernel {
    private InstanceNormKernel() {
    }

    static List<Tensor> compute(Node node, List<Tensor> in) {
        Tensor x = in.get(0);
        float[] scale = in.get(1).floats();
        float[] bias = in.get(2).floats();
        double epsilon = node.attrs().getFloat("epsilon", 1e-5f);
        int channels = x.shape().dim(1);
        int planes = x.shape().dim(0) * channels;
        int size = x.numElements() / Math.max(1, planes);
        float[] xd = x.floats();
        Tensor y = Tensor.zeros(node.output(0).type());
        float[] yd = y.floats();
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * size;
            double mean = 0;
            for (int i = 0; i < size; i++) {
                mean += xd[base + i];
            }
            mean /= size;
            double var = 0;
            for (int i = 0; i < size; i++) {
                double d = xd[base + i] - mean;
                var += d * d;
            }
            var /= size;
            int c = plane % channels;
            double inv = 1 / Math.sqrt(var + epsilon);
            for (int i = 0; i < size; i++) {
                yd[base + i] = (float) (scale[c] * (xd[base + i] - mean) * inv + bias[c]);
            }
        }
        return List.of(y);
    }
}
