package org.falconc.interp.nn;

import java.util.List;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;

/** BatchNormalization (inference): y = scale * (x - mean) / sqrt(var + epsilon) + B per channel. */
final class BatchNormKernel {
    private BatchNormKernel() {
    }

    static List<Tensor> compute(Node node, List<Tensor> in) {
        Tensor x = in.get(0);
        float[] scale = in.get(1).floats();
        float[] bias = in.get(2).floats();
        float[] mean = in.get(3).floats();
        float[] var = in.get(4).floats();
        double epsilon = node.attrs().getFloat("epsilon", 1e-5f);
        int channels = x.shape().dim(1);
        int inner = x.numElements() / Math.max(1, x.shape().dim(0) * channels);
        float[] xd = x.floats();
        Tensor y = Tensor.zeros(node.output(0).type());
        float[] yd = y.floats();
        for (int i = 0; i < xd.length; i++) {
            int c = (i / inner) % channels;
            yd[i] = (float) (scale[c] * (xd[i] - (double) mean[c]) / Math.sqrt(var[c] + epsilon) + bias[c]);
        }
        return List.of(y);
    }
}
