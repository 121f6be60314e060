package org.falconc.interp.nn;

import java.util.List;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;

/** Gemm: Y[i,j] = alpha * sum_k A'[i,k] B'[k,j] + beta * C[i,j] with C broadcast from a scalar, row, column or matrix. */
final class GemmKernel {
    private GemmKernel() {
    }

    static List<Tensor> compute(Node node, List<Tensor> in) {
        Tensor a = in.get(0);
        Tensor b = in.get(1);
        Tensor c = in.size() > 2 ? in.get(2) : null;
        boolean transA = node.attrs().getInt("transA", 0) == 1;
        boolean transB = node.attrs().getInt("transB", 0) == 1;
        double alpha = node.attrs().getFloat("alpha", 1f);
        double beta = node.attrs().getFloat("beta", 1f);
        int aCols = a.shape().dim(1);
        int bCols = b.shape().dim(1);
        int m = transA ? a.shape().dim(1) : a.shape().dim(0);
        int kDim = transA ? a.shape().dim(0) : a.shape().dim(1);
        int n = transB ? b.shape().dim(0) : b.shape().dim(1);
        float[] ad = a.floats();
        float[] bd = b.floats();
        Tensor y = Tensor.zeros(node.output(0).type());
        float[] yd = y.floats();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int k = 0; k < kDim; k++) {
                    double av = transA ? ad[k * aCols + i] : ad[i * aCols + k];
                    double bv = transB ? bd[j * bCols + k] : bd[k * bCols + j];
                    acc += av * bv;
                }
                double v = alpha * acc;
                if (c != null) {
                    v += beta * c.floats()[broadcastOffset(c.shape(), i, j)];
                }
                yd[i * n + j] = (float) v;
            }
        }
        return List.of(y);
    }

    /** Offset in C of result element (i, j) under unidirectional broadcasting. */
    private static int broadcastOffset(Shape c, int i, int j) {
        return switch (c.rank()) {
            case 0 -> 0;
            case 1 -> c.dim(0) == 1 ? 0 : j;
            default -> (c.dim(0) == 1 ? 0 : i) * c.dim(1) + (c.dim(1) == 1 ? 0 : j);
        };
    }
}
