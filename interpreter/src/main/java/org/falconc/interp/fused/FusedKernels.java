package org.falconc.interp.fused;

import java.util.ArrayList;
import java.util.List;
import org.falconc.interp.KernelRegistry;
import org.falconc.ir.Graph;
import org.falconc.ir.Value;
import org.falconc.ir.IrException;
import org.falconc.ir.Shape;
import org.falconc.ir.ops.fused.ActivationBitsInference;
import org.falconc.ir.ops.fused.DecomposedConvInference;
import org.falconc.ir.ops.fused.SparseAttrs;
import java.util.function.BiConsumer;
import org.falconc.interp.ReferenceKernel;
import org.falconc.interp.nn.FusableKernels;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.fused.Activation;
import org.falconc.ir.ops.fused.FusedConvInference;
import org.falconc.ir.ops.fused.FusedGemmInference;

/**
 * Reference kernels of falconc's fused ops: the unfused Conv/Gemm kernel, then the epilogue
 * (residual add, activation) element by element, rounding to f32 after each step exactly as the
 * unfused Add and activation kernels do, so fused and unfused graphs give the same numbers.
 */
public final class FusedKernels {
    private FusedKernels() {
    }

    public static void registerAll(BiConsumer<String, ReferenceKernel> r) {
        r.accept(FusedConvInference.OP, (node, in) -> List.of(fusedConvY(node, in)));
        r.accept(FusedGemmInference.OP, FusedKernels::fusedGemm);
        r.accept(DecomposedConvInference.OP, FusedKernels::decomposedConv);
        r.accept(ActivationBitsInference.OP, (node, in) -> List.of(bits(in.get(0))));
    }

    /**
     * DecomposedConv: the FusedConvNhwc result (the oracle for the sparse runtime kernel), after
     * checking that BITS is exactly the bitmap of X, since a kernel skipping an activation the bitmap
     * wrongly calls zero would compute something else.
     */
    private static List<Tensor> decomposedConv(Node node, List<Tensor> in) {
        long[] exact = bits(in.get(0)).longs();
        long[] given = in.get(DecomposedConvInference.BITS).longs();
        for (int i = 0; i < exact.length; i++) {
            if (exact[i] != given[i]) {
                throw IrException.atNode(node, "bitmap word " + i + " is " + Long.toHexString(given[i])
                        + " but X gives " + Long.toHexString(exact[i]));
            }
        }
        Graph scratch = new Graph("decomposed");
        List<Value> ins = new ArrayList<>();
        for (int i = 0; i < DecomposedConvInference.BITS; i++) {
            Value v = node.hasInput(i) ? node.input(i) : null;
            ins.add(v == null ? null : scratch.addInput("in" + i, v.type()));
        }
        Node twin = scratch.addNode("FusedConvNhwc", node.name(), ins, List.of("y"), node.attrs().copy());
        twin.output(0).setType(node.output(0).type());
        return KernelRegistry.find("FusedConvNhwc").compute(twin, in.subList(0, DecomposedConvInference.BITS));
    }

    /**
     * The bitmap of a channels-last f32 tensor [N, H, W, C] (docs/sparsity.md): i64[N, H, W, ceil(C / 64)],
     * bit c & 63 of word c >> 6 of a pixel set iff the element is not 0 (NaN counts as non-zero).
     */
    public static Tensor bits(Tensor x) {
        Shape s = x.shape();
        int c = s.dim(3);
        int words = SparseAttrs.wordsPerPixel(c);
        int pixels = s.dim(0) * s.dim(1) * s.dim(2);
        float[] d = x.floats();
        long[] b = new long[pixels * words];
        for (int p = 0; p < pixels; p++) {
            for (int ch = 0; ch < c; ch++) {
                float v = d[p * c + ch];
                if (v != 0 || Float.isNaN(v)) {
                    b[p * words + ch / 64] |= 1L << (ch % 64);
                }
            }
        }
        return Tensor.ofLongs(SparseAttrs.bitsType(s).shape(), b);
    }

    private static Tensor fusedConvY(Node node, List<Tensor> in) {
        Tensor y = FusableKernels.conv(node, in.get(0), in.get(1), input(in, 2));
        Tensor z = input(in, FusedConvInference.RESIDUAL);
        if (z != null) {
            float[] yd = y.floats();
            float[] zd = z.floats();
            for (int i = 0; i < yd.length; i++) {
                yd[i] = yd[i] + zd[i];
            }
        }
        applyActivation(node, y);
        return y;
    }

    private static List<Tensor> fusedGemm(Node node, List<Tensor> in) {
        Tensor y = FusableKernels.gemm(node, in.get(0), in.get(1), input(in, 2));
        applyActivation(node, y);
        return List.of(y);
    }

    private static Tensor input(List<Tensor> in, int i) {
        return i < in.size() ? in.get(i) : null;
    }

    private static void applyActivation(Node node, Tensor y) {
        Activation act = Activation.of(node);
        if (act == Activation.NONE) {
            return;
        }
        float[] params = act.params(node);
        float[] yd = y.floats();
        for (int i = 0; i < yd.length; i++) {
            yd[i] = (float) act.apply(yd[i], params);
        }
    }
}
