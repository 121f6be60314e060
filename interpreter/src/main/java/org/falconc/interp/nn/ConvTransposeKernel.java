package org.falconc.interp.nn;

import java.util.List;
import org.falconc.interp.MultiIndex;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.nn.NnChecks;
import org.falconc.ir.ops.nn.WindowGeometry;

/** ConvTranspose: every input element scatters through every kernel tap of its group into the output. */
final class ConvTransposeKernel {
    private ConvTransposeKernel() {
    }

    static List<Tensor> compute(Node node, List<Tensor> in) {
        Tensor x = in.get(0);
        Tensor w = in.get(1);
        Tensor bias = in.size() > 2 ? in.get(2) : null;
        Shape xs = x.shape();
        Shape ws = w.shape();
        int[] inSp = NnChecks.spatial(xs);
        int[] kSp = NnChecks.spatial(ws);
        WindowGeometry g = WindowGeometry.forConvTranspose(node, inSp, kSp);
        int group = (int) node.attrs().getInt("group", 1);
        int batch = xs.dim(0);
        int channels = xs.dim(1);
        int cPerGroup = channels / group;
        int mPerGroup = ws.dim(1);
        int m = mPerGroup * group;
        int[] outSp = g.outSizes();
        int inVol = MultiIndex.volume(inSp);
        int outVol = MultiIndex.volume(outSp);
        int kVol = MultiIndex.volume(kSp);
        float[] xd = x.floats();
        float[] wd = w.floats();
        double[] acc = new double[batch * m * outVol];
        int[] i = new int[g.rank()];
        int[] k = new int[g.rank()];
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                int firstOut = (c / cPerGroup) * mPerGroup;
                for (int ip = 0; ip < inVol; ip++) {
                    MultiIndex.unravel(ip, inSp, i);
                    double xv = xd[(n * channels + c) * inVol + ip];
                    for (int kp = 0; kp < kVol; kp++) {
                        MultiIndex.unravel(kp, kSp, k);
                        int offset = g.transposedOutputOffset(i, k);
                        if (offset < 0) {
                            continue;
                        }
                        for (int ml = 0; ml < mPerGroup; ml++) {
                            double wv = wd[(c * mPerGroup + ml) * kVol + kp];
                            acc[(n * m + firstOut + ml) * outVol + offset] += xv * wv;
                        }
                    }
                }
            }
        }
        Tensor y = Tensor.zeros(node.output(0).type());
        float[] yd = y.floats();
        for (int p = 0; p < yd.length; p++) {
            int oc = (p / outVol) % m;
            yd[p] = (float) (acc[p] + (bias == null ? 0 : bias.floats()[oc]));
        }
        return List.of(y);
    }
}
