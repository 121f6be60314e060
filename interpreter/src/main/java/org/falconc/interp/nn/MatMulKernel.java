package org.falconc.interp.nn;

import java.util.List;
import org.falconc.interp.MultiIndex;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.nn.MatMulInference;

/** MatMul with numpy semantics: 1-D operands promoted to matrices, batch dimensions broadcast. */
final class MatMulKernel {
    private MatMulKernel() {
    }

    static List<Tensor> compute(Node node, List<Tensor> in) {
        Tensor a = in.get(0);
        Tensor b = in.get(1);
        // Promote 1-D operands: a to a row [1, K], b to a column [K, 1].
        Shape as = a.shape().rank() == 1 ? Shape.of(1, a.shape().dim(0)) : a.shape();
        Shape bs = b.shape().rank() == 1 ? Shape.of(b.shape().dim(0), 1) : b.shape();
        int m = as.dim(as.rank() - 2);
        int kDim = as.dim(as.rank() - 1);
        int n = bs.dim(bs.rank() - 1);
        int[] batch = MatMulInference.batchShape(node, as, bs).dims();
        int batchVol = MultiIndex.volume(batch);
        float[] ad = a.floats();
        float[] bd = b.floats();
        Tensor y = Tensor.zeros(node.output(0).type());
        float[] yd = y.floats();
        int[] idx = new int[batch.length];
        for (int bi = 0; bi < batchVol; bi++) {
            MultiIndex.unravel(bi, batch, idx);
            int aBase = batchOffset(as, idx) * m * kDim;
            int bBase = batchOffset(bs, idx) * kDim * n;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double acc = 0;
                    for (int k = 0; k < kDim; k++) {
                        acc += (double) ad[aBase + i * kDim + k] * bd[bBase + k * n + j];
                    }
                    yd[(bi * m + i) * n + j] = (float) acc;
                }
            }
        }
        return List.of(y);
    }

    /** Which matrix of an operand with shape {@code s} the broadcast batch index {@code idx} selects. */
    private static int batchOffset(Shape s, int[] idx) {
        int batchRank = s.rank() - 2;
        int shift = idx.length - batchRank;
        int offset = 0;
        for (int a = 0; a < batchRank; a++) {
            int d = s.dim(a);
            offset = offset * d + (d == 1 ? 0 : idx[shift + a]);
        }
        return offset;
    }
}
