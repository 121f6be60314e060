package org.falconc.interp.nn;

import java.util.List;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;

/**
 * LRN: y = x / (bias + alpha / size * sum of x^2 over the channels c - floor((size-1)/2) ..
 * c + ceil((size-1)/2)) ^ beta.
 */
final class LrnKernel {
    private LrnKernel() {
    }

    static List<Tensor> compute(Node node, List<Tensor> in) {
        Tensor x = in.get(0);
        int size = (int) node.attrs().getInt("size");
        double alpha = node.attrs().getFloat("alpha", 1e-4f);
        double beta = node.attrs().getFloat("beta", 0.75f);
        double bias = node.attrs().getFloat("bias", 1f);
        int channels = x.shape().dim(1);
        int inner = x.numElements() / Math.max(1, x.shape().dim(0) * channels);
        int before = (size - 1) / 2;
        int after = size - 1 - before;
        float[] xd = x.floats();
        Tensor y = Tensor.zeros(node.output(0).type());
        float[] yd = y.floats();
        for (int i = 0; i < xd.length; i++) {
            int c = (i / inner) % channels;
            int planeStart = i - c * inner;
            double squares = 0;
            for (int cc = Math.max(0, c - before); cc <= Math.min(channels - 1, c + after); cc++) {
                double v = xd[planeStart + cc * inner];
                squares += v * v;
            }
            yd[i] = (float) (xd[i] / Math.pow(bias + alpha / size * squares, beta));
        }
        return List.of(y);
    }
}
