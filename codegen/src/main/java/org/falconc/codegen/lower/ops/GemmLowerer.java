package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.bool;
import static org.falconc.codegen.lower.Args.ctx;
import static org.falconc.codegen.lower.Args.f;
import static org.falconc.codegen.lower.Args.i;
import static org.falconc.codegen.lower.Args.noArray;
import static org.falconc.codegen.lower.Args.none;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.codegen.program.Arg;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;

/**
 * Gemm and FusedGemm. With a constant B and no transA (a fully connected layer) B is packed at load
 * time, alpha folded into it and beta·C into a per-column bias, and {@code Gemm.fullyConnected}
 * applies the fused activation; otherwise {@code MatMul.gemm} computes it with a run-time B,
 * followed by the activation in place.
 */
final class GemmLowerer implements Lowerer {
    @Override
    public void lower(Node node, LayerBuilder layer) {
        Activation act = Activation.of(node, layer);
        boolean transA = node.attrs().getInt("transA", 0) != 0;
        boolean transB = node.attrs().getInt("transB", 0) != 0;
        float alpha = node.attrs().getFloat("alpha", 1f);
        float beta = node.attrs().getFloat("beta", 1f);
        int[] a = layer.inShape(0);
        int[] b = layer.inShape(1);
        int m = transA ? a[1] : a[0];
        int k = transA ? a[0] : a[1];
        int n = transB ? b[0] : b[1];
        if (layer.inType(0).dtype() != DType.F32) {
            throw layer.unsupported("only f32 Gemm is compiled");
        }
        Arg bias = layer.isConstant(1) && !transA ? columnBias(node, layer, n, beta) : null;
        if (bias != null) {
            Tensor w = layer.constant(1, "B");
            Tensor scaledW = alpha == 1f ? w : scaled(w, alpha);
            String name = node.input(1).name() + (alpha == 1f ? "" : "*alpha");
            // W [n, k]: B itself when transB, else B^T.
            Arg packed = transB
                    ? layer.prepackedMatrix(name, scaledW, n, k, k, 1)
                    : layer.prepackedMatrix(name, scaledW, n, k, 1, n);
            layer.call(Runtime.GEMM, "fullyConnected", "fully connected " + m + "x" + k + " -> " + n + act, ctx(),
                    layer.in(0), i(m), packed, bias, layer.out(0), i(act.code()), f(act.p0()), f(act.p1()));
            return;
        }
        int cRows = 1;
        int cCols = 1;
        if (layer.hasInput(2)) {
            int[] c = layer.inShape(2);
            cRows = c.length == 2 ? c[0] : 1;
            cCols = c.length == 0 ? 1 : c[c.length - 1];
        }
        layer.call(Runtime.MATMUL, "gemm", "Gemm " + m + "x" + k + " x " + k + "x" + n, ctx(), layer.in(0), layer.in(1),
                layer.inOrNull(2, DType.F32), layer.out(0), i(m), i(n), i(k), bool(transA), bool(transB), f(alpha), f(beta),
                i(cRows), i(cCols));
        if (!act.isNone()) {
            layer.call(Runtime.UNARY, "floats", "fused" + act, i(act.unaryCode()), f(act.p0()), f(act.p1()), layer.out(0),
                    layer.out(0), i(m * n));
        }
    }

    /**
     * beta·C as a bias per output column (length n): null when C varies along rows, so the bias
     * cannot be per column. Absent C: no bias.
     */
    private static Arg columnBias(Node node, LayerBuilder layer, int n, float beta) {
        if (!layer.hasInput(2)) {
            return noArray(DType.F32);
        }
        if (!layer.isConstant(2)) {
            return null;
        }
        Tensor c = layer.constant(2, "C");
        int[] shape = c.shape().dims();
        int rows = shape.length == 2 ? shape[0] : 1;
        int cols = shape.length == 0 ? 1 : shape[shape.length - 1];
        if (rows != 1 || (cols != 1 && cols != n) || c.dtype() != DType.F32) {
            return null;
        }
        if (beta == 1f && cols == n && shape.length == 1) {
            return layer.weightArrayOrNull(2, DType.F32);
        }
        float[] bias = new float[n];
        for (int j = 0; j < n; j++) {
            bias[j] = beta * c.floats()[cols == 1 ? 0 : j];
        }
        return layer.floatArray(node.input(2).name() + "*beta", Tensor.ofFloats(Shape.of(n), bias));
    }

    static Tensor scaled(Tensor w, float alpha) {
        float[] src = w.floats();
        float[] dst = new float[src.length];
        for (int i = 0; i < src.length; i++) {
            dst[i] = alpha * src[i];
        }
        return Tensor.ofFloats(w.shape(), dst);
    }
}
