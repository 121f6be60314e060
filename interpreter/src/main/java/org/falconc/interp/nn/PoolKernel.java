package org.falconc.interp.nn;

import java.util.ArrayList;
import java.util.List;
import org.falconc.interp.MultiIndex;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.nn.NnChecks;
import org.falconc.ir.ops.nn.PoolInference;
import org.falconc.ir.ops.nn.WindowGeometry;

/**
 * MaxPool (with optional Indices), AveragePool and LpPool over each window of each (batch, channel)
 * plane. Window taps in the padding (explicit, auto_pad or the ceil_mode overhang) are skipped, except
 * that AveragePool with count_include_pad=1 counts the taps inside the explicitly padded extent.
 */
final class PoolKernel {
    private PoolKernel() {
    }

    static List<Tensor> compute(Node node, List<Tensor> in) {
        Tensor x = in.get(0);
        WindowGeometry g = PoolInference.geometry(node, x.shape());
        int[] inSp = NnChecks.spatial(x.shape());
        int[] kSp = new int[g.rank()];
        for (int a = 0; a < kSp.length; a++) {
            kSp[a] = g.kernel(a);
        }
        int[] outSp = g.outSizes();
        int inVol = MultiIndex.volume(inSp);
        int outVol = MultiIndex.volume(outSp);
        int kVol = MultiIndex.volume(kSp);
        int planes = x.shape().dim(0) * x.shape().dim(1);
        String op = node.op();
        boolean withIndices = node.numOutputs() > 1;
        boolean columnMajor = node.attrs().getInt("storage_order", 0) == 1;
        boolean countPad = node.attrs().getInt("count_include_pad", 0) == 1;
        double p = node.attrs().getInt("p", 2);
        float[] xd = x.floats();
        Tensor y = Tensor.zeros(node.output(0).type());
        Tensor indices = withIndices ? Tensor.zeros(node.output(1).type()) : null;
        int[] o = new int[g.rank()];
        int[] k = new int[g.rank()];
        for (int plane = 0; plane < planes; plane++) {
            for (int outPos = 0; outPos < outVol; outPos++) {
                MultiIndex.unravel(outPos, outSp, o);
                double max = Double.NEGATIVE_INFINITY;
                long argmax = -1;
                double sum = 0;
                int valid = 0;
                int counted = 0;
                for (int kp = 0; kp < kVol; kp++) {
                    MultiIndex.unravel(kp, kSp, k);
                    if (countPad && insideExplicitPadding(g, inSp, o, k)) {
                        counted++;
                    }
                    int offset = g.inputOffset(o, k);
                    if (offset < 0) {
                        continue;
                    }
                    double v = xd[plane * inVol + offset];
                    valid++;
                    switch (op) {
                        case "MaxPool" -> {
                            if (v > max || argmax < 0) {
                                max = v;
                                argmax = (long) plane * inVol + storageIndex(g, inSp, o, k, columnMajor);
                            }
                        }
                        case "AveragePool" -> sum += v;
                        default -> sum += Math.pow(Math.abs(v), p);
                    }
                }
                float result = switch (op) {
                    case "MaxPool" -> argmax < 0 ? -Float.MAX_VALUE : (float) max;
                    case "AveragePool" -> (float) (sum / (countPad ? counted : valid));
                    default -> (float) Math.pow(sum, 1 / p);
                };
                y.floats()[plane * outVol + outPos] = result;
                if (withIndices) {
                    indices.longs()[plane * outVol + outPos] = argmax;
                }
            }
        }
        List<Tensor> out = new ArrayList<>(List.of(y));
        if (withIndices) {
            out.add(indices);
        }
        return out;
    }

    /** Whether the tap lies within the input extended by the explicit (or auto) padding, not the ceil_mode overhang. */
    private static boolean insideExplicitPadding(WindowGeometry g, int[] inSp, int[] o, int[] k) {
        for (int a = 0; a < inSp.length; a++) {
            int i = g.inputIndex(a, o[a], k[a]);
            if (i < -g.padBegin(a) || i >= inSp[a] + g.padEnd(a)) {
                return false;
            }
        }
        return true;
    }

    /** The tap's position within its plane, row-major (storage_order 0) or column-major (1), as ONNX Indices count it. */
    private static int storageIndex(WindowGeometry g, int[] inSp, int[] o, int[] k, boolean columnMajor) {
        int index = 0;
        if (columnMajor) {
            for (int a = inSp.length - 1; a >= 0; a--) {
                index = index * inSp[a] + g.inputIndex(a, o[a], k[a]);
            }
        } else {
            for (int a = 0; a < inSp.length; a++) {
                index = index * inSp[a] + g.inputIndex(a, o[a], k[a]);
            }
        }
        return index;
    }
}
