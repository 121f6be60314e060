package org.falconc.interp.nn;

import java.util.List;
import org.falconc.interp.MultiIndex;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.nn.NnChecks;
import org.falconc.ir.ops.nn.WindowGeometry;

/** Conv: a direct sum over input channels of the group and kernel taps, accumulated in double. */
final class ConvKernel {
    private ConvKernel() {
    }

    static List<Tensor> compute(Node node, List<Tensor> in) {
        Tensor x = in.get(0);
        Tensor w = in.get(1);
        Tensor bias = in.size() > 2 ? in.get(2) : null;
        Shape xs = x.shape();
        Shape ws = w.shape();
        int[] inSp = NnChecks.spatial(xs);
        int[] kSp = NnChecks.spatial(ws);
        WindowGeometry g = WindowGeometry.forConv(node, inSp, kSp);
        int group = (int) node.attrs().getInt("group", 1);
        int batch = xs.dim(0);
        int channels = xs.dim(1);
        int m = ws.dim(0);
        int cPerGroup = channels / group;
        int mPerGroup = m / group;
        int[] outSp = g.outSizes();
        int inVol = MultiIndex.volume(inSp);
        int outVol = MultiIndex.volume(outSp);
        int kVol = MultiIndex.volume(kSp);
        float[] xd = x.floats();
        float[] wd = w.floats();
        Tensor y = Tensor.zeros(node.output(0).type());
        float[] yd = y.floats();
        int[][] offsets = tapOffsets(g, outSp, kSp);
        // Loop order (output channel, input channel, tap, output position) keeps the innermost loop on
        // contiguous accumulators; sums are still taken in double.
        double[] acc = new double[outVol];
        for (int n = 0; n < batch; n++) {
            for (int oc = 0; oc < m; oc++) {
                java.util.Arrays.fill(acc, bias == null ? 0 : bias.floats()[oc]);
                int firstChannel = (oc / mPerGroup) * cPerGroup;
                for (int ic = 0; ic < cPerGroup; ic++) {
                    int xBase = (n * channels + firstChannel + ic) * inVol;
                    int wBase = (oc * cPerGroup + ic) * kVol;
                    for (int kp = 0; kp < kVol; kp++) {
                        double wv = wd[wBase + kp];
                        int[] off = offsets[kp];
                        for (int op = 0; op < outVol; op++) {
                            if (off[op] >= 0) {
                                acc[op] += xd[xBase + off[op]] * wv;
                            }
                        }
                    }
                }
                int yBase = (n * m + oc) * outVol;
                for (int op = 0; op < outVol; op++) {
                    yd[yBase + op] = (float) acc[op];
                }
            }
        }
        return List.of(y);
    }

    /** For each kernel tap, the input offset each output position reads (-1 in the padding). */
    private static int[][] tapOffsets(WindowGeometry g, int[] outSp, int[] kSp) {
        int outVol = MultiIndex.volume(outSp);
        int kVol = MultiIndex.volume(kSp);
        int[][] offsets = new int[kVol][outVol];
        int[] o = new int[g.rank()];
        int[] k = new int[g.rank()];
        for (int kp = 0; kp < kVol; kp++) {
            MultiIndex.unravel(kp, kSp, k);
            for (int op = 0; op < outVol; op++) {
                MultiIndex.unravel(op, outSp, o);
                offsets[kp][op] = g.inputOffset(o, k);
            }
        }
        return offsets;
    }
}
