package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.ctx;
import static org.falconc.codegen.lower.Args.f;
import static org.falconc.codegen.lower.Args.i;
import static org.falconc.codegen.lower.Args.noArray;

import java.util.Arrays;
import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.runtime.Epilogue;
import org.falconc.runtime.ops.MatMul;

/**
 * MatMul. A constant 2-D B is a fully connected layer over all rows of A ({@code Gemm.fullyConnected}
 * with Bᵀ packed at load time); otherwise {@code MatMul.batched} with numpy batch broadcasting,
 * 1-D operands promoted as ONNX defines.
 */
final class MatMulLowerer implements Lowerer {
    @Override
    public void lower(Node node, LayerBuilder layer) {
        if (layer.inType(0).dtype() != DType.F32) {
            throw layer.unsupported("only f32 MatMul is compiled");
        }
        int[] a = layer.inShape(0);
        int[] b = layer.inShape(1);
        int[] a2 = a.length == 1 ? new int[] {1, a[0]} : a;
        int[] b2 = b.length == 1 ? new int[] {b[0], 1} : b;
        int m = a2[a2.length - 2];
        int k = a2[a2.length - 1];
        int n = b2[b2.length - 1];
        if (layer.isConstant(1) && b.length == 2) {
            int rows = LayerBuilder.elements(a) / Math.max(1, k);
            // W = B^T [n, k].
            var packed = layer.prepackedMatrix(node.input(1).name(), layer.constant(1, "B"), n, k, 1, n);
            layer.call(Runtime.GEMM, "fullyConnected", rows + "x" + k + " x constant " + k + "x" + n, ctx(), layer.in(0),
                    i(rows), packed, noArray(DType.F32), layer.out(0), i(Epilogue.NONE), f(0), f(0));
            return;
        }
        int[] aBatch = Arrays.copyOf(a2, a2.length - 2);
        int[] bBatch = Arrays.copyOf(b2, b2.length - 2);
        int[] batch = broadcast(aBatch, bBatch, layer);
        layer.call(Runtime.MATMUL, "batched", "batch " + Arrays.toString(batch) + " of " + m + "x" + k + " x " + k + "x" + n,
                ctx(), layer.in(0), layer.in(1), layer.out(0), layer.intTable("batch", batch),
                layer.intTable("aStrides", MatMul.batchStrides(aBatch, batch, m * k)),
                layer.intTable("bStrides", MatMul.batchStrides(bBatch, batch, k * n)), i(m), i(k), i(n));
    }

    private static int[] broadcast(int[] x, int[] y, LayerBuilder layer) {
        int rank = Math.max(x.length, y.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int dx = i - (rank - x.length) >= 0 ? x[i - (rank - x.length)] : 1;
            int dy = i - (rank - y.length) >= 0 ? y[i - (rank - y.length)] : 1;
            if (dx != dy && dx != 1 && dy != 1) {
                throw layer.unsupported("batch shapes " + Arrays.toString(x) + " and " + Arrays.toString(y) + " do not broadcast");
            }
            out[i] = dx == 1 ? dy : dx;
        }
        return out;
    }
}
